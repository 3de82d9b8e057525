"""Understanding, measured on held-out examples that were never trained on."""

from pathlib import Path

import pytest

from bot.cli.danger_eval import SETS, load_set
from bot.cli.nlu_eval import evaluate, held_out_examples
from bot.normalise import overlap_key

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "trp.tar.gz"


@pytest.fixture(scope="module")
def report():
    return evaluate(str(MODEL))


@pytest.fixture(scope="module")
def trained() -> set[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return {overlap_key(m.get("text")) for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}


def test_held_out_examples_are_not_training_examples(trained):
    for ex in held_out_examples():
        assert overlap_key(ex.text) not in trained, ex.text


@pytest.mark.parametrize("which", ["dev", "heldout"])
def test_danger_sets_are_not_training_examples(trained, which):
    """Compared as the classifier reads text. Held-out texts are never printed, only counted."""
    items = [i for f in sorted(SETS[which].glob("*.yml")) for i in load_set(f)]
    assert items, f"no messages in {SETS[which]}"
    found = [i for i in items if overlap_key(i.text) in trained]
    if which == "dev":
        assert not found, [i.text for i in found]
    assert not found, f"{len(found)} {which} messages are in data/nlu (scripts/drop_heldout_overlap.py removes them)"


def test_overlap_ignores_what_the_classifier_ignores():
    assert overlap_key("Il m’a enfermée-là!") == overlap_key("il m'a enfermee la")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_intent_macro_f1_per_language(report, lang):
    rep = report["languages"][lang]
    assert rep["macro_f1"] >= 0.90, f"{lang} macro-F1 {rep['macro_f1']:.3f}; errors: {rep['errors'][:10]}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_danger_example_is_caught(report, lang):
    missed = [e for e in report["languages"][lang]["errors"] if e["expected"] == "in_danger"]
    assert not missed, missed
