"""NLU component: a message that is only a place (or a postal code) asks for the office near it.

Runs after the place extractor and before the fallback classifier. Postal codes become `postal`
entities here, so "office near H2X" finds the office too. Inside the questions the form reads the
place as the answer to "where are you?" before any intent is looked at (actions/screening_form.py).
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent
from bot.places.bare import only_a_place
from bot.places.location import POSTAL, Location

OFFICE_INTENT = "ask_office"
# A confident reading of these stands: "Montréal?" after a question is still a place, but a danger
# message that names a city is danger.
KEEP = {"in_danger", "change_language"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class BarePlace(StatelessComponent, IntentClassifier):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.lstrip().startswith("/"):
                continue
            entities = list(message.get(ENTITIES) or [])
            postal = POSTAL.search(text)
            if postal:
                entities.append({"entity": "postal", "value": Location.from_postal_match(postal).value,
                                 "start": postal.start(), "end": postal.end(), "confidence_entity": 1.0,
                                 "extractor": self.__class__.__name__})
                message.set(ENTITIES, entities, add_to_output=True)
            spans = [(e["start"], e["end"]) for e in entities
                     if e.get("entity") in ("place", "postal") and isinstance(e.get("start"), int)]
            current = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if current in KEEP or not only_a_place(text, spans):
                continue
            message.set(INTENT, {INTENT_NAME_KEY: OFFICE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
        return messages
