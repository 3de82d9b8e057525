"""The channel's own texts (data/system_texts.yml), translated, with facts filled in."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from bot.facts import fact_values
from bot.i18n.catalogs import default_catalogs
from bot.i18n.names import own_name
from bot.i18n.patterns import LANGUAGES
from bot.nlg import deployment_settings
from bot.placeholders import fill

TEXTS = Path(__file__).resolve().parents[1] / "data" / "system_texts.yml"


@lru_cache(maxsize=1)
def _texts() -> dict[str, str]:
    data = yaml.safe_load(TEXTS.read_text(encoding="utf-8"))
    return {k: " ".join(v.split()) for k, v in data["texts"].items()}


def system_text(key: str, lang: str | None = None) -> str:
    """In `lang` when known; otherwise in every released language, one after the other."""
    catalogs = default_catalogs()
    langs = [lang] if lang in catalogs.languages else [x for x in LANGUAGES if x in catalogs.languages]
    # {languages}: the languages the assistant writes, each in its own name, so no text goes stale
    # when a translation is added.
    offered = ", ".join(own_name(x) for x in catalogs.languages)
    return "\n\n".join(
        fill(catalogs.pgettext(x, f"system.{key}", _texts()[key]),
             {**fact_values(x), **deployment_settings(), "languages": offered})
        for x in langs
    )
