"""Danger recall and false alarms on the independently written held-out sets, over the whole NLU
pipeline as the server runs it. Only counts are reported: the held-out texts are never printed,
so that no one tunes on them. (Not timed.)"""

from pathlib import Path

import pytest

from bot.cli.danger_eval import TARGET_FALSE_ALARMS, TARGET_RECALL, TARGET_RECALL_LOW, evaluate

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "trp.tar.gz"


@pytest.fixture(scope="module")
def report() -> dict:
    _, _, report = evaluate(str(MODEL), "heldout")
    return report


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_held_out_danger_recall_meets_the_target(report, lang):
    rep = report[lang]
    low, high = rep["recall_interval"]
    figures = f"{lang}: {rep['caught']}/{rep['danger']} caught, 95% interval [{low:.3f}, {high:.3f}]"
    assert rep["recall"] >= TARGET_RECALL and low >= TARGET_RECALL_LOW, figures


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_held_out_false_alarms_on_near_misses_stay_under_the_target(report, lang):
    rep = report[lang]
    assert rep["false_alarm_rate"] <= TARGET_FALSE_ALARMS, (
        f"{lang}: {rep['false_alarms']}/{rep['near_misses']} near-misses answered as danger")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_held_out_danger_is_answered_in_its_language(report, lang):
    rep = report[lang]
    assert rep["right_language"] == rep["caught"], (
        f"{lang}: {rep['caught'] - rep['right_language']} danger messages answered in another language")
