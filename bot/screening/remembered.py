"""Signs of trafficking told before the situation question: offered back for confirmation, never kept unasked.

Signs in a story often belong to someone else ("my friend's employer holds her passport"), so they
are never taken as an answer on their own (KEPT_FROM_EARLIER). Instead the situation question opens
with them ("Earlier you mentioned: …. Is that right?") and the person's reply decides. Pure logic:
no Rasa imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from bot.normalise import fold
from bot.screening.questionnaire import SKIP, UNSURE, Questionnaire

SIGNS = "situation"
NOT_A_SIGN = (SKIP, UNSURE, "none")
# Off for now. On the held-out multi-part messages (written independently, 2026-12-03), 37 of the 77
# offers named no sign the person had told (the development set, tuned on: 0 of 34). A frightened
# person may tap "Yes, that's right" to a wrong line, and the signs change what the result says,
# so the situation question is asked plainly until signs are read from stories better.
OFFER_REMEMBERED_SIGNS = False

# A clause with none of these is about someone else, or about nobody in particular ("forced labour
# is common", "they took the passports"): its signs are not offered back. French "on" is "we".
_FIRST_PERSON = re.compile(
    r"\b(i|i'?m|im|i'?ve|i'?d|i'?ll|me|my|mine|myself|we|we'?re|us|our|ours|je|j|m|moi|mon|ma|mes|nous|nos|notre"
    r"|chu|suis)\b|\bon (est|etait|a|avait|travaille|doit|peut|nous)\b"
)
# The person as the one something is done to, or whose things are taken: "me", "my", "m'", "nous".
_AFFECTED = re.compile(r"\b(me|my|mine|myself|us|our|m|moi|mon|ma|mes|nous|nos|notre)\b")
# Someone else's signs: "her employer holds her passport", "they hit him", "elle est forcée".
_THEIRS = re.compile(
    r"\b(her|his|their|sa|son|ses|leur|leurs) (passport|papers|documents?|id|visa|permit|passeport|papiers|permis"
    r"|salary|wages?|pay|salaire|paie|paye)\b"
    r"|\b(hits?|beats?|threatens?|forces?|forced|lied to|locked) (her|him|them)\b"
    r"|\b(makes?|made) (her|him|them) (work|do|sleep|stay)\b"
    r"|\b(la|le|les|lui) (frappe|frappent|menace|menacent|force|forcent|oblige|obligent|enferme|enferment"
    r"|paie|paient)\b"
    r"|\b(she|he|elle|il) (is|was|has been|est|etait|a ete) (forced|made|threatened|beaten|locked|forcee?|obligee?"
    r"|menacee?|battue?|enfermee?)\b"
)
# Another person the clause is about ("my friend is", "a coworker who", "ma soeur est"): the story
# is theirs unless the person is also the one it happens to ("my cousin took my passport"). A
# relative named as the one threatened is the person's own sign ("they will hurt my son if I talk").
_OTHER_PERSON = re.compile(
    r"\b(my|a|our|mon|ma|mes|une?|notre|nos) (friends?|sisters?|brothers?|cousins?|daughters?|sons?|mother|mom|mum"
    r"|father|dad|niece|nephew|aunt|uncle|colleagues?|coworkers?|co-workers?|roommates?|neighbou?rs?|amie?s?|soeurs?"
    r"|freres?|cousines?|filles?|fils|mere|pere|tante|oncle|collegues?|voisine?s?|coloc\w*)('s|s')?"
    r"\W+(is|was|were|are|has|had|have|works?|worked|working|gets?|got|who|that|from|est|etait|sont|a|avait|ont"
    r"|travaille|travaillait|qui|de|du|s)\b"
)
# A reply that agrees with what was offered back.
_AGREES = re.compile(
    r"^\W*(yes|yeah|yep|yup|ya|yea|right|correct|exactly|true|that'?s (right|correct|it|true)|thats (right|correct|it)"
    r"|all of (it|them|that)|oui|ouais|exact|exactement|c'?est (bien )?(ca|cela|exact|vrai|juste)|tout (ca|a fait)"
    r"|correct|vrai)\b"
)
# A reply that adds to what was offered back: "also", "and ...", "... too", "aussi", "en plus" (never a
# bare "plus": "il me frappe plus" is "no longer").
_ADDS = re.compile(r"\b(also|as well|aussi|en plus|de plus|egalement)\b|\btoo\W*$|^\W*(and|et)\b")
# A reply that says what was offered back is wrong: "no", "that's wrong", "not me".
_DENIES = re.compile(
    r"^\W*(no|non|nope|nah|wrong|not (right|true|correct|me|really)|that'?s (wrong|not (right|true|correct|me|it))"
    r"|thats (wrong|not)|pas (vrai|ca|cela|moi|exact|correct)|c'?est (faux|pas (ca|cela|vrai|moi|exact|correct))"
    r"|faux)\b"
)


def remembered_signs(questionnaire: Questionnaire, messages: Iterable[str]) -> list[str]:
    """The signs a person stated, in order, read with the situation question's careful patterns,
    clause by clause: never in a clause that asks, and never in one about someone else."""
    question = questionnaire.questions[SIGNS]
    found: list[str] = []
    for text in messages:
        for _, folded in questionnaire.statements(text):
            if about_someone_else(folded):
                continue
            for sign in questionnaire.pattern_hits(question, folded):
                if sign not in NOT_A_SIGN and sign not in found:
                    found.append(sign)
    return [o for o in question.options if o in found]  # the question's own order, as the buttons


def about_someone_else(folded: str) -> bool:
    """Whether a folded clause tells someone else's story, or nobody's, rather than the person's."""
    if not _FIRST_PERSON.search(folded) or _THEIRS.search(folded):
        return True
    return bool(_OTHER_PERSON.search(folded)) and not _AFFECTED.search(_OTHER_PERSON.sub(" ", folded))


