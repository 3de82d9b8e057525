"""NLU component: the language of each message, and any language the person asks for by name.

Adds a `detected_language` entity when the detector is confident (the `detected_language` slot
follows it), an `other_language` entity when the message is written in a language the assistant
does not write, and a `language` entity when a language is named ("en français svp"). The reply
language is then negotiated in bot/i18n/negotiate.py.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.i18n import domain_model
from bot.i18n.catalogs import available_languages
from bot.i18n.detect import detect, load_dictionary, other_language
from bot.i18n.names import name_index
from bot.nlu.stateless import StatelessComponent
from bot.normalise import fold

DETECTED = "detected_language"
CHOSEN = "language"
OTHER = "other_language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(StatelessComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # None: every language that has a catalog under locales/.
        return {"languages": None}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.languages: List[str] = config.get("languages") or available_languages()
        self._names = name_index(self.languages)
        pattern = "|".join(sorted((re.escape(n) for n in self._names), key=len, reverse=True))
        self._name_rx = re.compile(rf"\b({pattern})\b") if pattern else None
        domain_model.model()  # built while the server starts, not during someone's first message
        load_dictionary(self.languages)


    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = self._entities(text)
            if found:
                message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def _entities(self, text: str) -> List[Dict[str, Any]]:
        if not text or text.lstrip().startswith("/"):
            return []
        out: List[Dict[str, Any]] = []
        other = other_language(text, self.languages)
        if other:
            # Written in a language the assistant does not write (Spanish, say): the reply is in
            # every language it has, and the conversation's language is not changed by a guess.
            out.append(self._entity(OTHER, other, 0, len(text), text, 1.0))
        else:
            detection = detect(text, self.languages)
            if detection.language:
                out.append(self._entity(DETECTED, detection.language, 0, len(text), text, detection.confidence))
        named: re.Match[str] | None = self._name_rx.search(fold(text)) if self._name_rx else None
        if named:
            lang = self._names[named.group(1)]
            out.append(self._entity(CHOSEN, lang, named.start(), named.end(), text, 1.0))
        return out

    def _entity(self, name: str, value: str, start: int, end: int, text: str, confidence: float) -> Dict[str, Any]:
        return {
            "entity": name,
            "value": value,
            "start": start,
            "end": end,
            "confidence_entity": round(float(confidence), 3),
            "extractor": self.__class__.__name__,
        }
