"""NLU component: danger overrides the classifier, so a cry for help always gets 911 guidance.

Runs last among the classifiers. bot/safety/detector.py decides (phrases, lexicon on spaCy lemmas,
the classifier's in_danger probability). The classifier's own ranking is kept for evaluation, and
the override is marked in the parse result (`safety_net`) so it can be measured. When the
language detector left a short message undecided, the language the danger was found in becomes
the message's `detected_language`, so "il me frappe" is answered in French.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent
from bot.safety.detector import default_detector

DANGER_INTENT = "in_danger"
FALLBACK_INTENT = "nlu_fallback"
FALLBACK_THRESHOLD = 0.3  # the FallbackClassifier's threshold in config.yml
DETECTED = "detected_language"


def danger_probability(message: Message) -> float:
    """The classifier's in_danger probability (the fallback classifier keeps the ranking)."""
    for item in message.get(INTENT_RANKING_KEY) or []:
        if item.get(INTENT_NAME_KEY) == DANGER_INTENT:
            return float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    return 0.0


def next_intent(message: Message, threshold: float = FALLBACK_THRESHOLD) -> Dict[str, Any]:
    """The classifier's best intent other than in_danger, or "not understood" when it is unsure."""
    for item in message.get(INTENT_RANKING_KEY) or []:
        if item.get(INTENT_NAME_KEY) not in (DANGER_INTENT, FALLBACK_INTENT):
            if float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= threshold:
                return dict(item)
            break
    return {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: threshold}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerSafetyNet(StatelessComponent, IntentClassifier):
    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        # Loaded while the server starts (spaCy pipelines included), not on someone's first message.
        self.detector = default_detector()
        self.detector.verdict("warm up")

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = message.get(ENTITIES) or []
            detected = next((e.get("value") for e in entities if e.get("entity") == DETECTED), None)
            verdict = self.detector.verdict(text, danger_probability(message), detected)
            current = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if not verdict.danger:
                if current == DANGER_INTENT and verdict.explained_away:
                    self._overrule(message)
                continue
            if current != DANGER_INTENT:
                message.set(
                    INTENT,
                    {INTENT_NAME_KEY: DANGER_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                    add_to_output=True,
                )
            if detected is None and verdict.language:
                entity = {"entity": DETECTED, "value": verdict.language, "start": 0, "end": len(text),
                          "confidence_entity": 1.0, "extractor": self.__class__.__name__}
                message.set(ENTITIES, entities + [entity], add_to_output=True)
            message.set("safety_net", {"language": verdict.language, "overrode": current,
                                       "source": verdict.source}, add_to_output=True)
        return messages

    @staticmethod
    def _overrule(message: Message) -> None:
        """The classifier said in_danger of "he doesn't hit me anymore" or "this form is killing me"."""
        message.set(INTENT, next_intent(message), add_to_output=True)
        message.set("safety_net", {"language": None, "overrode": DANGER_INTENT, "source": "context"},
                    add_to_output=True)
