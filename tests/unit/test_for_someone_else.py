"""Asking for someone else: what the message says about the writer is not kept as their answers,
and the questions begin by saying how to answer for another person."""

import pytest
from form_tracker import FORM_DOMAIN, said_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening_form import StartScreening
from bot.screening.questionnaire import default_questionnaire

DOMAIN = FORM_DOMAIN
Q = default_questionnaire()


tracker = said_tracker


@pytest.mark.parametrize("text", [
    "I'm a permanent resident but my sister works on a farm and they took her passport, what can she do?",
    "I am a citizen. Can my cousin get this permit?",
    "asking for a friend, she is in Canada with no papers",
    "je suis citoyenne, c'est pour ma soeur qui n'a pas de papiers",
    "je suis résident permanent, est-ce qu'il peut avoir ce permis?",
    "I'm a Canadian citizen, my coworker is the one who needs this",
    "je suis citoyen, c'est mon ami qui a un problème avec son patron",
    "not me, it's my neighbour, I'm a PR",
])
def test_a_message_for_someone_else_keeps_nothing_about_the_writer(text):
    assert Q.for_someone_else(text)
    assert Q.known_answers([(text, [])]) == {}


@pytest.mark.parametrize("text", [
    "I'm a Canadian citizen. Can I still get help?",
    "my boss took my passport, can he do that?",
])
def test_a_message_about_oneself_is_read_as_before(text):
    assert not Q.for_someone_else(text)
    if "citizen" in text:
        assert Q.known_answers([(text, [])]).get("citizen_pr") == "yes"


def start(said, **slots):
    d = CollectingDispatcher()
    events = StartScreening().run(d, tracker(said, **slots), DOMAIN)
    return d.messages, events


def test_the_questions_start_by_saying_how_to_answer_for_someone_else():
    messages, events = start(["I'm PR already but my brother is on a closed permit, can he get a TRP?"])
    texts = " ".join(m["text"] for m in messages)
    assert "1-833-900-1010" in texts
    assert not [e for e in events if e.get("name") == "q_citizen_pr" and e.get("value") is not None]


def test_in_french_too():
    messages, _ = start(["je suis citoyen mais c'est pour mon amie, est-ce qu'elle peut avoir le permis?"],
                        language="fr")
    texts = " ".join(m["text"] for m in messages)
    assert "1-833-900-1010" in texts and "autre personne" in texts


def test_for_oneself_no_such_line_and_the_answer_is_kept():
    messages, events = start(["I'm a Canadian citizen. Can I still get help?"])
    assert "1-833-900-1010" not in " ".join(m["text"] for m in messages)
    assert [e for e in events if e.get("name") == "q_citizen_pr" and e.get("value") == "yes"]
