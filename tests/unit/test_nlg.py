"""The in-process NLG answers in the conversation's language, with facts filled in from data."""

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from bot.facts import fact_values
from bot.nlg import TranslatingNLG
from bot.placeholders import fill

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlg():
    return TranslatingNLG(None, Domain.load(str(ROOT / "domain.yml")))


def render(nlg, name, **slots):
    return nlg.generate_from_slots(name, slots, "rest")


def test_english_by_default_with_numbers_from_facts(nlg):
    r = render(nlg, "utter_human")
    assert "1-833-900-1010" in r["text"] and "{hotline}" not in r["text"]
    assert "confidential" in r["text"]


def test_french_when_detected(nlg):
    r = render(nlg, "utter_human", detected_language="fr")
    assert "1-833-900-1010" in r["text"]
    assert "confidentiel" in r["text"] and "confidential," not in r["text"]


@pytest.mark.parametrize("lang, words", [("en", "60 minutes"), ("fr", "60 minutes")])
def test_the_privacy_answer_says_how_long_a_conversation_is_kept(nlg, lang, words):
    r = render(nlg, "utter_privacy", language=lang)
    assert words in r["text"] and "{" not in r["text"]


def test_the_privacy_answer_follows_the_configured_time(monkeypatch):
    monkeypatch.setenv("TRACKER_TTL_SECONDS", "900")
    fresh = TranslatingNLG(None, Domain.load(str(ROOT / "domain.yml")))
    assert "15 minutes" in render(fresh, "utter_privacy")["text"]


def test_explicit_choice_wins_over_detected_language(nlg):
    r = render(nlg, "utter_fee", language="en", detected_language="fr")
    assert "no fee" in r["text"]


def test_buttons_are_translated(nlg):
    en = [b["title"] for b in render(nlg, "utter_greet")["buttons"]]
    fr = [b["title"] for b in render(nlg, "utter_greet", detected_language="fr")["buttons"]]
    assert en != fr and len(en) == len(fr)
    assert [b["payload"] for b in render(nlg, "utter_greet")["buttons"]] == [
        b["payload"] for b in render(nlg, "utter_greet", language="fr")["buttons"]
    ]


def test_language_menu_lists_each_language_in_its_own_name(nlg):
    titles = {b["title"]: b["payload"] for b in render(nlg, "utter_choose_language")["buttons"]}
    assert titles["English"] == '/change_language{"language":"en"}'
    assert titles["Français"] == '/change_language{"language":"fr"}'


def test_unknown_language_falls_back_to_english(nlg):
    assert "no fee" in render(nlg, "utter_fee", language="de")["text"]


def test_fill_leaves_unknown_placeholders_visible():
    assert fill("call {hotline} or {nope}", fact_values()) == "call 1-833-900-1010 or {nope}"


def test_another_language_is_answered_in_every_language_the_assistant_writes(nlg):
    r = nlg.in_every_language("utter_default", {"detected_language": "fr"}, "rest")
    # Said in English and in French, naming the languages it writes from its catalogs.
    assert "can write only" in r["text"] and "écrire seulement" in r["text"]
    assert "English, Français" in r["text"] and "{languages}" not in r["text"]
    assert "1-833-900-1010" in r["text"] and "911" in r["text"] and "{hotline}" not in r["text"]
    danger = nlg.in_every_language("utter_emergency", {}, "rest")
    assert "911" in danger["text"] and "Your safety comes first" in danger["text"]
    assert danger["text"].count("1-833-900-1010") >= 2  # once in each language
    # Anything else is left to the usual answer in the conversation's language.
    assert nlg.in_every_language("utter_fee", {}, "rest") is None
