"""Action tests with CollectingDispatcher: the adapters ask, understand and answer in the right language."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.office import ActionFindOffice
from actions.screening_form import ASK_ACTIONS, ScreeningResult, ScreeningStopped, StartScreening, ValidateScreeningForm
from bot.screening.result import Texts

DOMAIN = {"slots": {}, "forms": {"screening_form": {"required_slots": list(ASK_ACTIONS)}}}


def tracker(text="", intent=None, entities=(), requested=None, **slots):
    return Tracker(
        "test",
        {"requested_slot": requested, **slots},
        {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)},
        [],
        False,
        None,
        {"name": "screening_form"} if requested else {},
        "action_listen",
    )


def run(action, t):
    d = CollectingDispatcher()
    result = action.run(d, t, DOMAIN)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    return d.messages, result


def test_ask_status_in_french_with_buttons():
    msgs, _ = run(ASK_ACTIONS["q_status"](), tracker(detected_language="fr"))
    (m,) = msgs
    assert "statut" in m["text"]
    assert len(m["buttons"]) == 6


def extract(slot, text, intent=None, entities=(), **slots):
    form = ValidateScreeningForm()
    d = CollectingDispatcher()
    t = tracker(text, intent, entities, requested=slot, **slots)
    out = asyncio.run(getattr(form, f"extract_{slot}")(d, t, DOMAIN))
    return out, d.messages


def test_free_text_answers_are_understood():
    assert extract("q_status", "my visa ran out in March", "ask_expiry")[0] == {"q_status": "expired"}
    assert extract("q_citizen_pr", "no I'm from Mexico", "deny")[0] == {"q_citizen_pr": "no"}
    assert extract("q_status", "je sais pas", "dont_know")[0] == {"q_status": "unsure"}
    assert extract("q_in_canada", "Oui", "affirm")[0] == {"q_in_canada": "yes"}
    place = [{"entity": "place", "value": "Montréal"}]
    assert extract("q_location", "a montreal", "ask_office", place)[0] == {"q_location": "place:Montréal"}


def test_a_place_named_in_another_answer_is_kept_for_the_place_question():
    edmonton = [{"entity": "place", "value": "Edmonton"}]
    assert extract("q_in_canada", "yeah Edmonton", "affirm", edmonton)[0] == {
        "q_in_canada": "yes", "q_location": "place:Edmonton"}
    sherbrooke = [{"entity": "place", "value": "Sherbrooke"}]
    assert extract("q_status", "permis fermé, je travaille sur une ferme à Sherbrooke", None, sherbrooke)[0] == {
        "q_status": "employer_permit", "q_location": "place:Sherbrooke"}
    # Not where one is: a place left behind, or a "no" to being in Canada.
    regina = [{"entity": "place", "value": "Regina"}]
    assert "q_location" not in extract("q_in_canada", "no, I was in Regina last year", "deny", regina)[0]
    # Already answered: kept as it was.
    assert "q_location" not in extract("q_in_canada", "yes, Edmonton", "affirm", edmonton,
                                       q_location="place:Calgary")[0]


def test_a_french_button_label_is_understood_in_an_english_conversation():
    assert extract("q_status", "Permis de travail pour un seul employeur", None)[0] == {"q_status": "employer_permit"}


def test_a_question_in_the_middle_lets_the_rules_answer():
    assert extract("q_status", "how much does it cost", "ask_fee")[0] == {}


def test_danger_in_the_middle_lets_the_danger_rule_answer():
    assert extract("q_status", "he is going to kill me", "ask_fee")[0] == {}


def test_not_safe_gives_the_emergency_response_and_goes_on():
    out, _ = extract("q_safe_now", "no", "deny")
    assert out == {"q_safe_now": "no"}
    d = CollectingDispatcher()
    asyncio.run(ValidateScreeningForm().validate_q_safe_now("no", d, tracker(), DOMAIN))
    assert d.messages[0]["response"] == "utter_emergency"


def test_unclear_answer_asks_again_kindly():
    out, msgs = extract("q_in_canada", "banana", "nlu_fallback")
    assert out == {"q_in_canada": None}
    assert "did not understand" in msgs[0]["text"]


def test_required_questions_follow_the_answers():
    form = ValidateScreeningForm()
    t = tracker(q_safe_now="yes", q_in_canada="no")
    slots = asyncio.run(form.required_slots([], CollectingDispatcher(), t, DOMAIN))
    assert slots == ["q_safe_now", "q_in_canada"]


def test_result_says_may_gives_contacts_and_clears_answers():
    t = tracker(q_safe_now="yes", q_in_canada="yes", q_citizen_pr="no", q_status="expired",
                q_situation=["forced_work"], q_partner_abuse="no", q_state_care="no", q_location="place:Calgary")
    msgs, events = run(ScreeningResult(), t)
    text = "\n".join(m["text"] for m in msgs)
    assert "may fit" in text and "office in Calgary" in text and "1-833-900-1010" in text
    assert all(e["value"] is None for e in events if e["event"] == "slot")


def test_result_tells_a_person_in_quebec_that_the_youth_in_care_policy_excludes_quebec():
    answers = dict(q_safe_now="oui", q_in_canada="yes", q_citizen_pr="no", q_status="never", q_urgent="no",
                   q_situation=["none"], q_refugee_claim="no", q_partner_abuse="no", q_state_care="yes")
    note = Texts("fr").text("note.quebec_pr")
    msgs, _ = run(ScreeningResult(), tracker(detected_language="fr", q_location="place:Montréal", **answers))
    assert note in [m["text"] for m in msgs]
    msgs, _ = run(ScreeningResult(), tracker(detected_language="fr", q_location="place:Toronto", **answers))
    assert note not in [m["text"] for m in msgs]


def test_result_in_french_formats_the_date_for_french():
    t = tracker(detected_language="fr", q_in_canada="no")
    msgs, _ = run(ScreeningResult(), t)
    assert any("2026" in m["text"] and "décembre" in m["text"] for m in msgs)


def test_start_and_stop_clear_previous_answers():
    _, events = run(StartScreening(), tracker(q_status="expired"))
    assert {"event": "slot", "name": "q_status", "value": None, "timestamp": None} in events
    msgs, events = run(ScreeningStopped(), tracker(q_status="expired"))
    assert msgs and any(e["name"] == "q_status" and e["value"] is None for e in events)


def test_office_for_a_named_place():
    place = [{"entity": "place", "value": "Surrey"}]
    msgs, _ = run(ActionFindOffice(), tracker("office in surrey?", "ask_office", place))
    assert "King George" in msgs[0]["text"] and "appointment" in msgs[0]["text"]


def test_office_without_a_place_uses_the_general_answer():
    msgs, _ = run(ActionFindOffice(), tracker("where is the office", "ask_office"))
    assert msgs[0]["response"] == "utter_office"


def test_danger_with_an_answer_gives_911_guidance_and_keeps_the_answer():
    out, msgs = extract("q_situation", "he beats me and took my passport", "in_danger")
    assert set(out["q_situation"]) == {"threats", "documents_taken"}
    assert msgs[0] == {**msgs[0], "response": "utter_emergency"}
    assert "only if you want" in msgs[1]["text"]


def test_danger_without_an_answer_is_left_to_the_danger_rule():
    out, msgs = extract("q_situation", "please help me now", "in_danger")
    assert out == {} and msgs == []


def test_danger_at_the_last_question_does_not_promise_a_next_one():
    done = dict(q_safe_now="yes", q_in_canada="yes", q_citizen_pr="no", q_status="expired",
                q_status_ended="earlier", q_urgent="no", q_situation=["threats"], q_refugee_claim="no",
                q_partner_abuse="no", q_state_care="no")
    out, msgs = extract("q_location", "he is coming for me, i'm in Toronto", "in_danger",
                        [{"entity": "place", "value": "Toronto"}], **done)
    assert out == {"q_location": "place:Toronto"}
    assert [m.get("response") for m in msgs] == ["utter_emergency"]
