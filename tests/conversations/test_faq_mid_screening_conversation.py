"""Every FAQ, asked in the middle of the questionnaire, is answered and the same question comes back.

The FAQ list is read from data/stories/faq.yml, so a new question is covered (or fails here for want
of an example message) without anyone remembering to add it.
"""

import pytest
from faq_rules import faq_answers
from turns import last_turn, tracker

# One plain English message per FAQ intent.
MESSAGES = {
    "ask_trp": "what is a TRP",
    "ask_fee": "how much does it cost",
    "ask_testify": "do i have to testify against him",
    "ask_duration": "how long is the permit good for",
    "ask_health": "can i see a doctor with the permit",
    "ask_work": "can i work",
    "ask_study": "can i go to school",
    "ask_permanent": "can i stay for good",
    "ask_documents": "what should i bring to the interview",
    "ask_lawyer": "do i need a lawyer",
    "ask_expiry": "my permit expires next month",
    "ask_phone": "what is the phone number for immigration",
    "ask_human": "i want to talk to a real person",
    "ask_office": "where is the immigration office",
    "ask_privacy": "will you report me to the police",
}

FAQ = sorted(faq_answers().items())


def test_every_faq_has_an_example_message():
    assert {i for i, _ in FAQ} <= set(MESSAGES), "add an English example for the new FAQ intent to MESSAGES"


@pytest.mark.parametrize("intent, utter", FAQ, ids=[i for i, _ in FAQ])
def test_faq_in_the_middle_is_answered_then_the_same_question_again(chat, intent, utter):
    chat.say("can i get a permit to stay?")
    question = chat.say("yes")
    pending = tracker(chat)["slots"]["requested_slot"]
    assert pending and last_turn(chat)["active_loop"] == "screening_form"

    said = chat.say(MESSAGES[intent])
    turn = last_turn(chat)
    assert turn["intent"] == intent
    assert turn["actions"][:2] == [utter, "screening_form"], turn["actions"]
    assert turn["active_loop"] == "screening_form"
    assert tracker(chat)["slots"]["requested_slot"] == pending
    assert said.rstrip().endswith(question.strip().splitlines()[-1]), (question, said)
