"""Canadian French typography (OQLF): the checker in make locales-check keeps it, and breaks on faults."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from bot.i18n import checks, typography

NB = "\u00a0"
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


@pytest.mark.parametrize(
    "text",
    [
        f"Appelez la Ligne{NB}: {{hotline}}",
        f"dire «{NB}arrêter{NB}» à tout moment",
        "Êtes-vous en sécurité en ce moment? Oui! Non; peut-être.",
        f"Outil{NB}: https://www.canada.ca/fr/immigration-refugies-citoyennete/organisation/contactez-ircc/bureaux.html",
        "de 8:00 à 16:00",
        "narrow\u202f: also holds",
    ],
)
def test_good_french_typography_passes(text):
    assert typography.problems(text) == []


@pytest.mark.parametrize(
    "text, fault",
    [
        ("Appelez la Ligne : 1-833-900-1010", '":"'),  # a plain space: the colon can wrap alone
        ("Appelez la Ligne: 1-833-900-1010", '":"'),
        (f"dire « arrêter{NB}»", '"«"'),
        (f"dire «{NB}arrêter »", '"»"'),
        ("Êtes-vous en sécurité ?", "no space before '?'"),
        (f"Merci{NB}!", "no space before '!'"),
        ("confidentielle ; ouverte", "no space before ';'"),
    ],
)
def test_each_fault_is_named(text, fault):
    found = typography.problems(text)
    assert found and any(fault in f for f in found), found


def test_only_french_catalogs_are_held_to_it():
    assert typography.applies_to("fr") and typography.applies_to("fr_CA")
    assert not typography.applies_to("en") and not typography.applies_to("es")


def test_the_shipped_french_catalog_follows_it():
    with (ROOT / "locales" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        cat = read_po(fh, locale="fr")
    bad = {m.context: typography.problems(m.string) for m in cat if m.id and typography.problems(m.string)}
    assert bad == {}


def test_locales_check_fails_on_a_plain_space_before_a_colon_naming_the_entry(locales):
    def change(cat):
        m = next(m for m in cat if m.context == "screening.contact.hotline")
        m.string = m.string.replace(f"{NB}:", " :")

    edit(locales, "fr", change)
    found = problems(locales)
    assert any("screening.contact.hotline" in p and "typography" in p and '":"' in p for p in found), found


def test_locales_check_fails_on_a_space_before_a_question_mark(locales):
    def change(cat):
        m = next(m for m in cat if m.context == "screening.safe_now" and m.id.endswith("?"))
        m.string = m.string[:-1] + " ?"

    edit(locales, "fr", change)
    assert any("screening.safe_now" in p and "'?'" in p for p in problems(locales))
