"""The FAQ answers, read from data/stories/faq.yml so the tests cover every question the data answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def _rules(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((STORIES / name).read_text(encoding="utf-8"))["rules"]


def faq_answers() -> dict[str, str]:
    """intent -> utter_ action of every plain FAQ rule (no entity, no condition) in faq.yml."""
    answers: dict[str, str] = {}
    for rule in _rules("faq.yml"):
        steps = rule["steps"]
        if rule.get("condition") or len(steps) != 2 or steps[0].get("entities"):
            continue
        intent, action = steps[0].get("intent"), steps[1].get("action", "")
        if intent and action.startswith("utter_"):
            answers[intent] = action
    return answers

