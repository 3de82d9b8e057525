"""Evaluate a trained model on the held-out intent examples of each language.

Two sets: tests/nlu/<lang>/ (Rasa NLU YAML, ten per intent; misses may be printed) and
tests/heldout/intents/<lang>.yml (fourteen per intent, written from purpose descriptions alone;
only aggregate figures are ever printed or stored). Used by the test suite (a pass/fail floor) and
by `make eval` (the full report).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[2]
HELD_OUT = ROOT / "tests" / "nlu"
WRITTEN_LANGUAGE = ROOT / "tests" / "nlu_written_language.yml"
HELD_OUT_INTENTS = ROOT / "tests" / "heldout" / "intents"
FALLBACK = "nlu_fallback"


@dataclass
class Example:
    text: str
    intent: str
    language: str  # the conversation's: the folder the example is in
    entities: list[dict[str, Any]] = field(default_factory=list)
    written: str = ""  # the language the text is written in ("mixed" for two)


def held_out_examples(root: Path = HELD_OUT) -> list[Example]:
    """Every held-out example, tagged with the language folder it came from."""
    import yaml
    from rasa.shared.nlu.training_data.loading import load_data

    other = yaml.safe_load(WRITTEN_LANGUAGE.read_text(encoding="utf-8")) if WRITTEN_LANGUAGE.exists() else {}
    out = []
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        written = {text: lang for lang, texts in (other.get(lang_dir.name) or {}).items() for text in texts}
        data = load_data(str(lang_dir))
        for m in data.intent_examples:
            text = m.get("text")
            out.append(Example(text, m.get("intent"), lang_dir.name, m.get("entities") or [],
                               written.get(text, lang_dir.name)))
    return out


def intent_set_examples(folder: Path = HELD_OUT_INTENTS) -> list[Example]:
    """The examples of every `{language: xx, intents: {intent: [text, ...]}}` file in `folder`."""
    import yaml

    out = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lang = str(data.get("language") or path.stem)
        for intent, texts in (data.get("intents") or {}).items():
            out += [Example(str(text), str(intent), lang, [], lang) for text in texts or []]
    return out


def language_reports(examples: list[Example], predicted: list[str], keep_texts: bool,
                     baseline: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Per language: macro-F1 with its 95% interval, accuracy, per-intent figures and the misses.

    `predicted` is the final intent of each example (an `nlu_fallback` is a wrong answer). Without
    `keep_texts` a miss keeps only its two labels, so a held-out set's words never leave this function.
    With a `baseline` (another model's labels on the same examples), the difference gets an interval.
    """
    out: dict[str, dict[str, Any]] = {}
    for lang in sorted({e.language for e in examples}):
        idx = [i for i, e in enumerate(examples) if e.language == lang]
        exp, pred = [examples[i].intent for i in idx], [predicted[i] for i in idx]
        rep = scores(exp, pred)
        rep["messages"], rep["intents"] = len(idx), len(set(exp))
        rep["fallbacks"] = sum(p == FALLBACK for p in pred)
        rep["interval"] = bootstrap_interval(exp, pred, [baseline[i] for i in idx] if baseline else None)
        rep["errors"] = [
            ({"text": examples[i].text} if keep_texts else {}) | {"expected": examples[i].intent,
                                                                  "predicted": predicted[i]}
            for i in idx if predicted[i] != examples[i].intent
        ]
        rep["expected"], rep["predicted"] = exp, pred
        out[lang] = rep
    return out


