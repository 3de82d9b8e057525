"""Bad input gets a clear, kind answer over the REST channel, and the conversation goes on."""

import json
import urllib.error
import urllib.request

from turns import last_turn

# What the assistant does with a message it cannot read as a question: says so kindly and offers
# what it can do. Never an answer to a question nobody asked, and never the questionnaire.
NOT_UNDERSTOOD = {"utter_default", "utter_out_of_scope", "utter_how_can_i_help"}


def assert_not_understood(chat, allowed=NOT_UNDERSTOOD):
    turn = last_turn(chat)
    assert turn["actions"] and set(turn["actions"]) <= allowed, turn
    assert turn["active_loop"] is None, turn


def post(assistant, body: bytes):
    req = urllib.request.Request(f"{assistant.url}/webhooks/rest/webhook", data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_empty_message_gets_a_prompt(chat):
    answer = chat.say("")
    assert "did not get any text" in answer and "911" in answer


def test_huge_message_is_read_and_answered(chat):
    story = "I came here to work on a farm and the boss keeps our papers and we work every day. " * 80
    answer = chat.say(story + "How much does the permit cost?")
    assert "very long" in answer
    # The story is read: it is answered (the fee, or the questions that fit a story like this).
    assert "no fee" in answer or "safe right now" in answer, answer


def test_binary_and_control_characters(chat):
    chat.say("\x00\x01\x02 how much does it cost \x7f")
    turn = last_turn(chat)
    assert turn["intent"] == "ask_fee" and turn["actions"] == ["utter_fee"], turn


def test_emoji_only(chat):
    assert chat.say("😢😢😢").strip()
    # A crying face may also get the safety answer; either way, a kind answer and nothing started.
    assert_not_understood(chat, NOT_UNDERSTOOD | {"utter_emergency"})


def test_keys_pressed_at_random_are_not_understood(chat):
    # Not "I can only help with immigration protection": nothing was asked.
    assert chat.say("hjklhjkl").strip()
    assert last_turn(chat)["intent"] == "nlu_fallback"
    assert_not_understood(chat, NOT_UNDERSTOOD - {"utter_out_of_scope"})


def test_not_json_or_no_sender_is_explained(assistant):
    status, body = post(assistant, b"not json at all")
    assert status == 400 and "sender" in body["error"]
    status, body = post(assistant, json.dumps({"message": "hi"}).encode())
    assert status == 400


def test_message_of_the_wrong_type(assistant):
    status, body = post(assistant, json.dumps({"sender": "x-1", "message": {"nested": 1}}).encode())
    assert status == 200 and body and "did not get any text" in body[0]["text"]


def test_spanish_gets_a_kind_answer_in_every_language_the_assistant_writes(chat):
    answer = chat.say("hola, necesito ayuda, mi jefe tiene mi pasaporte")
    # Not a language it writes: never read as a greeting or a question, and said in English and in
    # French, with the hotline that has interpreters.
    assert_not_understood(chat, {"utter_default"})
    assert "can write only" in answer and "écrire seulement" in answer, answer
    assert "English, Français" in answer
    assert "1-833-900-1010" in answer and "911" in answer
    # The conversation's language is not changed by the guess: English goes on in English.
    assert "fee" in chat.say("how much does the permit cost?")


def test_tagalog_is_answered_the_same_way(chat):
    answer = chat.say("magandang araw po, may tanong ako tungkol sa permit ko")
    assert_not_understood(chat, {"utter_default"})
    assert "can write only" in answer and "écrire seulement" in answer and "1-833-900-1010" in answer


def test_unknown_command(chat):
    assert chat.say("/does_not_exist").strip()
    assert_not_understood(chat)


def test_help_and_start_commands_greet_instead_of_alarming_or_starting_questions(chat):
    for command in ("/help", "/start"):
        answer = chat.say(command)
        assert "I give information" in answer and "Your safety comes first" not in answer, answer
        assert "are you safe right now" not in answer


def test_a_command_answers_in_the_conversations_language(chat):
    chat.say("bonjour, est-ce que je peux travailler?")
    assert "Bonjour" in chat.say("/aide")


def test_danger_in_another_language_gets_the_safety_answer_in_every_language(chat):
    answer = chat.say("tulungan mo ako, sinasaktan ako ng amo ko ngayon")
    assert last_turn(chat)["actions"][0] == "utter_emergency"
    assert "911" in answer and answer.count("1-833-900-1010") >= 2
    assert "Your safety comes first" in answer and "sécurité" in answer


def test_asking_for_another_language_gets_the_language_menu(chat):
    chat.say("hablemos en español")
    assert last_turn(chat)["actions"] == ["utter_choose_language"]
    assert {"English", "Français"} <= {b["title"] for b in chat.buttons()}
