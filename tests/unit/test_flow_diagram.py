"""The questionnaire's diagram (docs/screening-flow.*) is generated from data/screening.yml and up to date."""

from bot.screening.flow_diagram import DOT_FILE, SVG_FILE, dot_source, fingerprint
from bot.screening.questionnaire import Questionnaire, default_questionnaire


def test_the_committed_diagram_is_the_one_data_screening_yml_gives():
    source = dot_source()
    assert DOT_FILE.read_text(encoding="utf-8") == source, "docs/screening-flow.dot is out of date: run make diagram"
    assert fingerprint(source) in SVG_FILE.read_text(encoding="utf-8"), (
        "docs/screening-flow.svg was not drawn from the current source: run make diagram")


def test_every_question_its_conditions_and_every_outcome_are_drawn():
    q = default_questionnaire()
    source = dot_source(q)
    for qid, question in q.questions.items():
        assert f"q_{qid} [label=" in source
        for earlier in question.ask_if:
            assert f"q_{earlier} -> q_{qid} [style=dashed" in source
    for key in q.texts:
        if key.startswith("outcome."):
            assert f"result -> o_{key.removeprefix('outcome.')};" in source


def test_a_changed_condition_changes_the_diagram():
    data = {"questions": {
        "a": {"text": "A?", "staff_note": "", "options": {"yes": {"label": "Yes"}, "no": {"label": "No"}}},
        "b": {"text": "B?", "staff_note": "", "ask_if": {"a": ["yes"]}, "options": {"yes": {"label": "Yes"}}},
    }, "texts": {"outcome.x": "X"}}
    before = dot_source(Questionnaire(data))
    data["questions"]["b"]["ask_if"] = {"a": ["no"]}
    after = dot_source(Questionnaire(data))
    assert "only if yes" in before and "only if no" in after and before != after


def test_the_staff_guide_shows_the_diagram():
    from bot.screening.staff_guide import render

    assert '<img src="screening-flow.svg"' in render()
