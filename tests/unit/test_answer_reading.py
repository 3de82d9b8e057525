"""What a message says to the question waiting: pure reading, no Rasa (bot/screening, bot/nlu)."""

import numpy as np
import pytest

from bot.channels.commands import from_person
from bot.nlu.message_parts import question_part
from bot.screening.answer_classifier import AnswerClassifier
from bot.screening.questionnaire import NOT_AN_ANSWER, default_questionnaire
from bot.short_answer import is_sure_short_answer

Q = default_questionnaire()


@pytest.mark.parametrize("text", [
    "I'm all right now, we can keep going",
    "ok",
    "ça va mieux, on peut continuer",
    "je vais bien maintenant, la suite svp",
    "let's continue",
])
def test_agreeing_to_go_on_is_never_yes(text):
    reading = Q.read(Q.questions["citizen_pr"], text, "affirm")
    assert reading.answer is None and reading.kind == "go_on"


@pytest.mark.parametrize("text", ["what does permanent resident mean?", "c'est quoi un résident permanent?"])
def test_a_question_is_not_an_answer(text):
    assert Q.read(Q.questions["citizen_pr"], text, "affirm").answer is None


@pytest.mark.parametrize("text", ["I have a work permit", "j'ai un permis de travail", "I'm on a permit"])
def test_a_work_permit_alone_asks_one_employer_or_open(text):
    reading = Q.read(Q.questions["status"], text, "ask_work")
    assert reading.kind == "clarify" and set(reading.clarification.options) == {"employer_permit", "valid"}


@pytest.mark.parametrize("text, expect", [
    ("my work permit expired", "expired"),
    ("work permit tied to one employer", "employer_permit"),
    ("For one employer", "employer_permit"),
    ("Open work permit", "valid"),
    ("Pour un seul employeur", "employer_permit"),
    ("Permis de travail ouvert", "valid"),
])
def test_what_decides_is_read_without_clarifying(text, expect):
    assert Q.read(Q.questions["status"], text).answer == expect


def test_a_long_yes_from_the_intent_alone_is_not_taken():
    text = "yesterday was a hard day but today I feel better and want to do this now"
    assert Q.read(Q.questions["citizen_pr"], text, "affirm").answer is None
    assert Q.read(Q.questions["citizen_pr"], "yess", "affirm").answer == "yes"


def test_in_canada_from_the_place_entity_but_not_a_past_one():
    place = [{"entity": "place", "value": "Regina", "start": 10, "end": 16}]
    assert Q.read(Q.questions["in_canada"], "I live in Regina", None, place).answer == "yes"
    was = [{"entity": "place", "value": "Regina", "start": 9, "end": 15}]
    assert Q.read(Q.questions["in_canada"], "I was in Regina before", None, was).answer is None


def test_the_classifier_is_never_enough_to_say_safe():
    def always_safe(question_id, text):
        return "yes", 0.99

    assert Q.read(Q.questions["safe_now"], "hmm well whatever", None, classify=always_safe).answer is None


def test_the_classifier_reads_what_the_patterns_leave_and_can_refuse():
    def says(label):
        return lambda question_id, text: (label, 0.9)

    status = Q.questions["status"]
    assert Q.read(status, "came on a visa for tourists, still around", classify=says("expired")).answer == "expired"
    assert Q.read(status, "my cat is orange", classify=says(NOT_AN_ANSWER)).answer is None
    assert Q.read(status, "my cat is orange", classify=lambda q, t: ("expired", 0.3)).answer is None  # unsure


def test_an_answer_classifier_learns_per_question():
    words = ["expired", "valid", "ok"]

    def encode(text):
        return np.array([float(w in text) for w in words])

    examples = {"status": [("it expired", "expired"), ("expired long ago", "expired"), ("still valid", "valid"),
                           ("valid until may", "valid"), ("ok go on", NOT_AN_ANSWER), ("ok next", NOT_AN_ANSWER)]}
    clf = AnswerClassifier(examples, encode)
    assert clf.classify("status", "it has expired")[0] == "expired"
    assert clf.classify("status", "ok")[0] == NOT_AN_ANSWER
    assert clf.classify("location", "anything") == (NOT_AN_ANSWER, 0.0)


def test_what_was_said_before_the_questions_is_kept_but_never_from_a_question():
    assert Q.known_answers([("I'm a Canadian citizen, can I get a permit?", [])]) == {"citizen_pr": "yes"}
    assert Q.known_answers([("can a visitor, like me, get a TRP?", [])]) == {}
    assert Q.known_answers([("yes", [])]) == {}
    kept = Q.known_answers([("My visitor visa expired last year. What can I do?", [])])
    assert kept["status"] == "expired" and "safe_now" not in kept
    assert Q.known_answers([("J'ai pas encore ma résidence permanente.", [])]).get("citizen_pr") != "yes"
    # A story about a refugee claim says nothing yet about when status ended, nor which claim outcome.
    told = Q.known_answers([("ma demande d'asile a été refusée l'an passé, est-ce que je peux avoir le permis?", [])])
    assert not set(told) & {"status_ended", "refugee_claim", "urgent"}, told


def test_a_canadian_place_is_not_where_one_is_when_one_is_still_abroad():
    place = [{"entity": "place", "value": "Montréal"}]
    kept = Q.known_answers([("Je suis encore au Sénégal. On m'offre un travail a Montreal.", place)])
    assert kept.get("in_canada") != "yes"


