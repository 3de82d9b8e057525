"""{name} placeholders in answers filled with values: pure, so the action server needs no Rasa."""

from __future__ import annotations

from typing import Any, Mapping

from bot.i18n.patterns import PLACEHOLDER


def fill(text: str, values: Mapping[str, Any]) -> str:
    """Replace {name} placeholders that have a value; leave the others for a reviewer to notice."""
    return PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if values.get(m.group(1)) is not None else m.group(0), text
    )
