"""French typography as the Office québécois de la langue française gives it for Canadian French.

A no-break space (U+00A0, or the narrow U+202F) goes before ":" and inside « »; no space goes
before "?", "!" or ";". A plain space there would let a phone wrap a lone ":" or "»" onto the next
line. URLs and clock times (8:00) are left alone.
"""

from __future__ import annotations

import re

NO_BREAK = "\u00a0\u202f"
_URL = re.compile(r"https?://\S+")
_TIME = re.compile(r"\d:\d")
_COLON = re.compile(r"(.?):")
_OPENING = re.compile(r"«(.?)")
_CLOSING = re.compile(r"(.?)»")
_SPACE_BEFORE = re.compile(rf"[ \t{NO_BREAK}]+([?!;])")


def applies_to(lang: str) -> bool:
    """French catalogs, whatever the region (fr, fr_CA)."""
    return lang == "fr" or lang.startswith(("fr_", "fr-"))


def problems(text: str) -> list[str]:
    """What breaks Canadian French typography in `text`, one message per kind of fault."""
    text = _URL.sub("URL", _TIME.sub("0h0", text))
    found = []
    if any((before or "^") not in NO_BREAK for before in _COLON.findall(text)):
        found.append('":" needs a no-break space (U+00A0) before it')
    if any((after or "$") not in NO_BREAK for after in _OPENING.findall(text)):
        found.append('"«" needs a no-break space (U+00A0) after it')
    if any((before or "^") not in NO_BREAK for before in _CLOSING.findall(text)):
        found.append('"»" needs a no-break space (U+00A0) before it')
    spaced = sorted(set(_SPACE_BEFORE.findall(text)))
    if spaced:
        found.append(f"no space before {' '.join(repr(s) for s in spaced)} in Canadian French")
    return found
