"""Several things in one message: the part that asks.

"Hi! How much does it cost?" is a greeting and a question; a long story ending with "do I have to
pay?" is a story and a question. The classifier reads the whole message and hears the greeting or
the story; the question is what the person is waiting for. Pure text logic, no Rasa.
"""

from __future__ import annotations

import re

from bot.normalise import fold

# A greeting at the start, with what follows it.
_GREETING = re.compile(
    r"^\W*(hi|hello|hey|hiya|good (morning|afternoon|evening)|bonjour|bonsoir|salut|allo|allô|coucou"
    r"|bon matin)(\s+(there|madame|monsieur|madam|sir|tout le monde))?\b[\s,.!:;-]*", re.I
)
_SENTENCE = re.compile(r"(?<=[.!?\n])\s+")
_QUESTION_WORDS = re.compile(
    r"^\W*(can|could|do|does|did|is|are|will|would|should|may|what|what's|how|why|when|where|who|which"
    r"|est-ce|est ce|peux|puis|peut|pourrais|dois|quel|quelle|quels|comment|pourquoi|combien|quand|ou|qui"
    r"|y'a tu|ya tu)\b", re.I
)
# Intents whose reading of a whole message may hide a question asked at its end.
COVERING = ("greet", "ask_eligibility", "out_of_scope", "thanks", "nlu_fallback")


def after_greeting(text: str) -> str | None:
    """What follows an opening greeting, when there is something ("hi, is it free?" -> "is it free?")."""
    m = _GREETING.match(text or "")
    if not m:
        return None
    rest = text[m.end():].strip()
    return rest if len(rest.split()) >= 2 else None


def last_question(text: str) -> str | None:
    """The last sentence, when the message has several and that one asks something."""
    sentences = [s.strip() for s in _SENTENCE.split((text or "").strip()) if s.strip()]
    if len(sentences) < 2:
        return None
    last = sentences[-1]
    if last.endswith("?") or _QUESTION_WORDS.match(fold(last)):
        return last
    return None


def question_part(text: str) -> str | None:
    """The part of a message that asks, if the message is more than that part."""
    return last_question(text) or after_greeting(text)


def asks_something(text: str) -> bool:
    """Whether a message asks anything: a question mark, or a sentence that opens like a question."""
    if "?" in (text or ""):
        return True
    return any(_QUESTION_WORDS.match(fold(s)) for s in _SENTENCE.split((text or "").strip()) if s.strip())
