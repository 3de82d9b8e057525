"""Is a message nothing but a place? Then the person is asking where to go near it.

"H2X", "Surrey BC" or "je suis à Laval" typed outside the questions read as a greeting or as
not understood; someone who types only where they are wants the nearest office. Pure logic.
"""

from __future__ import annotations

import re
from typing import Iterable

from bot.normalise import fold

# Words that may stand around a place without changing what the message asks.
_FILLER = re.compile(
    r"\b(i am|i'm|im|i live|i stay|i work|we are|we're|in|at|near|around|close to|from|the|city of|"
    r"province of|my postal code is|postal code|code postal|je suis|chu|j'habite|jhabite|je reste|"
    r"j'suis|jsuis|je travaille|nous sommes|on est|a|au|aux|en|dans|pres de|proche de|region de|"
    r"ville de|la|le|les|de|du|mon code postal est|mon code postal|is|est|ici|here)\b"
)
_LEFT = re.compile(r"[\W_]+")


def only_a_place(text: str, spans: Iterable[tuple[int, int]]) -> bool:
    """True when the text, once the place spans and filler words are taken out, says nothing else."""
    spans = sorted(spans)
    if not spans or not text.strip() or text.lstrip().startswith("/"):
        return False
    rest, last = [], 0
    for start, end in spans:
        rest.append(text[last:start])
        last = max(last, end)
    rest.append(text[last:])
    left = _FILLER.sub(" ", fold(" ".join(rest)))
    return not _LEFT.sub("", left)
