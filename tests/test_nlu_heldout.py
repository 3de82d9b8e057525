"""Understanding, measured on held-out examples that were never trained on."""

from pathlib import Path

import pytest

from bot.cli.nlu_eval import evaluate, held_out_examples

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "trp.tar.gz"


@pytest.fixture(scope="module")
def report():
    return evaluate(str(MODEL))


def test_held_out_examples_are_not_training_examples():
    from rasa.shared.nlu.training_data.loading import load_data

    trained = {m.get("text").lower().strip() for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    for ex in held_out_examples():
        assert ex.text.lower().strip() not in trained, ex.text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_intent_macro_f1_per_language(report, lang):
    rep = report["languages"][lang]
    assert rep["macro_f1"] >= 0.90, f"{lang} macro-F1 {rep['macro_f1']:.3f}; errors: {rep['errors'][:10]}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_danger_example_is_caught(report, lang):
    missed = [e for e in report["languages"][lang]["errors"] if e["expected"] == "in_danger"]
    assert not missed, missed
