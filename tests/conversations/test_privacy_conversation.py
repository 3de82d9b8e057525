"""What the server keeps: no raw sender ids in trackers."""


def test_the_tracker_is_keyed_by_a_hash_not_the_client_id(assistant, chat):
    chat.say("how much does it cost")
    raw = assistant.tracker(chat.sender)
    assert not [e for e in raw.get("events", []) if e.get("event") == "user"], "raw sender id holds a conversation"
    assert chat.last and chat.last[0]["recipient_id"] == chat.sender


def test_asking_what_is_kept_gets_how_long_and_that_nothing_is_reported(chat):
    answer = chat.say("do you keep what i write here?")
    assert "60 minutes without a message" in answer and "does not report" in answer, answer
    answer = chat.say("est-ce que vous gardez mes messages?")
    assert "60 minutes sans message" in answer, answer
