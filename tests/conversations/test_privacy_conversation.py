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


def _user_turns(assistant, chat) -> int:
    from bench.servers import stored_id

    events = assistant.tracker(stored_id(chat.sender)).get("events", [])
    return len([e for e in events if e.get("event") == "user"])


def test_forget_erases_the_conversation_and_the_request_is_not_kept(assistant, chat):
    chat.say("can i get a permit")
    chat.say("yes")
    assert _user_turns(assistant, chat) == 2
    answer = chat.say("/forget")
    assert "erased this conversation" in answer and "911" in answer
    assert _user_turns(assistant, chat) == 0
    # A fresh start: "yes" is no longer an answer to the screening's questions.
    assert "in Canada now" not in chat.say("yes")


def test_erasing_in_french_answers_in_french(assistant, chat):
    chat.say("bonjour, combien ça coûte le permis?")
    answer = chat.say("Effacez cette conversation svp")
    assert "J'ai effacé cette conversation" in answer and "erased" not in answer
    assert _user_turns(assistant, chat) == 0


def test_a_question_about_erasing_is_answered_not_carried_out(assistant, chat):
    chat.say("how much does it cost")
    answer = chat.say("do you keep what i write here?")
    assert "/forget" in answer
    assert _user_turns(assistant, chat) == 2
    assert "/effacer" in chat.say("est-ce que vous gardez mes messages?")
