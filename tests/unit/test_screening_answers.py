"""Hundreds of typed answers, in many voices, read as a careful person would read them."""

from pathlib import Path

import pytest
import yaml

from bot.screening.questionnaire import default_questionnaire

Q = default_questionnaire()
TABLE = yaml.safe_load((Path(__file__).with_name("screening_answers.yml")).read_text(encoding="utf-8"))
ROWS = [(q, r["text"], r["intent"], r["expect"]) for q, rows in TABLE["answers"].items() for r in rows]
KNOWN = [(r["question"], r["text"], r["intent"], r["expect"]) for r in TABLE["known_misreadings"]]


def test_the_table_covers_every_question_but_the_free_text_one():
    assert {q for q, *_ in ROWS} == set(Q.questions) - {"location"}
    assert len(ROWS) > 300


@pytest.mark.parametrize("question, text, intent, expect", ROWS)
def test_a_typed_answer_is_read_as_a_careful_person_reads_it(question, text, intent, expect):
    assert Q.understand(Q.questions[question], text, intent) == expect


@pytest.mark.xfail(strict=True, reason="known misreading, listed in screening_answers.yml")
@pytest.mark.parametrize("question, text, intent, expect", KNOWN)
def test_known_misreadings_are_still_misread(question, text, intent, expect):
    assert Q.understand(Q.questions[question], text, intent) == expect
