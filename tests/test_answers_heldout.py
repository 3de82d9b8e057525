"""Typed screening answers read right on the independently written held-out sets: only counts are
reported, never the texts or the misses, so that no one tunes on them. (Not timed.)"""

from pathlib import Path

import pytest

from bench.answers_eval import TARGET, rows_of, score
from bot.screening.answer_classifier import default_classifier

ROOT = Path(__file__).resolve().parents[1]
# The target (>= 0.95 and no answer taken for another) is not met yet (docs/benchmarks.md): strict
# expected failures, so the day it is met the suite says so. Below it, floors at the levels measured
# on 2026-12-03 keep what has been reached.
NOT_YET = pytest.mark.xfail(strict=True, reason="target not met yet (docs/benchmarks.md)")
FLOOR = {("heldout", "en"): {"right": 0.92, "for_another": 3}, ("heldout", "fr"): {"right": 0.9, "for_another": 4},
         ("heldout2", "en"): {"right": 0.955, "for_another": 1}, ("heldout2", "fr"): {"right": 0.955, "for_another": 2}}


@pytest.fixture(scope="module", params=sorted(FLOOR), ids=lambda k: f"{k[0]}-{k[1]}")
def result(request) -> tuple[tuple[str, str], dict]:
    split, lang = request.param
    path = ROOT / "tests" / split / "answers" / f"{lang}.yml"
    return (split, lang), score(rows_of(path), default_classifier().classify)


def test_held_out_answers_keep_what_has_been_reached(result):
    key, res = result
    assert res["right"] / res["n"] >= FLOOR[key]["right"], f"{key}: {res['right']}/{res['n']} read right"
    assert res["answer_for_another"] <= FLOOR[key]["for_another"], (
        f"{key}: {res['answer_for_another']} answers taken for another")


@NOT_YET
def test_held_out_answers_meet_the_target(result):
    key, res = result
    assert res["right"] / res["n"] >= TARGET and res["answer_for_another"] == 0, (
        f"{key}: {res['right']}/{res['n']}, {res['answer_for_another']} taken for another")
