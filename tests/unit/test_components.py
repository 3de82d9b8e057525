"""The custom NLU components, run on Rasa messages as the pipeline runs them."""

from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.danger_safety_net import DangerSafetyNet
from bot.nlu.language_detector import LanguageDetector
from bot.nlu.place_extractor import PlaceExtractor


def msg(text, intent=None):
    m = Message({TEXT: text})
    if intent:
        m.set(INTENT, {"name": intent, "confidence": 0.9})
    return m


def entities(m, name):
    return [e["value"] for e in m.get(ENTITIES, []) if e["entity"] == name]


def test_language_detector_tags_confident_messages_only():
    c = LanguageDetector({"languages": ["en", "fr"]})
    fr, short, en = c.process([msg("est-ce que je peux travailler"), msg("ok"), msg("can I work here")])
    assert entities(fr, "detected_language") == ["fr"]
    assert entities(short, "detected_language") == []
    assert entities(en, "detected_language") == ["en"]


def test_language_detector_reads_a_named_language():
    c = LanguageDetector({"languages": ["en", "fr"]})
    (m,) = c.process([msg("can we speak french please")])
    assert entities(m, "language") == ["fr"]
    (m,) = c.process([msg("en anglais svp")])
    assert entities(m, "language") == ["en"]


def test_place_extractor_adds_canonical_places():
    (m,) = PlaceExtractor({}).process([msg("y'a tu un bureau a montreal")])
    assert entities(m, "place") == ["Montréal"]


def test_safety_net_overrides_a_wrong_intent_and_says_so():
    net = DangerSafetyNet({})
    (m,) = net.process([msg("he has a knife and he is at the door", intent="ask_office")])
    assert m.get(INTENT)["name"] == "in_danger"
    assert m.get("safety_net")["overrode"] == "ask_office"
    (m,) = net.process([msg("how much does it cost", intent="ask_fee")])
    assert m.get(INTENT)["name"] == "ask_fee"
