"""Where a person said they are, as stored in the q_location slot: "place:<name>" or "postal:<area>".

The slot keeps this string form (trackers and stories hold it); code builds and reads it only
through `Location`, so the format lives in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["place", "postal"]
# A Canadian postal code, or its first three characters (the forward sortation area).
POSTAL = re.compile(r"\b([abceghj-nprstvxy])(\d)([a-z])(?:\s?\d\s?[a-z]\s?\d)?\b", re.I)


@dataclass(frozen=True)
class Location:
    kind: Kind
    value: str  # a gazetteer name ("Montréal") or an upper-case postal code or its first letters ("H2X")

    @classmethod
    def place(cls, name: str) -> Location:
        return cls("place", name)

    @classmethod
    def postal(cls, code: str) -> Location:
        return cls("postal", code.upper())

    @classmethod
    def from_postal_match(cls, m: re.Match[str]) -> Location:
        """From a match of the postal-code pattern: its three groups joined, spaces dropped."""
        return cls.postal("".join(g or "" for g in m.group(1, 2, 3)))

    @classmethod
    def parse(cls, text: str) -> Location:
        """The slot string back as a Location; a bare name (no prefix) reads as a place."""
        if text.startswith("postal:"):
            return cls.postal(text.split(":", 1)[1])
        if text.startswith("place:"):
            return cls.place(text.split(":", 1)[1])
        return cls.place(text)

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"
