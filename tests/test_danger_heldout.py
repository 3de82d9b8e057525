"""Danger recall and false alarms on the independently written held-out sets, over the whole NLU
pipeline as the server runs it. Only counts are reported: the held-out texts are never printed,
so that no one tunes on them. (Not timed.)"""

from pathlib import Path

import pytest

from bot.cli.danger_eval import TARGET_FALSE_ALARMS, TARGET_RECALL, TARGET_RECALL_LOW, evaluate

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "trp.tar.gz"
SETS = ("heldout", "heldout2")

# Targets not met yet (docs/benchmarks.md, "Danger detection") are strict expected failures, so the
# day one is met the suite says so. Below them, floors at the levels measured on 2026-12-03 keep
# what has been reached: a change that loses recall, adds alarms or answers in another language fails.
NOT_YET = pytest.mark.xfail(strict=True, reason="target not met yet (docs/benchmarks.md)")
FLOOR = {("heldout", "en"): {"recall": 0.983, "false_alarms": 0.1, "wrong_language": 0},
         ("heldout", "fr"): {"recall": 0.972, "false_alarms": 0.135, "wrong_language": 1},
         ("heldout2", "en"): {"recall": 0.996, "false_alarms": 0.105, "wrong_language": 0},
         ("heldout2", "fr"): {"recall": 0.98, "false_alarms": 0.1, "wrong_language": 2}}
RECALL_MET = {("heldout2", "en")}
FALSE_ALARMS_MET = {("heldout", "en"), ("heldout", "fr"), ("heldout2", "en"), ("heldout2", "fr")}
LANGUAGE_MET = {("heldout", "en"), ("heldout2", "en")}
CASES = [(s, lang) for s in SETS for lang in ("en", "fr")]


def case(which: set[tuple[str, str]]) -> list:
    return [pytest.param(s, lang, marks=() if (s, lang) in which else NOT_YET, id=f"{s}-{lang}") for s, lang in CASES]


@pytest.fixture(scope="module")
def reports() -> dict:
    return {s: evaluate(str(MODEL), s)[2] for s in SETS}


@pytest.mark.parametrize("split, lang", case(RECALL_MET))
def test_held_out_danger_recall_meets_the_target(reports, split, lang):
    rep = reports[split][lang]
    low, high = rep["recall_interval"]
    figures = f"{split} {lang}: {rep['caught']}/{rep['danger']} caught, 95% interval [{low:.3f}, {high:.3f}]"
    assert rep["recall"] >= TARGET_RECALL and low >= TARGET_RECALL_LOW, figures


@pytest.mark.parametrize("split, lang", case(FALSE_ALARMS_MET))
def test_held_out_false_alarms_on_near_misses_stay_under_the_target(reports, split, lang):
    rep = reports[split][lang]
    assert rep["false_alarm_rate"] <= TARGET_FALSE_ALARMS, (
        f"{split} {lang}: {rep['false_alarms']}/{rep['near_misses']} near-misses answered as danger")


@pytest.mark.parametrize("split, lang", case(LANGUAGE_MET))
def test_held_out_danger_is_answered_in_its_language(reports, split, lang):
    rep = reports[split][lang]
    assert rep["right_language"] == rep["caught"], (
        f"{split} {lang}: {rep['caught'] - rep['right_language']} danger messages answered in another language")


@pytest.mark.parametrize("split, lang", CASES)
def test_held_out_danger_keeps_what_has_been_reached(reports, split, lang):
    rep, floor = reports[split][lang], FLOOR[(split, lang)]
    assert rep["recall"] >= floor["recall"], f"{split} {lang}: recall fell to {rep['caught']}/{rep['danger']}"
    assert rep["false_alarm_rate"] <= floor["false_alarms"], (
        f"{split} {lang}: {rep['false_alarms']}/{rep['near_misses']} near-misses answered as danger")
    assert rep["caught"] - rep["right_language"] <= floor["wrong_language"], (
        f"{split} {lang}: answered in another language")
