"""The gettext catalogs under locales/: which languages exist, and their translations.

English is the source language (the text in domain.yml), so it needs no catalog. A catalog that
was not compiled yet is compiled in memory from its .po file, so a fresh checkout still speaks
every language it has.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from bot.i18n.catalog_files import CATALOG_NAME, LOCALES

SOURCE_LANGUAGE = "en"


def available_languages(locales: Path = LOCALES) -> list[str]:
    """Every language with a catalog, plus English; a new folder is a new language."""
    found = {SOURCE_LANGUAGE}
    if locales.is_dir():
        for d in locales.iterdir():
            if (d / "LC_MESSAGES" / f"{CATALOG_NAME}.po").is_file():
                found.add(d.name)
    return sorted(found)


def _load(lang: str, locales: Path) -> gettext.NullTranslations:
    folder = locales / lang / "LC_MESSAGES"
    po, mo = folder / f"{CATALOG_NAME}.po", folder / f"{CATALOG_NAME}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        buf = io.BytesIO()
        write_mo(buf, catalog, use_fuzzy=False)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    return gettext.NullTranslations()


class Catalogs:
    """Translations for every available language, loaded once."""

    def __init__(self, locales: Path = LOCALES) -> None:
        self.locales = locales
        self.languages = available_languages(locales)
        self._translations = {lang: _load(lang, locales) for lang in self.languages}

    def pgettext(self, lang: str, context: str, message: str) -> str:
        """The translation of `message` in `context`, or the English text when there is none."""
        if not message:
            return message
        t = self._translations.get(lang)
        if t is None:
            return message
        return t.pgettext(context, message) or message


@lru_cache(maxsize=1)
def default_catalogs() -> Catalogs:
    return Catalogs()
