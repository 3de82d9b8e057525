"""Find Canadian place names in a message with a spaCy PhraseMatcher over the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bot.normalise import fold
from bot.places.gazetteer import Gazetteer, default_gazetteer

if TYPE_CHECKING:  # spaCy is imported only where a matcher is built
    from spacy.tokens import Doc, Span

_ELISION = re.compile(r"\b(qu|[a-z])'")


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str  # as the person wrote it
    value: str  # the gazetteer's canonical name


class PlaceMatcher:
    def __init__(self, gazetteer: Gazetteer) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.gazetteer = gazetteer
        # The multi-language tokenizer needs no download and splits hyphens the same way in
        # patterns and messages.
        self.nlp = spacy.blank("xx")
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        tokenizer: Any = self.nlp.tokenizer  # a Tokenizer, typed by spaCy as any callable
        self.phrases.add("PLACE", list(tokenizer.pipe(gazetteer.phrases.keys())))
        self.codes = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.codes.add("CODE", list(tokenizer.pipe(gazetteer.codes.keys())))
        self._by_initial: dict[str, list[str]] = {}
        for phrase in gazetteer.phrases:
            if len(phrase) >= 5:
                self._by_initial.setdefault(phrase[0], []).append(phrase)

    def find(self, text: str) -> list[PlaceMention]:
        from spacy.util import filter_spans

        if not text or text.lstrip().startswith("/"):
            return []
        # "l'Île-du-Prince-Édouard": split French elisions without moving any character.
        folded = self.nlp.make_doc(_ELISION.sub(r"\1 ", fold(text)))
        original = self.nlp.make_doc(text)
        spans = [folded[s:e] for _, s, e in self.phrases(folded)]
        spans += [original[s:e] for _, s, e in self.codes(original)]
        if all(self._is_province(span.text) for span in spans):
            # "Calgry AB", "Edmunston au NB": a misspelt town beside its province is the town.
            spans += [s for s in self._near_misses(folded)
                      if not any(s.start < o.end and o.start < s.end for o in spans)
                      and not self._is_province(s.text)]
        mentions = []
        for span in filter_spans(spans):  # longest wins: "Prince Edward Island" over "Prince Edward"
            start, end = span.start_char, span.end_char
            surface = text[start:end]
            value = (
                self.gazetteer.phrases.get(fold(surface))
                or self.gazetteer.codes.get(surface)
                or self._closest(fold(surface))
            )
            if value:
                mentions.append(PlaceMention(start, end, surface, value))
        return mentions


    def _is_province(self, surface: str) -> bool:
        value = self.gazetteer.phrases.get(fold(surface)) or self.gazetteer.codes.get(surface)
        place = self.gazetteer.places.get(value) if value else None
        return place is not None and place.kind == "province"

    def _closest(self, folded: str) -> str | None:
        from difflib import get_close_matches

        if len(folded) < 5:
            return None
        # Misspellings rarely touch the first letter; comparing within it keeps this fast.
        found = get_close_matches(folded, self._by_initial.get(folded[0], []), n=1, cutoff=0.85)
        return self.gazetteer.phrases[found[0]] if found else None

    def _near_misses(self, doc: Doc) -> list[Span]:
        """Misspelt names ("Montreall", "Edmonon"): one to three words close to a known name."""
        spans: list[Span] = []
        words = [t for t in doc if t.is_alpha]
        if len(words) > 12:  # a place given on its own, or in a short sentence
            return spans
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                span = doc[words[i].i : words[i + size - 1].i + 1]
                if len(span.text) >= 5 and self._closest(span.text):
                    spans.append(span)
        return spans


@lru_cache(maxsize=1)
def default_matcher() -> PlaceMatcher:
    return PlaceMatcher(default_gazetteer())
