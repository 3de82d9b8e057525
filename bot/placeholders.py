"""{name} placeholders in answers filled with values: pure, so the action server needs no Rasa."""

from __future__ import annotations

import re
from typing import Any, Mapping

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(text: str, values: Mapping[str, Any]) -> str:
    """Replace {name} placeholders that have a value; leave the others for a reviewer to notice."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if values.get(m.group(1)) is not None else m.group(0), text
    )
