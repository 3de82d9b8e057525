"""Signs told before the situation question are offered back for confirmation, never taken unasked."""

import asyncio

import pytest
from form_tracker import FORM_DOMAIN, said_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening_form import ASK_ACTIONS, StartScreening, ValidateScreeningForm
from bot.screening import remembered as remembering
from bot.screening.questionnaire import default_questionnaire
from bot.screening.remembered import read_confirmation, remembered_signs

Q = default_questionnaire()
YES = ["Yes, that's right", "Oui, c'est bien cela"]
DOMAIN = FORM_DOMAIN


def signs(*messages):
    return remembered_signs(Q, list(messages))


@pytest.mark.parametrize("text, expect", [
    ("They took my passport and I owe them 5000 dollars. Can I get a permit?", ["documents_taken", "debt"]),
    ("hi im in the bathroom he is hitting me and he took my passport.", ["documents_taken", "threats"]),
    ("on est enfermés dans la roulotte, le chef a barré la porte", ["not_free"]),
    ("y m'ont dit que si je crie ils vont faire du mal a ma fille en Haiti.", ["threats"]),
    ("my cousin brought me here and took my passport.", ["documents_taken"]),
    # A relative threatened, or with the person, is the person's own sign.
    ("They threaten to hurt my son if I leave.", ["threats"]),
    ("my daughter and I are locked in the basement", ["not_free"]),
    # "them" the children a nanny minds, "him" the one she must earn for: still her own story.
    ("I watch them all day and they don't pay me", ["forced_work"]),
    ("I have to make him 500 a night and he hits me", ["threats"]),
])
def test_signs_the_person_told_are_remembered(text, expect):
    assert signs(text) == expect


@pytest.mark.parametrize("text", [
    # Someone else's story, or nobody's.
    "My friend from the Philippines is a caregiver and her employer holds her passport.",
    "I have a friend who is forced to work for no pay.",
    "Ma soeur est forcée de travailler.",
    "my friend's passport was taken by her boss",
    "Forced labour is common on farms.",
    # Questions and what-ifs state nothing.
    "Can they take my passport?",
    "If they hit me what do I do",
    "what if I owe the agency money?",
    # Negated.
    "Nobody forces me to work, I just want information.",
])
def test_no_sign_is_remembered_from_a_question_or_someone_elses_story(text):
    assert signs(text) == []


def test_signs_from_several_messages_are_remembered_in_the_questions_order():
    assert signs("I owe the agency 6000 dollars.", "hello", "the boss took my passport") == [
        "documents_taken", "debt"]


@pytest.mark.parametrize("reply, expect", [
    ("yes", ["documents_taken", "debt"]),
    ("Yes, that's right", ["documents_taken", "debt"]),
    ("Oui, c'est bien cela", ["documents_taken", "debt"]),
    ("oui c'est ça", ["documents_taken", "debt"]),
    ("correct", ["documents_taken", "debt"]),
    # Agrees and adds: the remembered signs and the new one.
    ("yes, and they threaten me", ["documents_taken", "threats", "debt"]),
    ("they also threaten me", ["documents_taken", "threats", "debt"]),
    # Names signs without agreeing: only what the reply says.
    ("they threaten me", ["threats"]),
    ("no, they threaten me", ["threats"]),
    # Says it is wrong: none.
    ("no", ["none"]),
    ("none of these", ["none"]),
    ("non", ["none"]),
    ("c'est pas ça", ["none"]),
])
def test_a_reply_to_the_remembered_signs_decides(reply, expect):
    assert read_confirmation(Q, reply, ["documents_taken", "debt"], YES).answer == expect


@pytest.mark.parametrize("reply", ["I don't know", "skip", "yes, but what does debt mean here?",
                                   "the weather is nice today"])
def test_any_other_reply_is_read_as_usual(reply):
    assert read_confirmation(Q, reply, ["documents_taken", "debt"], YES).kind == "other"


