"""NLU component: Canadian places (cities, provinces) as `place` entities, from a spaCy gazetteer."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent
from bot.places.matcher import default_matcher


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PlaceExtractor(StatelessComponent, EntityExtractorMixin):
    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        self.matcher = default_matcher()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            mentions = self.matcher.find(message.get(TEXT) or "")
            if not mentions:
                continue
            kept = [e for e in message.get(ENTITIES, []) if e.get("entity") != "place"]
            kept += [
                {
                    "entity": "place",
                    "value": m.value,
                    "start": m.start,
                    "end": m.end,
                    "confidence_entity": 1.0,
                    "extractor": self.__class__.__name__,
                }
                for m in mentions
            ]
            message.set(ENTITIES, kept, add_to_output=True)
        return messages
