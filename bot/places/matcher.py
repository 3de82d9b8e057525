"""Find Canadian place names in a message with a spaCy PhraseMatcher over the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.places.gazetteer import Gazetteer, default_gazetteer
from bot.text import fold

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
        self.phrases.add("PLACE", list(self.nlp.tokenizer.pipe(gazetteer.phrases.keys())))
        self.codes = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.codes.add("CODE", list(self.nlp.tokenizer.pipe(gazetteer.codes.keys())))

    def find(self, text: str) -> list[PlaceMention]:
        from spacy.util import filter_spans

        if not text or text.lstrip().startswith("/"):
            return []
        # "l'Île-du-Prince-Édouard": split French elisions without moving any character.
        folded = self.nlp.make_doc(_ELISION.sub(r"\1 ", fold(text)))
        original = self.nlp.make_doc(text)
        spans = [folded[s:e] for _, s, e in self.phrases(folded)]
        spans += [original[s:e] for _, s, e in self.codes(original)]
        mentions = []
        for span in filter_spans(spans):  # longest wins: "Prince Edward Island" over "Prince Edward"
            start, end = span.start_char, span.end_char
            surface = text[start:end]
            value = self.gazetteer.phrases.get(fold(surface)) or self.gazetteer.codes.get(surface)
            if value:
                mentions.append(PlaceMention(start, end, surface, value))
        return mentions


@lru_cache(maxsize=1)
def default_matcher() -> PlaceMatcher:
    return PlaceMatcher(default_gazetteer())
