"""Whether the classifier's guess of a short answer ("ok", "no", "idk", "stop") may be taken.

A message the classifier is unsure of is never answered as an agreement ("OK. What would you like
to know?") and never stops anything: it becomes "please rephrase", which gets the honest "I did not
understand", with the ways forward and the numbers.
"""

from __future__ import annotations

from typing import Any, Mapping

from bot.normalise import fold
from bot.screening.questionnaire import default_questionnaire

SURE = 0.6  # below this, the classifier's guess of a short answer is not taken as one
SHORT_INTENTS = ("affirm", "deny", "dont_know", "prefer_not_say", "stop")
# A message with no words (emoji, punctuation) is a short answer only when it is a plain yes or
# no sign: "😢😢" was read as "OK" and answered "What would you like to know?".
AGREE_SIGNS = frozenset("👍👌✅✔🆗")
REFUSE_SIGNS = frozenset("👎❌🚫✖")
_MODIFIERS = frozenset("\ufe0f\u200d") | {chr(c) for c in range(0x1F3FB, 0x1F400)}


def is_sure_short_answer(text: str, top: Mapping[str, Any]) -> bool:
    """False when the classifier only guesses a short answer ("qwfp" read as "stop" at 0.5): such a
    guess must not agree, refuse or stop anything; True for every other intent."""
    intent, confidence = top.get("name"), float(top.get("confidence") or 0.0)
    if intent in SHORT_INTENTS and not any(ch.isalnum() for ch in text or ""):
        signs = {ch for ch in text or "" if not ch.isspace() and ch not in _MODIFIERS}
        return bool(signs) and ((intent == "affirm" and signs <= AGREE_SIGNS)
                                or (intent == "deny" and signs <= REFUSE_SIGNS))
    if intent not in SHORT_INTENTS or confidence >= SURE:
        return True
    folded = fold(text or "").strip()
    questionnaire = default_questionnaire()
    return any(questionnaire.says(v, folded) for v in ("yes_word", "no_word", "go_on", "dont_know", "rather_not_say"))
