"""Translations: the checker catches what would hurt a reader, and a new language needs no code."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from rasa.shared.core.domain import Domain

from bot.i18n import checks, workflow
from bot.i18n.catalogs import Catalogs
from bot.nlg import TranslatingNLG

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def locales(tmp_path):
    """A copy of the real catalogs to break on purpose."""
    dst = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", dst, ignore=shutil.ignore_patterns("*.mo"))
    return dst


def edit(locales, lang, change):
    po = locales / lang / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        cat = read_po(fh, locale=lang)
    change(cat)
    with po.open("wb") as fh:
        write_po(fh, cat, width=0)


def problems(locales):
    return [str(p) for p in checks.check(locales, locales / "messages.pot")]


def test_the_shipped_catalogs_pass():
    assert problems(ROOT / "locales") == []


def test_a_missing_entry_fails_naming_it(locales):
    edit(locales, "fr", lambda cat: cat.delete("Which language do you prefer?", context="utter_choose_language"))
    assert any("utter_choose_language" in p and "missing" in p for p in problems(locales))


def test_an_untranslated_or_fuzzy_entry_fails(locales):
    def change(cat):
        cat.get("You're welcome. Is there anything else I can help with?", context="utter_thanks").string = ""
        cat.get("Which language do you prefer?", context="utter_choose_language").flags.add("fuzzy")

    edit(locales, "fr", change)
    found = problems(locales)
    assert any("utter_thanks" in p and "not translated" in p for p in found)
    assert any("utter_choose_language" in p and "fuzzy" in p for p in found)


def test_a_broken_placeholder_fails(locales):
    def change(cat):
        m = next(m for m in cat if m.context == "utter_human" and "{hotline}" in m.id)
        m.string = m.string.replace("{hotline}", "{ligne}")

    edit(locales, "fr", change)
    assert any("utter_human" in p and "placeholders" in p for p in problems(locales))


@pytest.mark.parametrize("number, altered", [
    ("1-833-900-1010", "1-833-900-1011"), ("1-888-242-2100", "1-888-242-2101"), ("911", "112"),
])
def test_an_altered_emergency_number_fails_naming_the_entry(locales, number, altered):
    changed = []

    def change(cat):
        m = next(m for m in cat if m.id and number in m.id and m.string and m.context)
        m.string = m.string.replace(number, altered)
        changed.append(m.context)

    edit(locales, "fr", change)
    assert any("number" in p and changed[0] in p for p in problems(locales))


def test_a_syntax_error_fails(locales):
    po = locales / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text() + '\nmsgid "broken\nmsgstr ""\n')
    assert any("syntax error" in p for p in problems(locales))


def test_a_new_language_is_offered_and_used_with_no_code_change(locales):
    path = workflow.add_language("es", locales, locales / "messages.pot")
    edit(locales, "es", lambda cat: setattr(cat.get("OK, I will answer in English.", context="utter_language_changed"),
                                            "string", "De acuerdo, responderé en español."))
    assert path.exists()
    catalogs = Catalogs(locales)
    assert "es" in catalogs.languages
    nlg = TranslatingNLG(None, Domain.load(str(ROOT / "domain.yml")), catalogs=catalogs)
    menu = nlg.generate_from_slots("utter_choose_language", {}, "rest")
    assert "Español" in [b["title"] for b in menu["buttons"]]
    changed = nlg.generate_from_slots("utter_language_changed", {"language": "es"}, "rest")
    assert changed["text"].startswith("De acuerdo")
    # Untranslated entries fall back to English, never to an empty message.
    assert "1-833-900-1010" in nlg.generate_from_slots("utter_human", {"language": "es"}, "rest")["text"]
    # A draft language is checked for safety but not yet for completeness.
    assert problems(locales) == []


def parity_entries():
    with (ROOT / "locales" / "messages.pot").open("rb") as fh:
        return [(m.context, m.id) for m in read_po(fh) if m.id]


def test_every_response_question_and_button_is_in_french():
    with (ROOT / "locales" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        fr = {(m.context, m.id): m.string for m in read_po(fh) if m.id}
    for key in parity_entries():
        assert fr.get(key), f"no French for {key}"
        assert fr[key] != key[1] or len(key[1]) < 12, f"French identical to English for {key}"


def test_the_template_is_up_to_date_with_the_sources(tmp_path):
    pot = tmp_path / "fresh.pot"
    workflow.extract(ROOT, pot)
    with pot.open("rb") as fh:
        fresh = {(m.context, m.id) for m in read_po(fh) if m.id}
    assert fresh == set(parity_entries()), "run `make locales`: the template misses or keeps stale strings"
