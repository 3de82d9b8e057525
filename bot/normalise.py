"""Text normalisation shared by the matchers (folding case, accents and apostrophes): people type
without accents, so we match without them."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one output character per input character.

    Keeping the length lets a match found in the folded text be cut from the original text.
    """
    out = []
    for ch in text.lower():
        base = unicodedata.normalize("NFD", ch)[:1] or ch
        out.append(base if len(base) == 1 else ch)
    folded = "".join(out)
    # Curly apostrophes are common on phones; treat them like the straight one.
    return folded.replace("\u2019", "'").replace("\u02bc", "'")


_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def plain_example(text: str) -> str:
    """A Rasa training example without its entity annotations: "[Laval](place)" -> "Laval"."""
    return _ANNOTATION.sub(r"\1", text)


def overlap_key(text: str) -> str:
    """A message as the classifier reads it (case, accents, apostrophes, hyphens and punctuation
    gone), so a training example and a held-out message that differ only in those are the same."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())