def scores(expected: Iterable[str], predicted: Iterable[str]) -> dict[str, Any]:
    """Macro-F1 and per-intent precision/recall/F1, over the intents present in `expected`."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    expected, predicted = list(expected), list(predicted)
    labels = sorted(set(expected))
    p, r, f, n = precision_recall_fscore_support(expected, predicted, labels=labels, zero_division=0)
    return {
        "macro_f1": float(f1_score(expected, predicted, labels=labels, average="macro", zero_division=0)),
        "accuracy": sum(a == b for a, b in zip(expected, predicted, strict=True)) / max(len(expected), 1),
        "per_intent": {
            label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(n[i])}
            for i, label in enumerate(labels)
        },
    }


def _macro_f1_rows(expected: Any, predicted: Any, n_labels: int) -> Any:
    """Macro-F1 of each row of two integer-coded arrays (rows = resamples, code n_labels = any other label)."""
    import numpy as np

    rows, width = expected.shape[0], n_labels + 1
    offset = (np.arange(rows) * width)[:, None]

    def count(codes: Any) -> Any:
        return np.bincount((codes + offset).ravel(), minlength=rows * width).reshape(rows, width)[:, :n_labels]

    tp = count(np.where(expected == predicted, expected, n_labels))
    denom = count(expected) + count(predicted)
    f1 = np.divide(2 * tp, denom, out=np.zeros(tp.shape, dtype=float), where=denom > 0)
    return f1.mean(axis=1)


def bootstrap_interval(expected: Iterable[str], predicted: Iterable[str], baseline: Iterable[str] | None = None,
                       rounds: int = 2000, seed: int = 0) -> dict[str, float]:
    """95% intervals for macro-F1 (and for its difference from a baseline's on the same examples).

    With ten examples per intent one message moves macro-F1 by about 0.004, so a point figure alone
    overstates what a held-out set this size can tell. Examples are resampled within each intent, as
    the set was written (a fixed number per intent), and both models see the same resamples.
    """
    import numpy as np

    expected, predicted = list(expected), list(predicted)
    labels = sorted(set(expected))
    code = {label: i for i, label in enumerate(labels)}

    def enc(seq: list[str]) -> Any:
        return np.array([code.get(x, len(labels)) for x in seq])

    exp, pred = enc(expected), enc(predicted)
    rng = np.random.default_rng(seed)
    groups = [np.flatnonzero(exp == i) for i in range(len(labels))]
    idx = np.concatenate([g[rng.integers(0, len(g), size=(rounds, len(g)))] for g in groups], axis=1)
    ours = _macro_f1_rows(exp[idx], pred[idx], len(labels))
    out = {"low": float(np.percentile(ours, 2.5)), "high": float(np.percentile(ours, 97.5))}
    if baseline is not None:
        base = _macro_f1_rows(exp[idx], enc(list(baseline))[idx], len(labels))
        diff = ours - base
        out["difference_low"] = float(np.percentile(diff, 2.5))
        out["difference_high"] = float(np.percentile(diff, 97.5))
    return out


async def parse_all(model_path: str, texts: list[str]) -> list[dict[str, Any]]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Parse logs would carry the examples' text; evaluation output stays on the figures.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)

    agent = Agent.load(model_path)
    return [await agent.parse_message(t) for t in texts]


def predict(model_path: str, texts: list[str]) -> list[str]:
    """The final intent of each text, parsed as the server parses it (the whole NLU pipeline,
    safety net included)."""
    return [p["intent"]["name"] for p in asyncio.run(parse_all(model_path, texts))]


def evaluate(model_path: str, examples: list[Example] | None = None) -> dict[str, Any]:
    examples = examples or held_out_examples()
    parsed = asyncio.run(parse_all(model_path, [e.text for e in examples]))
    report: dict[str, Any] = {"model": model_path, "languages": {}}
    for lang in sorted({e.language for e in examples}):
        idx = [i for i, e in enumerate(examples) if e.language == lang]
        exp = [examples[i].intent for i in idx]
        pred = [parsed[i]["intent"]["name"] for i in idx]
        rep = scores(exp, pred)
        rep["errors"] = [
            {"text": examples[i].text, "expected": examples[i].intent, "predicted": parsed[i]["intent"]["name"]}
            for i in idx
            if parsed[i]["intent"]["name"] != examples[i].intent
        ]
        rep["expected"], rep["predicted"] = exp, pred
        report["languages"][lang] = rep
    return report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(ROOT / "models" / "trp.tar.gz"))
    args = ap.parse_args(argv)
    report = evaluate(args.model)
    for lang, rep in report["languages"].items():
        print(f"{lang}: macro-F1 {rep['macro_f1']:.3f}  accuracy {rep['accuracy']:.3f}  errors {len(rep['errors'])}")
        for e in rep["errors"]:
            print(f"    {e['expected']:>16} -> {e['predicted']:<16} {e['text']}")
    print(json.dumps({k: v["macro_f1"] for k, v in report["languages"].items()}))


if __name__ == "__main__":
    main()
