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
