"""Language names from Babel's locale data: for the language menu and to read "in French please"."""

from __future__ import annotations

from typing import Iterable

from babel import Locale

from bot.normalise import fold


def own_name(lang: str) -> str:
    """A language's name in itself, capitalised for a button: "Français", "English", "Español"."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def name_index(languages: Iterable[str]) -> dict[str, str]:
    """Folded language name, in any of the languages, -> language code."""
    languages = list(languages)
    index: dict[str, str] = {}
    for lang in languages:
        loc = Locale.parse(lang)
        for shown_in in languages:
            name = loc.get_language_name(shown_in)
            if name:
                index[fold(name)] = lang
    return index
