"""Danger at any point gets 911 first, then the hotline, then an offer to continue."""

import pytest

from bench.servers import Conversation


def assert_emergency(answer: str) -> None:
    assert "911" in answer and "1-833-900-1010" in answer, answer
    assert answer.index("911") < answer.index("1-833-900-1010"), "911 must come first"


@pytest.mark.parametrize("text", ["he is going to kill me", "il va me tuer", "help me now please", "au secours"])
def test_danger_as_the_first_message(chat, text):
    assert_emergency(chat.say(text))


def test_danger_in_the_middle_then_the_conversation_goes_on(chat):
    assert "no fee" in chat.say("how much does it cost")
    assert_emergency(chat.say("wait someone is at the door, i'm scared he will hurt me"))
    assert "Interim Federal Health" in chat.say("can i see a doctor")


def test_danger_after_several_turns_in_french(chat):
    chat.say("bonjour")
    chat.say("est-ce que je peux travailler")
    answer = chat.say("mon patron a un couteau")
    assert_emergency(answer)
    assert "sécurité" in answer


def test_safety_net_catches_danger_the_classifier_may_miss(assistant, chat):
    text = "where is the office, he locked me in"
    parsed = assistant.parse(text)
    assert parsed["intent"]["name"] == "in_danger"
    assert_emergency(chat.say(text))


def test_emergency_needs_no_action_server(assistant_without_actions):
    chat = Conversation(assistant_without_actions)
    assert_emergency(chat.say("they are hurting me"))
    assert "1-833-900-1010" in chat.say("i want to talk to someone")


def in_french(answer: str) -> bool:
    return "sécurité" in answer and "Your safety" not in answer


@pytest.mark.parametrize("text", ["il me cogne", "on m'enferme", "il m'étrangle"])
def test_short_french_danger_gets_911_guidance_in_french(chat, text):
    # Three words are too few for the language detector; the danger lexicon that matched decides.
    answer = chat.say(text)
    assert_emergency(answer)
    assert in_french(answer), answer


def test_short_french_danger_after_english_is_answered_in_french(chat):
    assert "no fee" in chat.say("how much does the permit cost")
    answer = chat.say("il me tape dessus")
    assert_emergency(answer)
    assert in_french(answer), answer


@pytest.mark.parametrize("text", [
    "the crew leader slaps me when i am slow",
    "they make me go with clients to pay the debt",
    "my husband says he will send my naked pictures to my parents",
    "le gérant me donne des coups de pied",
])
def test_danger_in_words_the_old_phrases_lacked(chat, text):
    assert_emergency(chat.say(text))


@pytest.mark.parametrize("text", ["these forms are killing me, how long does it take",
                                  "personne me fait de mal, combien coûte le permis"])
def test_idioms_and_negations_get_an_answer_not_an_alarm(chat, text):
    assert "911" not in chat.say(text)


def test_danger_is_answered_in_its_own_language_even_after_a_choice(chat):
    chat.say("english please")
    answer = chat.say("il me frappe")
    assert_emergency(answer)
    assert in_french(answer), answer


def test_a_medical_emergency_told_without_a_question_gets_only_the_emergency_answer(chat):
    said = chat.say("my roommate is not waking up and theres foam on his mouth")
    assert_emergency(said)
    assert "Interim Federal Health" not in said  # nothing was asked about health care


def test_the_question_asked_beside_an_emergency_is_the_one_answered(chat):
    # The whole message reads as a health topic; the part that asks is about work.
    said = chat.say("my sister drank bleach and is throwing up blood. also, can I work while I wait for the permit?")
    assert_emergency(said)
    assert "work permit" in said[said.index("1-833-900-1010"):], said
    assert "Interim Federal Health" not in said, said
