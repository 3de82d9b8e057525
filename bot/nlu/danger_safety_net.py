"""NLU component: danger phrases override the classifier, so a cry for help always gets 911 guidance.

Runs last among the classifiers. The classifier's own ranking is kept for evaluation, and the
override is marked in the parse result (`safety_net`) so it can be measured.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent
from bot.safety.danger import default_net

DANGER_INTENT = "in_danger"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerSafetyNet(StatelessComponent, IntentClassifier):
    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        self.net = default_net()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self.net.match(message.get(TEXT) or "")
            if not found:
                continue
            current = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if current != DANGER_INTENT:
                message.set(
                    INTENT,
                    {INTENT_NAME_KEY: DANGER_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                    add_to_output=True,
                )
            message.set("safety_net", {"language": found.language, "overrode": current}, add_to_output=True)
        return messages
