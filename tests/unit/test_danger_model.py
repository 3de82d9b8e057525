"""The trained danger model: it learns danger from near-misses, catches danger nobody listed, and
the safety net trains, persists and loads it like a Rasa component."""

import math
from functools import lru_cache

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.danger_safety_net import DangerSafetyNet, training_examples
from bot.safety.classifier import DangerModel, Example
from bot.safety.detector import default_detector

DANGER = ["he is hitting me", "he has a knife", "they locked me in", "he beat me again tonight",
          "il me frappe", "il a un couteau", "ils m'ont enfermée", "he is choking me", "il m'étrangle",
          "they lock the door every night"]
NEAR_MISS = ["he used to hit me but I left", "this job is killing me", "what if he has a knife, hypothetically",
             "il me frappait avant, c'est fini", "ce travail me tue", "he does not hit me",
             "is it legal to lock the door", "je ne suis pas enfermée", "I could kill for a coffee",
             "how much is the permit"]


def tiny_examples() -> list[Example]:
    return [Example(t, True) for t in DANGER] + [Example(t, False) for t in NEAR_MISS]


def test_the_model_ranks_danger_above_near_misses_it_never_saw():
    model = DangerModel.fit(tiny_examples())
    assert model.probability("he is hitting me now") > model.probability("he used to hit me years ago")
    assert model.probability("ils m'ont enfermé") > model.probability("ce travail me tue vraiment")


def test_the_fast_probability_is_the_logistic_regressions():
    from scipy.sparse import hstack

    model = DangerModel.fit(tiny_examples())
    text = "he has a knife at the door"
    row = hstack([v.transform([text]) for v in model.vectorizers]).toarray()[0]
    expected = 1 / (1 + math.exp(-(row @ model.coef + model.intercept)))
    assert model.probability(text) == pytest.approx(expected)


@lru_cache(maxsize=1)
def project_model() -> DangerModel:
    from rasa.shared.nlu.training_data.loading import load_data

    return DangerModel.fit(training_examples(load_data("data/nlu")))


@pytest.mark.parametrize("text", [
    # Written for this test, in words no writer of the training data used.
    "my cousin's husband keeps the door bolted and says I will never see my kids if I try to go",
    "the guy at the farm said my little sister back home will pay if I talk",
    "ça fait trois jours qu'on ne me donne plus à manger et je n'ai pas le droit de sortir",
])
def test_danger_in_new_words_is_caught_by_the_model_through_the_detector(text):
    detector = default_detector()
    probability = project_model().probability(text)
    assert probability >= detector.model_threshold
    assert detector.verdict(text, model_probability=probability).danger


@pytest.mark.parametrize("text", ["what a killer workout, my legs are dead",
                                  "is it dangerous to walk alone at night in Toronto?"])
def test_near_misses_stay_quiet_with_the_model(text):
    detector = default_detector()
    assert not detector.verdict(text, model_probability=project_model().probability(text)).danger


def test_the_safety_net_trains_persists_and_loads_its_model(tmp_path):
    examples = tmp_path / "examples.yml"
    examples.write_text("version: 1\nlanguages:\n  en:\n    danger:\n"
                        + "".join(f"    - text: \"{t}\"\n      kind: x\n" for t in DANGER)
                        + "    near_miss:\n"
                        + "".join(f"    - text: \"{t}\"\n      kind: x\n" for t in NEAR_MISS), encoding="utf-8")
    data = TrainingData([Message({TEXT: t, INTENT: "in_danger"}) for t in DANGER[:4]]
                        + [Message({TEXT: t, INTENT: "ask_fee"}) for t in NEAR_MISS[-1:]])
    storage, resource = LocalModelStorage(tmp_path), Resource("danger")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**DangerSafetyNet.get_default_config(), "examples": str(examples)}
    DangerSafetyNet.create(config, storage, resource, context).train(data)

    loaded = DangerSafetyNet.load(config, storage, resource, context)
    assert loaded.model is not None
    assert loaded.model.probability("he is choking me") > loaded.model.probability("how much is the permit")
    message = Message({TEXT: "how much is the permit"})
    message.set(INTENT, {"name": "ask_fee", "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_fee", "confidence": 0.9}])
    (out,) = loaded.process([message])
    assert out.get(INTENT)["name"] == "ask_fee"


def test_a_safety_net_without_a_trained_model_still_reads_the_rules(tmp_path):
    context = ExecutionContext(GraphSchema({}), "test")
    net = DangerSafetyNet.load({}, LocalModelStorage(tmp_path), Resource("missing"), context)
    assert net.model is None
    message = Message({TEXT: "he has a knife and he is at the door"})
    message.set(INTENT, {"name": "ask_office", "confidence": 0.9})
    (out,) = net.process([message])
    assert out.get(INTENT)["name"] == "in_danger"


# A danger word in a message about something else: the rules fire on the word alone.
ONE_WORD_LOOKALIKES = ["I cook at a steakhouse, do I have to buy my own knives for the kitchen job?",
                       "je travaille à la boucherie, est-ce que je dois acheter mes propres couteaux?"]


@pytest.mark.parametrize("text", ONE_WORD_LOOKALIKES)
def test_a_rule_hit_the_model_is_nearly_sure_of_is_set_aside(text):
    detector = default_detector()
    assert detector.lexicon.match(text), "the rules alone read it as danger"
    assert not detector.verdict(text, model_probability=0.01).danger
    assert detector.verdict(text, model_probability=None).danger, "without a model the rules decide"


@pytest.mark.parametrize("text", ["nobody would even notice if i was gone", "je veux plus me réveiller le matin"])
def test_self_harm_is_never_set_aside(text):
    assert default_detector().verdict(text, model_probability=0.0).danger


@pytest.mark.parametrize("text", ["my pharmacy refilled my tablets, is that covered by IFHP?",
                                  "je travaille sur le chantier du nouveau pont à Laval, c'est quoi mes droits?"])
def test_a_means_of_self_harm_named_in_an_everyday_message_is_set_aside_by_the_model(text):
    detector = default_detector()
    assert detector.lexicon.match(text).category == "self_harm_means"
    assert not detector.verdict(text, model_probability=project_model().probability(text)).danger