@dataclass(frozen=True)
class Confirmation:
    """What a reply to the offered-back signs says: kind "agrees" (the remembered signs, and any the
    reply adds), "names" (only the reply's own signs), "denies" (none), or "other" (read as usual)."""

    kind: str
    answer: list[str] | None = None


def read_confirmation(
    questionnaire: Questionnaire, text: str, remembered: list[str], agree_labels: Iterable[str] = ()
) -> Confirmation:
    """The answer a reply to "Earlier you mentioned: … Is that right?" gives.

    "Yes" (or the "Yes, that's right" button): exactly the remembered signs. Signs named in the
    reply: those, and the remembered ones too when the reply agrees or adds ("yes, and they
    threaten me", "also a debt"). "No", "none of these": none. Anything else: "other", read as usual.
    """
    folded = fold(text or "").strip()
    if not remembered or not folded:
        return Confirmation("other")
    question = questionnaire.questions[SIGNS]
    named = [s for s in questionnaire.pattern_hits(question, folded) if s not in NOT_A_SIGN]
    if any(fold(label).strip(" .!?") == folded.strip(" .!?") for label in agree_labels):
        return Confirmation("agrees", list(remembered))
    if questionnaire.says("asks", folded):
        return Confirmation("other")  # "yes, but what does debt mean here?" asks: read as usual
    denies = bool(_DENIES.match(folded)) or "none" in questionnaire.pattern_hits(question, folded)
    agrees = not denies and (bool(_AGREES.match(folded)) or bool(named and _ADDS.search(folded)))
    if named:
        signs = named + [s for s in remembered if agrees and s not in named]
        return Confirmation("agrees" if agrees else "names", [o for o in question.options if o in signs])
    if denies and _short(folded):
        return Confirmation("denies", ["none"])
    if agrees and _short(folded):
        return Confirmation("agrees", list(remembered))
    return Confirmation("other")


def _short(folded: str) -> bool:
    """A plain reply ("yes that's right", "non, pas du tout"): a longer one may agree to something else."""
    return len(folded.split()) <= 6
