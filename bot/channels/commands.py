"""Chat commands to intents (data/commands.yml), so "/help" means "what can you do"."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalise import fold

# The language menu's buttons (bot/nlg.py builds them from the catalogs).
_LANGUAGE_BUTTON = re.compile(r'^/change_language\{"language": ?"[a-z]{2,3}(_[A-Z]{2})?"\}$')
COMMANDS = Path(__file__).resolve().parents[2] / "data" / "commands.yml"
DOMAIN = Path(__file__).resolve().parents[2] / "domain.yml"


@lru_cache(maxsize=1)
def commands() -> dict[str, str]:
    data = yaml.safe_load(COMMANDS.read_text(encoding="utf-8"))
    return {fold(k): v for k, v in data["commands"].items()}


def command_intent(text: str) -> str | None:
    """The intent of a message that is only a known command ("/help", "/aide@SomeBot"), else None."""
    word = fold(text or "").strip()
    if not word.startswith("/") or " " in word:
        return None
    return commands().get(word.split("@")[0])


@lru_cache(maxsize=1)
def button_payloads() -> frozenset[str]:
    """The payloads of the assistant's own buttons ("/ask_trp"): pressing one sends it as text."""
    data = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    return frozenset(
        b["payload"] for variants in (data.get("responses") or {}).values() for v in variants
        for b in v.get("buttons") or [] if isinstance(b.get("payload"), str)
    )


def from_person(text: str) -> str:
    """What a person's message becomes before the assistant reads it.

    Rasa reads "/intent{...}" as an order, not words: from a person, only the chat commands of
    data/commands.yml (turned into intents) and the assistant's own button payloads are orders.
    Anything else starting with "/" ("/restart", "/in_danger", "/ask_fee{"x": 1}") is read as words,
    without the slash.
    """
    intent = command_intent(text)
    if intent:
        return f"/{intent}"
    stripped = (text or "").strip()
    if stripped in button_payloads() or not stripped.startswith("/") or _LANGUAGE_BUTTON.match(stripped):
        return text
    return stripped.lstrip("/").replace("_", " ").strip() or text
