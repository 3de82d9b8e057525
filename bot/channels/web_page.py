"""The web chat page's words and HTML, in one language (no Rasa imports: tested directly).

The words are data (data/web_texts.yml, contexts web.<key> in the catalogs), so a new catalog
translates the page with no code change. Phone numbers come from data/facts.yml, so the page shows
911, the hotline and IRCC even when JavaScript is off. Every value put into the HTML is escaped.
"""

from __future__ import annotations

import html
import os
import re
from functools import lru_cache
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import yaml

from bot.facts import load_facts
from bot.i18n.catalogs import default_catalogs
from bot.i18n.names import own_name
from bot.nlg import deployment_settings
from bot.placeholders import fill

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "data" / "web_texts.yml"
STATIC = Path(__file__).resolve().parent / "web_static"
# Where "Exit this page" goes: a neutral page (a weather forecast), set with WEB_EXIT_URL.
DEFAULT_EXIT_URL = "https://weather.gc.ca/"
_URL = re.compile(r"https?://[^\s\"';,)]+")


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    data = yaml.safe_load(TEXTS.read_text(encoding="utf-8"))
    return {k: " ".join(v.split()) for k, v in data["texts"].items()}


def exit_url() -> str:
    url = os.environ.get("WEB_EXIT_URL", "").strip()
    return url if urlsplit(url).scheme in ("http", "https") else DEFAULT_EXIT_URL


def page_texts(lang: str) -> dict[str, str]:
    """Every word of the page in `lang` (English where a catalog lacks an entry), facts filled in."""
    catalogs = default_catalogs()
    values = {**{f.id: f.value for f in load_facts().values() if f.value}, **deployment_settings()}
    return {k: fill(catalogs.pgettext(lang, f"web.{k}", v), values) for k, v in _english().items()}


@lru_cache(maxsize=1)
def official_hosts() -> tuple[str, ...]:
    """Hosts of the pages the assistant itself tells people to open (the facts' values, in every
    language): the only links the page makes clickable. Not the facts' sources: some are secondary
    pages (blogs, news sites) that a person should not be sent to as if they were official."""
    hosts: set[str] = set()
    for fact in load_facts().values():
        for text in fact.values.values():
            hosts.update(urlsplit(u).hostname or "" for u in _URL.findall(str(text)))
    return tuple(sorted(h for h in hosts if h))


def languages() -> list[tuple[str, str]]:
    """(code, name in itself) for every language with a catalog."""
    return [(code, own_name(code)) for code in default_catalogs().languages]


def render_page(lang: str, staff: bool = False) -> str:
    """The page in `lang`; the chat itself is drawn by web_static/chat.js."""
    t = {k: html.escape(v) for k, v in page_texts(lang).items()}
    facts = {f.id: html.escape(f.value or "") for f in load_facts().values()}
    current = ' aria-current="true"'
    switch = "".join(
        f'<a class="lang" href="?lang={html.escape(code)}" lang="{html.escape(code)}" data-lang="{html.escape(code)}"'
        f'{current if code == lang else ""}>{html.escape(name)}</a>'
        for code, name in languages()
    )
    template = Template((STATIC / "index.html").read_text(encoding="utf-8"))
    return template.substitute(
        lang=html.escape(lang),
        exit_url=html.escape(exit_url()),
        official_hosts=html.escape(" ".join(official_hosts())),
        staff="1" if staff else "",
        staff_hidden="" if staff else "hidden",
        languages=switch,
        tel_emergency=facts["emergency"],
        tel_hotline=facts["hotline"].replace("-", ""),
        tel_ircc=facts["ircc_phone"].replace("-", ""),
        **{f"t_{k}": v for k, v in t.items()},
    )