def test_without_remembered_signs_nothing_is_confirmed():
    assert read_confirmation(Q, "yes", [], YES).kind == "other"


# The form, with CollectingDispatcher: the conversation's messages as Rasa events.

tracker = said_tracker


OPENING = "My boss took my passport and I owe the agency 6000 dollars. Can I get a permit?"


@pytest.fixture
def offering(monkeypatch):
    """Offering signs back is off until they are read from stories better (bot/screening/remembered.py)."""
    monkeypatch.setattr(remembering, "OFFER_REMEMBERED_SIGNS", True)


def test_while_offering_is_off_the_question_is_asked_plainly_and_yes_is_no_sign():
    assert not remembering.OFFER_REMEMBERED_SIGNS
    d = CollectingDispatcher()
    ASK_ACTIONS["q_situation"]().run(d, tracker([OPENING, "yes", "no"]), DOMAIN)
    (m,) = d.messages
    assert m["text"].startswith("What is happening to you?")
    assert "Yes, that's right" not in [b["title"] for b in m["buttons"]]
    out = extract([OPENING, "yes", "Yes, that's right"])
    assert not set(out.get("q_situation") or []) & {"documents_taken", "debt"}


def test_start_does_not_keep_the_signs():
    d = CollectingDispatcher()
    events = StartScreening().run(d, tracker([OPENING]), DOMAIN)
    assert not [e for e in events if e["name"] == "q_situation" and e["value"] is not None]


def test_the_situation_question_offers_the_remembered_signs_back_with_a_yes_button(offering):
    d = CollectingDispatcher()
    ASK_ACTIONS["q_situation"]().run(d, tracker([OPENING, "yes", "no"]), DOMAIN)
    (m,) = d.messages
    assert m["text"].startswith("Earlier you mentioned: someone took your documents; a debt you must pay off.")
    assert "Is that right?" in m["text"]
    titles = [b["title"] for b in m["buttons"]]
    assert titles[0] == "Yes, that's right"
    assert "Threats or violence" in titles and "None of these" in titles


def test_the_situation_question_in_french(offering):
    d = CollectingDispatcher()
    ASK_ACTIONS["q_situation"]().run(d, tracker([OPENING, "oui"], detected_language="fr"), DOMAIN)
    (m,) = d.messages
    assert m["text"].startswith("Plus tôt, vous avez mentionné\u00a0: quelqu'un a pris vos papiers")
    assert m["buttons"][0]["title"] == "Oui, c'est bien cela"


def test_without_earlier_signs_the_situation_question_is_asked_as_usual():
    d = CollectingDispatcher()
    ASK_ACTIONS["q_situation"]().run(d, tracker(["can I get a permit?", "yes"]), DOMAIN)
    (m,) = d.messages
    assert m["text"].startswith("What is happening to you?")
    assert m["buttons"][0]["title"] != "Yes, that's right"


def extract(said):
    d = CollectingDispatcher()
    return asyncio.run(ValidateScreeningForm().extract_q_situation(d, tracker(said, requested="q_situation"), DOMAIN))


def test_yes_takes_exactly_the_remembered_signs(offering):
    assert extract([OPENING, "yes", "Yes, that's right"]) == {"q_situation": ["documents_taken", "debt"]}


def test_a_reply_that_adds_keeps_both_and_one_that_names_others_keeps_its_own(offering):
    assert extract([OPENING, "yes", "yes, and they threaten me"]) == {
        "q_situation": ["documents_taken", "threats", "debt"]}
    assert extract([OPENING, "yes", "they threaten me"]) == {"q_situation": ["threats"]}


def test_no_gives_none(offering):
    assert extract([OPENING, "yes", "no"]) == {"q_situation": ["none"]}


def test_without_earlier_signs_yes_is_not_a_sign():
    out = extract(["can I get a permit?", "yes"])
    assert not set(out.get("q_situation") or []) - {"none", "unsure", "skip"}
