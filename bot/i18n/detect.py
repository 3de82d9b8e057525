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


# A message is in a language the assistant does not write only when every sign agrees: py3langid is
# sure of another language and gives English and French almost nothing, over three words or more;
# few of its words are English or French marker words; and most of its longer words are in no
# dictionary of the languages offered. py3langid alone reads "chu pas safe pantoute" as Latvian and
# "applied last month, no decision yet" as Spanish; the dictionaries know those words.
OTHER_SURE = 0.9
OTHER_OFFERED_AT_MOST = 0.05
OTHER_MARKER_SHARE = 0.25
OTHER_KNOWN_SHARE = 0.4
_LATIN = re.compile(r"[a-z]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_LONG_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


class Dictionary:
    """Word forms kept as a sorted array of their hashes: 8 bytes a word (about 3 MB for English
    and French) instead of a set of strings (about ten times more). A collision only makes an
    unknown word count as known, which leans towards English or French, the safe side."""

    def __init__(self, words: Iterable[str]) -> None:
        import numpy as np

        self._np = np
        self.hashes = np.unique(np.fromiter((hash(w) for w in words), dtype=np.int64))

    def __len__(self) -> int:
        return int(self.hashes.size)

    def __contains__(self, word: object) -> bool:
        h = hash(word)
        i = int(self._np.searchsorted(self.hashes, h))
        return i < self.hashes.size and int(self.hashes[i]) == h


@lru_cache(maxsize=4)
def _dictionary(languages: tuple[str, ...]) -> Dictionary:
    """Every word form and lemma of the offered languages' tables (spacy-lookups-data), folded."""
    import gzip
    import json
    from importlib.resources import files

    words: set[str] = set()
    for lang in languages:
        words.update(MARKERS.get(lang, ()))
        for table in ("lemma_lookup", "lemma_index"):  # inflected forms and their lemmas; base words
            path = files("spacy_lookups_data") / "data" / f"{lang}_{table}.json.gz"
            if not path.is_file():
                continue
            with gzip.open(str(path), "rt", encoding="utf-8") as f:
                for form, lemmas in json.load(f).items():
                    if table == "lemma_lookup":
                        words.add(fold(form))
                    words.update(fold(x) for x in (lemmas if isinstance(lemmas, list) else [lemmas]))
    return Dictionary(words)


def load_dictionary(languages: Iterable[str] = LANGUAGES) -> None:
    """Built while the server starts (about a second), not during someone's first message."""
    _dictionary(tuple(sorted(set(languages))))


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
    ranked = dict(ident.rank(text))
    lang = max(ranked, key=lambda x: ranked[x])
    if lang in languages:
        return None
    latin = sum(bool(_LATIN.match(c)) for c in letters) / len(letters)
    if latin < 0.5:
        return str(lang)  # another script altogether (Arabic, Cyrillic, Devanagari...)
    offered = sum(ranked.get(x, 0.0) for x in languages)
    if len(words) < 3 or ranked[lang] < OTHER_SURE or offered > OTHER_OFFERED_AT_MOST:
        return None
    marked = sum(any(w in MARKERS.get(x, ()) for x in languages) for w in words)
    if marked / len(words) >= OTHER_MARKER_SHARE:
        return None
    long_words = _LONG_WORD.findall(folded)
    known = _dictionary(languages)
    if long_words and sum(w in known for w in long_words) / len(long_words) >= OTHER_KNOWN_SHARE:
        return None
    return str(lang)