@pytest.mark.parametrize("text, town", [
    ("I'm in Kingston Jamaica", "Kingston"),
    ("kingston, jamaica", "Kingston"),
    ("je suis à Paris, France", "Paris"),
])
def test_a_town_named_with_a_country_abroad_is_not_the_canadian_town(text, town):
    place = [{"entity": "place", "value": town}]
    assert Q.read(Q.questions["in_canada"], text, None, place).answer == "no"
    assert Q.read(Q.questions["location"], text, None, place).answer is None
    assert Q.known_answers([(text, place)]).get("in_canada") != "yes"
    assert "location" not in Q.known_answers([(text, place)])


def test_a_canadian_town_with_its_province_or_a_story_about_home_is_still_here():
    place = [{"entity": "place", "value": "Kingston"}]
    assert Q.read(Q.questions["in_canada"], "im in Kingston ontario", None, place).answer == "yes"
    assert Q.read(Q.questions["location"], "Kingston, Ontario", None, place).answer == "place:Kingston"
    told = Q.known_answers([("I live in Kingston, Jamaica is where I grew up. Can I get a permit?", place)])
    assert told.get("location") == "place:Kingston"
    assert Q.read(Q.questions["in_canada"], "originally from Jamaica", None, []).answer != "no"


@pytest.mark.parametrize("text, part", [
    ("Hi! How much does it cost?", "How much does it cost?"),
    ("bonjour, est-ce que c'est gratuit?", "est-ce que c'est gratuit?"),
    ("I came here in 2021. My boss keeps my passport. Do I have to pay for the permit?",
     "Do I have to pay for the permit?"),
    ("hello", None),
    ("my boss keeps my passport", None),
])
def test_the_part_of_a_message_that_asks(text, part):
    assert question_part(text) == part


def test_an_unsure_guess_of_a_short_answer_is_not_an_agreement():
    assert not is_sure_short_answer("the thing with the papers from before", {"name": "affirm", "confidence": 0.45})
    assert is_sure_short_answer("ok", {"name": "affirm", "confidence": 0.4})
    assert not is_sure_short_answer("qwfp arst", {"name": "stop", "confidence": 0.52})
    assert is_sure_short_answer("non", {"name": "deny", "confidence": 0.4})
    assert is_sure_short_answer("how much", {"name": "ask_fee", "confidence": 0.2})


@pytest.mark.parametrize("text, expect", [
    ("/restart", "/stop"),  # "start over" is a chat command
    ("/action_restart", "action restart"),
    ('/in_danger{"x": 1}', 'in danger{"x": 1}'),
    ("/ask_trp", "/ask_trp"),  # the assistant's own button
    ("/help", "/greet"),  # a chat command of data/commands.yml
    ("hello", "hello"),
])
def test_from_a_person_only_commands_and_the_assistants_buttons_are_orders(text, expect):
    assert from_person(text) == expect


def test_a_story_ending_with_a_question_is_answered_then_offered_the_questions():
    from bot.nlg import offers_questions

    story = {"whole": "ask_eligibility", "asked": "do I have to pay?", "story": True}
    assert offers_questions("utter_fee", story, None)
    assert not offers_questions("utter_fee", {"whole": "greet", "asked": "do I have to pay?", "story": False}, None)
    assert not offers_questions("utter_fee", story, "screening_form")
    assert not offers_questions("utter_emergency", story, None)
    assert not offers_questions("utter_fee", None, None)


def test_what_else_a_message_asked_beside_danger():
    from bot.nlg import asked_beside_danger

    asked = {"text": "he hit me again. is the permit free?", "safety_net": {"overrode": "ask_fee"}}
    assert asked_beside_danger("utter_emergency", asked) == "ask_fee"
    # A topic the classifier guessed, with nothing asked, adds nothing after the 911 guidance.
    told = {"text": "my roommate is not waking up and there is foam on his mouth",
            "safety_net": {"overrode": "ask_health"}}
    assert asked_beside_danger("utter_emergency", told) is None
    # The part that asks, read on its own, wins over the whole message's topic.
    parts = {"text": "he took too many pills. do I have to go to court?", "safety_net": {"overrode": "ask_health"},
             "message_parts": {"whole": "ask_health", "asked_intent": "ask_testify"}}
    assert asked_beside_danger("utter_emergency", parts) == "ask_testify"
    assert asked_beside_danger("utter_emergency", {**parts, "text": "he took too many pills. he is cold"}) is None
    assert asked_beside_danger("utter_fee", {"safety_net": {"overrode": "ask_fee"}}) is None
    assert asked_beside_danger("utter_emergency", {"safety_net": {"overrode": "greet"}}) is None


def test_a_place_written_short_is_kept_as_where_one_is():
    from bot.places.matcher import default_matcher

    text = "mon patron garde mon passeport, je travaille dans une serre à St-Rémi"
    place = [{"entity": "place", "value": m.value, "start": m.start, "end": m.end}
             for m in default_matcher().find(text)]
    assert Q.known_answers([(text, place)]) == {"location": "place:Saint-Rémi", "in_canada": "yes"}


@pytest.mark.parametrize("text, place", [
    ("euh pas à Gatineau, à Ottawa", "Ottawa"),
    ("not the agency in Toronto, the farm near Leamington", "Leamington"),
])
def test_a_placed_no_from_the_intent_alone_is_not_taken(text, place):
    start = text.index(place)
    entities = [{"entity": "place", "value": place, "start": start, "end": start + len(place)}]
    assert Q.read(Q.questions["situation"], text, "deny", entities).answer is None


@pytest.mark.parametrize("text", ["nope", "non merci", "not anymore, I left Toronto", "my husband is Canadian, not me"])
def test_a_plain_no_from_the_intent_is_still_an_answer(text):
    assert Q.read(Q.questions["citizen_pr"], text, "deny").answer == "no"
