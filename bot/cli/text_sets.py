"""The texts models train on and the texts they are measured on, to count where they meet.

A measurement on a message the model was trained on says nothing about words nobody here wrote,
so training and test texts are compared as the classifier reads them (case, accents, apostrophes,
hyphens, punctuation and spacing ignored). Only counts leave this module's callers: held-out
texts are never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.normalise import overlap_key, plain_example

ROOT = Path(__file__).resolve().parents[2]


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def nlu_examples(folder: Path) -> list[str]:
    """The intent examples of every Rasa NLU YAML file under `folder`, without entity annotations."""
    out: list[str] = []
    for path in sorted(folder.rglob("*.yml")):
        for item in _yaml(path).get("nlu") or []:
            if "intent" in item:
                lines = str(item.get("examples") or "").splitlines()
                out += [plain_example(line.strip()[2:]) for line in lines if line.strip().startswith("- ")]
    return out


def _strings(node: Any) -> list[str]:
    """Every string value in a YAML tree (not the keys)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def training_texts(root: Path = ROOT) -> dict[str, list[str]]:
    """What the intent classifier, the answer classifier and the danger examples train on."""
    screening = _yaml(root / "data" / "screening_training.yml")
    answers = [t for rows in (screening.get("shared") or {}).values() for t in rows]
    answers += [t for options in (screening.get("questions") or {}).values() for rows in options.values()
                for t in rows]
    out = {"data/nlu": nlu_examples(root / "data" / "nlu"), "data/screening_training.yml": answers}
    danger = root / "data" / "safety" / "danger_examples.yml"
    if danger.exists():
        out["data/safety/danger_examples.yml"] = _strings(_yaml(danger))
    return out


def _danger_texts(folder: Path) -> list[str]:
    from bot.cli.danger_eval import load_set

    return [i.text for path in sorted(folder.glob("*.yml")) for i in load_set(path)]


def _answer_texts(folder: Path) -> list[str]:
    return [str(r["text"]) for path in sorted(folder.glob("*.yml"))
            for rows in (_yaml(path).get("questions") or {}).values() for r in rows]


def _multipart_texts(path: Path) -> list[str]:
    return [str(m["text"]) for m in _yaml(path).get("messages") or []] if path.exists() else []


def measured_texts(root: Path = ROOT) -> dict[str, list[str]]:
    """Every held-out and development message (tests/heldout, tests/heldout2, tests/dev, tests/nlu), by set."""
    tests = root / "tests"
    out = {"tests/nlu": nlu_examples(tests / "nlu"),
           "tests/heldout/intents": [str(t) for path in sorted((tests / "heldout" / "intents").glob("*.yml"))
                                     for texts in (_yaml(path).get("intents") or {}).values() for t in texts],
           "tests/dev/intents": [str(t) for path in sorted((tests / "dev" / "intents").glob("*.yml"))
                                 for texts in (_yaml(path).get("intents") or {}).values() for t in texts]}
    for split in ("heldout", "heldout2", "dev"):
        out[f"tests/{split}/danger"] = _danger_texts(tests / split / "danger")
        out[f"tests/{split}/answers"] = _answer_texts(tests / split / "answers")
        out[f"tests/{split}/multipart.yml"] = _multipart_texts(tests / split / "multipart.yml")
    return out


def overlaps(training: dict[str, list[str]], tests: dict[str, list[str]]) -> dict[tuple[str, str], int]:
    """For each (training source, test set): how many test messages read as a training text."""
    out: dict[tuple[str, str], int] = {}
    for source, texts in training.items():
        keys = {overlap_key(t) for t in texts}
        for name, messages in tests.items():
            out[(source, name)] = sum(overlap_key(m) in keys for m in messages)
    return out
