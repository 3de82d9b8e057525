"""NLU component: danger overrides the classifier, so a cry for help always gets 911 guidance.

Runs last among the classifiers. bot/safety/detector.py decides (phrases, lexicon on spaCy lemmas,
the classifier's in_danger probability, and the danger model this component trains: a binary
reader of danger, bot/safety/classifier.py, learnt from data/safety/danger_examples.yml and the
intent examples, in_danger against every other intent). The classifier's own ranking is kept for evaluation, and
the override is marked in the parse result (`safety_net`) so it can be measured. When the
language detector left a short message undecided, the language the danger was found in becomes
the message's `detected_language`, so "il me frappe" is answered in French.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
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
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.classifier import DEFAULT_EXAMPLES, DangerModel, DangerModelConfig, Example, load_examples
from bot.safety.detector import default_detector

logger = logging.getLogger(__name__)
MODEL_FILE = "danger_model.joblib"

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


def training_examples(training_data: TrainingData, examples_file: Path = DEFAULT_EXAMPLES) -> list[Example]:
    """Independent writers' danger messages and near-misses, then in_danger against every other intent."""
    intents = [Example(m.get(TEXT), m.get(INTENT) == DANGER_INTENT)
               for m in training_data.intent_examples if m.get(TEXT)]
    if not examples_file.exists():
        logger.warning("DangerSafetyNet: %s not found; learning from the intent examples alone.", examples_file)
    written = load_examples(examples_file) if examples_file.exists() else []
    return written + intents


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class DangerSafetyNet(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        defaults = DangerModelConfig()
        return {"C": defaults.C, "char_ngrams": list(defaults.char_ngrams),
                "word_ngrams": list(defaults.word_ngrams), "examples": None}  # None: DEFAULT_EXAMPLES

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage | None = None,
                 resource: Resource | None = None, model: DangerModel | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._storage, self._resource = model_storage, resource
        self.model = model
        # Loaded while the server starts (spaCy pipelines included), not on someone's first message.
        self.detector = default_detector()
        self.detector.verdict("warm up", model_probability=model.probability("warm up") if model else None)

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DangerSafetyNet:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        assert self._resource is not None, "created by Rasa with a resource to train into"
        examples = training_examples(training_data, Path(self.config["examples"] or DEFAULT_EXAMPLES))
        (c_low, c_high), (w_low, w_high) = self.config["char_ngrams"], self.config["word_ngrams"]
        config = DangerModelConfig(C=float(self.config["C"]), char_ngrams=(int(c_low), int(c_high)),
                                   word_ngrams=(int(w_low), int(w_high)))
        try:
            self.model = DangerModel.fit(examples, config)
        except ValueError:
            logger.warning("DangerSafetyNet: no danger examples and others to learn from; rules only.")
            return self._resource
        self.persist()
        return self._resource

    def persist(self) -> None:
        import joblib

        if self.model is None or self._storage is None or self._resource is None:
            return
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(self.model.state(), Path(directory) / MODEL_FILE)

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> DangerSafetyNet:
        import joblib

        try:
            with model_storage.read_from(resource) as directory:
                model = DangerModel.from_state(joblib.load(Path(directory) / MODEL_FILE))
        except (ValueError, FileNotFoundError):
            logger.warning("DangerSafetyNet: no trained danger model; rules and the intent classifier only.")
            model = None
        return cls(config, model_storage, resource, model)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = message.get(ENTITIES) or []
            detected = next((e.get("value") for e in entities if e.get("entity") == DETECTED), None)
            model_probability = self.model.probability(text) if self.model is not None else None
            verdict = self.detector.verdict(text, danger_probability(message), detected,
                                            model_probability=model_probability)
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
                                       "source": verdict.source, "detail": verdict.detail}, add_to_output=True)
        return messages

    @staticmethod
    def _overrule(message: Message) -> None:
        """The classifier said in_danger of "he doesn't hit me anymore" or "this form is killing me"."""
        message.set(INTENT, next_intent(message), add_to_output=True)
        message.set("safety_net", {"language": None, "overrode": DANGER_INTENT, "source": "context"},
                    add_to_output=True)
