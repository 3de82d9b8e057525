"""The linear intent classifier trains, persists, loads and ranks intents like a Rasa classifier."""

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.linear_intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "ask_fee": ["how much does it cost", "is it free", "do i have to pay", "combien ça coûte", "c'est gratuit",
                "faut-il payer", "what's the fee", "les frais", "price of the permit", "ça coûte cher"],
    "ask_work": ["can i work", "work permit", "am i allowed a job", "je peux travailler", "permis de travail",
                 "avoir une job", "can i get a job", "trouver du travail", "legal work", "travailler légalement"],
    "greet": ["hi", "hello", "hey there", "bonjour", "allo", "salut toi", "good morning", "bonsoir", "yo", "hey"],
}


def training_data():
    return TrainingData([Message({TEXT: t, INTENT: i}) for i, ts in EXAMPLES.items() for t in ts])


def test_train_persist_load_and_classify(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("linear")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**LinearIntentClassifier.get_default_config(), "calibration_folds": 2}
    clf = LinearIntentClassifier.create(config, storage, resource, context)
    clf.train(training_data())

    loaded = LinearIntentClassifier.load(config, storage, resource, context)
    (fr, en) = loaded.process([Message({TEXT: "ca coute combien"}), Message({TEXT: "can i work here"})])
    assert fr.get(INTENT)["name"] == "ask_fee"
    assert en.get(INTENT)["name"] == "ask_work"
    ranking = en.get(INTENT_RANKING_KEY)
    assert [r["name"] for r in ranking][0] == "ask_work" and len(ranking) == 3
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6


def test_an_untrained_classifier_leaves_messages_alone(tmp_path):
    storage = LocalModelStorage(tmp_path)
    clf = LinearIntentClassifier.load({}, storage, Resource("missing"), ExecutionContext(GraphSchema({}), "t"))
    (m,) = clf.process([Message({TEXT: "hello"})])
    assert m.get(INTENT) is None


def test_the_fast_scorer_gives_the_fitted_pipelines_probabilities():
    import numpy as np

    from bot.nlu.linear_intent_classifier import FastScorer, build_pipeline

    config = {**LinearIntentClassifier.get_default_config(), "calibration_folds": 2}
    texts = [t for ts in EXAMPLES.values() for t in ts]
    labels = np.array([i for i, ts in EXAMPLES.items() for _ in ts])
    pipeline = build_pipeline(config).fit(texts, labels)
    scorer = FastScorer(pipeline)
    for text in ["ca coute combien", "can i work here", "", "😀😀", "zzzz qqqq", "Travailler à Montréal?" * 40]:
        assert np.allclose(scorer.probabilities(text), pipeline.predict_proba([text])[0])


def test_the_fast_scorer_adds_the_sentence_meaning_like_the_pipeline():
    import numpy as np

    from bot.nlu.linear_intent_classifier import FastScorer, build_pipeline

    config = {**LinearIntentClassifier.get_default_config(), "calibration_folds": 2, "sentence_meaning_weight": 0.5}
    texts = [t for ts in EXAMPLES.values() for t in ts]
    labels = np.array([i for i, ts in EXAMPLES.items() for _ in ts])
    pipeline = build_pipeline(config).fit(texts, labels)
    scorer = FastScorer(pipeline)
    assert scorer.meaning_coef is not None
    for text in ["ca coute combien", "am I allowed to earn money", "", "😀😀", "Travailler à Montréal?" * 40]:
        assert np.allclose(scorer.probabilities(text), pipeline.predict_proba([text])[0], atol=1e-6)
