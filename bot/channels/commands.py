"""Chat commands to intents (data/commands.yml), so "/help" means "what can you do"."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from bot.text import fold

COMMANDS = Path(__file__).resolve().parents[2] / "data" / "commands.yml"


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
