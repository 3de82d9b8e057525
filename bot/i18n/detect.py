"""Offline language identification of one message, cautious on short text.

A short or ambiguous message returns None so that the conversation keeps its language: "ok",
"no" and "taxi" are not evidence of anything. No model is downloaded: py3langid ships its model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from bot.i18n import domain_model
from bot.i18n.patterns import LANGUAGES
from bot.normalise import fold

# Words that, on their own, say which language a person is writing in. Kept short and certain:
# a word shared by both languages (ok, no, taxi, permit) must not be here.
MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "i i'm im you the is are my what how can do does thanks thank hello hi hey yes yeah "
        "please pls where when why who need want have has work much much help of and "
        "it it's this that will would should could get am don't dont can't cant".split()
    ),
    "fr": frozenset(
        "je j'ai jai j'suis chu tu vous est c'est cest pas mon ma mes le les un une des et ou "
        "de du pour avec merci bonjour salut oui ouais ouin non ca quoi comment combien peux peut "
        "faut suis svp stp quel quelle travail travailler aide moi besoin veux puis pis "
        "qu'est-ce quest-ce bonsoir allo".split()
    ),
}

_WORD = re.compile(r"[\w']+", re.UNICODE)


@dataclass(frozen=True)
class Detection:
    language: str | None  # None when not confident
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


# How much the assistant's own examples weigh against py3langid's general model, in a weighted
# geometric mean of the two (chosen by cross-validation on the training examples, never on the
# held-out ones: docs/benchmarks.md).
ASSISTANT_MODEL_WEIGHT = 0.9


def _classify(text: str, languages: tuple[str, ...], weight: float) -> tuple[str, float]:
    """The most likely of `languages` and its probability, from both models."""
    ident = _identifier()
    ident.set_languages(list(languages))
    general = dict(ident.rank(text))
    top = max(general, key=lambda lang: general[lang])
    assistant = domain_model.probabilities(text)
    covered = [lang for lang in languages if lang in assistant]
    if top not in covered or len(covered) < 2:
        # A language the assistant has no examples of (Spanish, say): py3langid alone decides.
        return top, general[top]
    mass = sum(general[lang] for lang in covered)
    mixed = {
        lang: max(assistant[lang], 1e-9) ** weight * max(general[lang] / mass, 1e-9) ** (1 - weight)
        for lang in covered
    }
    best = max(mixed, key=lambda lang: mixed[lang])
    return best, mixed[best] / sum(mixed.values()) * mass


def detect(text: str, languages: Iterable[str] = LANGUAGES, domain_weight: float = ASSISTANT_MODEL_WEIGHT) -> Detection:
    """Say which of `languages` the text is written in, or None when unsure.

    `domain_weight` 0 leaves py3langid alone, for comparison in `make eval`.
    """
    languages = tuple(sorted(set(languages)))
    words = _WORD.findall(fold(text))
    if not words or text.lstrip().startswith("/"):
        return Detection(None, 0.0)
    marks = {lang: sum(w in MARKERS.get(lang, ()) for w in words) for lang in languages}
    ranked = sorted(marks.items(), key=lambda kv: kv[1], reverse=True)
    marker_lead = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0)

    lang, prob = _classify(text, languages, domain_weight)

    if len(words) >= 3 and prob >= 0.9:
        # A confident statistical verdict on a real sentence wins unless the marker words clearly
        # disagree (a French sentence full of English nouns, say).
        if marker_lead >= 2 and ranked[0][0] != lang:
            return Detection(ranked[0][0], 0.8)
        return Detection(lang, float(prob))
    if marker_lead >= 1 and (ranked[0][0] == lang or marker_lead >= 2 or prob < 0.9):
        return Detection(ranked[0][0], 0.75)
    return Detection(None, float(prob))


# A message is in a language the assistant does not write only when the general model is sure of it,
# over a real sentence, and few of its words are English or French marker words: "chu pas safe
# pantoute" reads as Latvian to py3langid, "necesito ayuda de un abogado" has two French markers.
OTHER_SURE = 0.9
OTHER_MARKER_SHARE = 0.25
_LATIN = re.compile(r"[a-z]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def other_language(text: str, languages: Iterable[str] = LANGUAGES) -> str | None:
    """The language a message is written in when it is none of `languages` (ISO code), else None."""
    languages = tuple(sorted(set(languages)))
    if not text or text.lstrip().startswith("/"):
        return None
    folded = fold(text)
    words = _WORD.findall(folded)
    letters = _LETTER.findall(folded)
    if not words or not letters:
        return None
    ident = _identifier()
    ident.set_languages(None)
    lang, prob = ident.classify(text)
    if lang in languages:
        return None
    latin = sum(bool(_LATIN.match(c)) for c in letters) / len(letters)
    if latin < 0.5:
        return str(lang)  # another script altogether (Arabic, Cyrillic, Devanagari...)
    marked = sum(any(w in MARKERS.get(x, ()) for x in languages) for w in words)
    if len(words) >= 3 and prob >= OTHER_SURE and marked / len(words) < OTHER_MARKER_SHARE:
        return str(lang)
    return None
