"""The danger safety net: a second, rule-based reader that catches "I am in danger" in any language.

It backs up the intent classifier so that a misclassified cry for help still gets 911 guidance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalise import fold

DEFAULT_PATTERNS = Path(__file__).resolve().parents[2] / "data" / "safety" / "danger.yml"


@dataclass(frozen=True)
class DangerMatch:
    language: str
    pattern: str
    start: int = 0  # where the phrase begins in the folded text
    end: int = 0  # and where it ends


class DangerNet:
    def __init__(self, patterns: dict[str, list[str]]) -> None:
        self._compiled = [
            (lang, re.compile(p)) for lang, items in patterns.items() for p in items
        ]

    @classmethod
    def from_file(cls, path: Path = DEFAULT_PATTERNS) -> DangerNet:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return cls(data["patterns"])

    def match(self, text: str) -> DangerMatch | None:
        """The first danger phrase found in the text, if any (button payloads are never danger)."""
        if not text or text.lstrip().startswith("/"):
            return None
        return self.search(fold(text))

    def search(self, folded: str) -> DangerMatch | None:
        """The first danger phrase in text already folded (lower case, no accents)."""
        for lang, rx in self._compiled:
            found = rx.search(folded)
            if found:
                return DangerMatch(lang, rx.pattern, found.start(), found.end())
        return None


@lru_cache(maxsize=1)
def default_net() -> DangerNet:
    return DangerNet.from_file()
