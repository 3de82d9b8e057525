"""NLU component: danger phrases override the classifier, so a cry for help always gets 911 guidance.

Runs last among the classifiers. The classifier's own ranking is kept for evaluation, and the
override is marked in the parse result (`safety_net`) so it can be measured.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.danger import default_net

DANGER_INTENT = "in_danger"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerSafetyNet(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DangerSafetyNet:
        return cls()

    def __init__(self) -> None:
        self.net = default_net()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

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
