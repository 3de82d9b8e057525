"""The intent evaluation's figures, on a tiny made-up set (never on held-out texts)."""

import json

import pytest

from bot.cli.nlu_eval import Example, intent_set_examples, language_reports

SECRET = "zorblax quux"  # a made-up message that must never leave a held-out report


def made_up() -> list[Example]:
    rows = [("en", "greet", "hello"), ("en", "greet", "hi there"), ("en", "thanks", "thank you"),
            ("en", "thanks", SECRET), ("fr", "greet", "bonjour"), ("fr", "thanks", "merci")]
    return [Example(text, intent, lang, [], lang) for lang, intent, text in rows]


def test_intent_set_files_are_read_by_language_and_intent(tmp_path):
    (tmp_path / "xx.yml").write_text("language: fr\nintents:\n  greet: [salut, allo]\n  thanks: [merci bien]\n")
    examples = intent_set_examples(tmp_path)
    assert [(e.language, e.intent, e.text) for e in examples] == [
        ("fr", "greet", "salut"), ("fr", "greet", "allo"), ("fr", "thanks", "merci bien")]


def test_a_fallback_is_a_wrong_answer_and_languages_are_scored_apart():
    examples = made_up()
    predicted = ["greet", "greet", "thanks", "nlu_fallback", "greet", "thanks"]
    reports = language_reports(examples, predicted, keep_texts=True)
    en, fr = reports["en"], reports["fr"]
    assert fr["macro_f1"] == 1.0 and fr["accuracy"] == 1.0 and fr["fallbacks"] == 0
    assert en["accuracy"] == 0.75 and en["fallbacks"] == 1 and en["messages"] == 4 and en["intents"] == 2
    assert en["per_intent"]["thanks"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2})
    # greet: F1 1; thanks: F1 2/3. The fallback is no intent of its own, so it only lowers recall.
    assert en["macro_f1"] == pytest.approx((1 + 2 / 3) / 2)
    assert en["interval"]["low"] <= en["macro_f1"] <= en["interval"]["high"]
    assert en["errors"] == [{"text": SECRET, "expected": "thanks", "predicted": "nlu_fallback"}]


def test_a_held_out_report_carries_no_text():
    predicted = ["thanks", "greet", "greet", "nlu_fallback", "thanks", "greet"]
    reports = language_reports(made_up(), predicted, keep_texts=False)
    dumped = json.dumps(reports)
    assert SECRET not in dumped and "hello" not in dumped and "bonjour" not in dumped
    assert {"expected": "thanks", "predicted": "nlu_fallback"} in reports["en"]["errors"]


def test_a_baseline_on_the_same_messages_gives_a_difference_interval():
    predicted = ["greet", "greet", "thanks", "thanks", "greet", "thanks"]
    worse = ["greet", "thanks", "thanks", "greet", "greet", "thanks"]
    en = language_reports(made_up(), predicted, keep_texts=False, baseline=worse)["en"]
    assert en["macro_f1"] == 1.0
    assert 0 <= en["interval"]["difference_low"] <= en["interval"]["difference_high"] <= 1


def test_a_past_stock_run_pairs_only_with_the_same_messages():
    from bench.eval import digest, stored_labels

    examples = made_up()
    stored = {lang: {"digest": digest([e for e in examples if e.language == lang]),
                     "predicted": [e.intent + "!" for e in examples if e.language == lang]} for lang in ("en", "fr")}
    assert stored_labels(stored, examples) == [e.intent + "!" for e in examples]
    changed = examples[:3] + [Example("a new message", "thanks", "en")] + examples[4:]
    assert stored_labels(stored, changed) is None
