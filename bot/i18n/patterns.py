"""Text every translation must keep exactly: {placeholders} and phone numbers.

One definition for the extractor (translator notes), the catalog checks and the text filler.
"""

from __future__ import annotations

import re

# {name}: filled in from data/facts.yml or the deployment; group 1 is the name.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# 911 or a 1-800-style number, not part of a longer number.
PHONE_NUMBER = re.compile(r"(?<![\d-])(?:911|\d-\d{3}-\d{3}-\d{4})(?![\d-])")
# The languages the assistant ships in (listed in locales/LINGUAS); English is the source.
LANGUAGES = ("en", "fr")


def placeholders(text: str) -> list[str]:
    """The placeholders in `text` as written ("{hotline}"), in order."""
    return [m.group(0) for m in PLACEHOLDER.finditer(text)]
