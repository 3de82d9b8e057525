"""Danger recall and false alarms on the independently written held-out sets, over the whole NLU
pipeline as the server runs it. Only counts are reported: the held-out texts are never printed,
so that no one tunes on them. (Not timed.)"""

from pathlib import Path

import pytest

from bot.cli.danger_eval import TARGET_FALSE_ALARMS, TARGET_RECALL, TARGET_RECALL_LOW, evaluate

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "trp.tar.gz"


# The targets are not met yet (docs/benchmarks.md, "Danger detection"): strict expected failures,
# so the day one is met the suite says so. Below them, floors at the levels measured on
# 2026-12-03 keep what has been reached: a change that loses recall or adds alarms fails.
NOT_YET = pytest.mark.xfail(strict=True, reason="target not met yet (docs/benchmarks.md)")
FLOOR = {"en": {"recall": 0.975, "false_alarms": 0.15, "wrong_language": 0},
         "fr": {"recall": 0.945, "false_alarms": 0.205, "wrong_language": 1}}


@pytest.fixture(scope="module")
def report() -> dict:
    _, _, report = evaluate(str(MODEL), "heldout")
    return report


@pytest.mark.parametrize("lang", [pytest.param("en", marks=NOT_YET), pytest.param("fr", marks=NOT_YET)])
def test_held_out_danger_recall_meets_the_target(report, lang):
    rep = report[lang]
    low, high = rep["recall_interval"]
    figures = f"{lang}: {rep['caught']}/{rep['danger']} caught, 95% interval [{low:.3f}, {high:.3f}]"
    assert rep["recall"] >= TARGET_RECALL and low >= TARGET_RECALL_LOW, figures


@pytest.mark.parametrize("lang", ["en", pytest.param("fr", marks=NOT_YET)])
def test_held_out_false_alarms_on_near_misses_stay_under_the_target(report, lang):
    rep = report[lang]
    assert rep["false_alarm_rate"] <= TARGET_FALSE_ALARMS, (
        f"{lang}: {rep['false_alarms']}/{rep['near_misses']} near-misses answered as danger")


@pytest.mark.parametrize("lang", ["en", pytest.param("fr", marks=NOT_YET)])
def test_held_out_danger_is_answered_in_its_language(report, lang):
    rep = report[lang]
    assert rep["right_language"] == rep["caught"], (
        f"{lang}: {rep['caught'] - rep['right_language']} danger messages answered in another language")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_held_out_danger_keeps_what_has_been_reached(report, lang):
    rep, floor = report[lang], FLOOR[lang]
    assert rep["recall"] >= floor["recall"], f"{lang}: recall fell to {rep['caught']}/{rep['danger']}"
    assert rep["false_alarm_rate"] <= floor["false_alarms"], (
        f"{lang}: {rep['false_alarms']}/{rep['near_misses']} near-misses answered as danger")
    assert rep["caught"] - rep["right_language"] <= floor["wrong_language"], f"{lang}: answered in another language"
