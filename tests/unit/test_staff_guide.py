"""The printed staff guide says what the assistant asks, in both languages, and is up to date."""

import html

from bot.facts import fact_values
from bot.screening.questionnaire import Questionnaire, default_questionnaire
from bot.screening.result import Texts
from bot.screening.staff_guide import OUTPUT, render


def test_every_question_answer_and_note_is_there_in_english_and_french():
    guide = render()
    q = default_questionnaire()
    for lang in ("en", "fr"):
        t = Texts(lang, q)
        for question in q.questions.values():
            assert html.escape(t.question(question), quote=True) in guide, (lang, question.id)
            assert html.escape(t.staff_note(question), quote=True) in guide, (lang, question.id)
            for option in question.options:
                assert html.escape(t.label(question, option), quote=True) in guide, (lang, question.id, option)
    french = Texts("fr", q)
    assert french.question(q.questions["safe_now"]) != Texts("en", q).question(q.questions["safe_now"])


def test_the_branching_and_the_contacts_are_printed():
    guide = render()
    facts = fact_values()
    for number in (facts["emergency"], facts["hotline"], facts["ircc_phone"]):
        assert number in guide
    partner = guide[guide.index('id="partner_abuse"'):guide.index('id="state_care"')]
    assert "Ask only if:" in partner and "It expired" in partner and "Poser seulement si" in partner


def test_every_outcome_and_note_is_printed_in_both_languages():
    guide = render()
    q = default_questionnaire()
    keys = [k for k in q.texts if k.startswith(("outcome.", "note."))]
    assert {"outcome.urgent_legal_help", "outcome.other_routes", "note.refugee_refused_recent"} <= set(keys)
    for lang in ("en", "fr"):
        t = Texts(lang, q)
        for key in keys:
            assert html.escape(t.text(key), quote=True) in guide, (lang, key)


def test_text_is_escaped():
    q = Questionnaire({"questions": {"x": {"text": "<script>alert(1)</script>", "staff_note": "a & b",
                                           "options": {"yes": {"label": "<b>Yes</b>"}}}},
                       "texts": default_questionnaire().texts})
    guide = render(q)
    assert "<script>alert" not in guide and "&lt;script&gt;" in guide and "a &amp; b" in guide


def test_the_committed_guide_is_current():
    current = OUTPUT.read_text(encoding="utf-8") == render()
    assert current, "data/screening.yml or a catalog changed: run make staff-guide"
