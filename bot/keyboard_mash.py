"""Whether a message is keys pressed at random ("asdfghjkl", "zxcvb"), not words.

The classifier gives every message its nearest intent: "asdfghjkl" came out "out of scope" at 0.84
and was told "I can only help with immigration protection", as if it had asked about something
else. A message of such letters gets the honest "I did not understand", with the ways forward.
Pure text logic, no Rasa.
"""

from __future__ import annotations

import re

from bot.normalise import fold

# Runs of keys side by side on QWERTY and AZERTY keyboards. Four keys on the rows without vowels
# never occur in English or French words; on the top row, whose runs hold vowels ("liberty"
# holds "erty"), five are needed.
_ROWS_4 = ("asdfghjkl", "qsdfghjklm", "zxcvbnm", "wxcvbn")
_ROWS_5 = ("qwertyuiop", "azertyuiop")
_RUNS = frozenset({row[i:i + 4] for row in _ROWS_4 for i in range(len(row) - 3)}
                  | {row[i:i + 4][::-1] for row in _ROWS_4 for i in range(len(row) - 3)}
                  | {row[i:i + 5] for row in _ROWS_5 for i in range(len(row) - 4)})
_LETTERS = re.compile(r"[a-z]+")
_CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxz]{6,}")


def _mashed(word: str) -> bool:
    return len(word) >= 4 and (any(run in word for run in _RUNS) or bool(_CONSONANTS.search(word)))


def is_keyboard_mash(text: str) -> bool:
    """True when every word of a short message (one to three) is a run of neighbouring keys or has
    no vowel in six letters, and nothing else is in it but punctuation and digits."""
    folded = fold(text or "")
    words = _LETTERS.findall(folded)
    if not words or len(words) > 3 or re.search(r"[^\w\s.,;:!?'\"-]", folded):
        return False
    return all(_mashed(w) for w in words)
