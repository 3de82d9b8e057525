"""What the server keeps: no raw sender ids in trackers."""


def test_the_tracker_is_keyed_by_a_hash_not_the_client_id(assistant, chat):
    chat.say("how much does it cost")
    raw = assistant.tracker(chat.sender)
    assert not [e for e in raw.get("events", []) if e.get("event") == "user"], "raw sender id holds a conversation"
    assert chat.last and chat.last[0]["recipient_id"] == chat.sender
