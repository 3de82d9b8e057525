"""The web page's words and HTML, without a server: facts filled in, every language, escaping."""

from __future__ import annotations

import re

from bot.channels import web_page
from bot.channels.web_page import official_hosts, page_texts, render_page
from bot.facts import fact_values, load_facts
from bot.i18n.catalogs import default_catalogs


def test_the_numbers_come_from_the_facts_not_the_html():
    html = (web_page.STATIC / "index.html").read_text()
    assert not re.search(r"\d-\d{3}-\d{3}-\d{4}|911", html)
    values = fact_values()
    for lang in default_catalogs().languages:
        page = render_page(lang)
        for key in ("emergency", "hotline", "ircc_phone"):
            assert values[key] in page, (lang, key)


def test_every_word_of_the_page_is_translated_in_french():
    en, fr = page_texts("en"), page_texts("fr")
    assert set(en) == set(fr)
    same = [k for k in en if en[k] == fr[k] and k != "assistant"]
    assert same == []
    assert "{" not in "".join(fr.values())  # every placeholder filled


def test_html_lang_and_the_language_switch():
    page = render_page("fr")
    assert '<html lang="fr">' in page
    assert 'data-lang="en"' in page and 'data-lang="fr" aria-current="true"' in page


def test_the_exit_url_is_configurable_and_only_http(monkeypatch):
    monkeypatch.setenv("WEB_EXIT_URL", "https://example.org/weather")
    assert 'href="https://example.org/weather"' in render_page("en")
    monkeypatch.setenv("WEB_EXIT_URL", "javascript:alert(1)")
    assert "javascript:" not in render_page("en")


def test_values_are_escaped(monkeypatch):
    monkeypatch.setenv("WEB_EXIT_URL", 'https://example.org/"><script>x</script>')
    page = render_page("en")
    assert "<script>x" not in page


def test_only_official_hosts_are_linked():
    assert "www.canada.ca" in official_hosts()
    assert all(h.endswith(".ca") for h in official_hosts())
    # A secondary source a fact rests on is not a page to send a person to.
    cited = {s.page for f in load_facts().values() for s in f.sources}
    assert any("vancouverimmigrationblog.com" in page for page in cited)
    assert not any("blog" in h for h in official_hosts())
