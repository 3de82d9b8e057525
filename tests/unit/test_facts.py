"""Every fact has a source and a check date; numbers reach responses only through facts."""

import re
from pathlib import Path

import yaml

from bot.facts import load_facts

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
PHONE = re.compile(r"\b911\b|\d-\d{3}-\d{3}-\d{4}")


def response_texts():
    for name, variations in DOMAIN["responses"].items():
        for v in variations:
            yield name, v.get("text", "")


def test_every_fact_has_a_source_and_a_date():
    facts = load_facts()
    assert len(facts) >= 20
    for fact in facts.values():
        assert fact.source.strip(), fact.id
        assert fact.checked and fact.checked.year >= 2025, fact.id
        assert fact.statement.strip(), fact.id


def test_the_three_numbers_are_the_official_ones():
    facts = load_facts()
    assert facts["emergency"].value == "911"
    assert facts["hotline"].value == "1-833-900-1010"
    assert facts["ircc_phone"].value == "1-888-242-2100"


def test_responses_state_numbers_only_through_fact_placeholders():
    for name, text in response_texts():
        assert not PHONE.search(text), f"{name} hard-codes a phone number; use a fact placeholder"


def test_every_placeholder_in_a_response_is_a_fact_or_a_slot():
    from bot.nlg import deployment_settings

    known = {f for f, v in load_facts().items() if v.value} | set(DOMAIN.get("slots", {})) | set(deployment_settings())
    for name, text in response_texts():
        for ph in re.findall(r"\{(\w+)\}", text):
            assert ph in known, f"{name} uses unknown placeholder {{{ph}}}"


def test_responses_never_promise_eligibility():
    for name, text in response_texts():
        assert not re.search(r"\byou are eligible\b|\byou will get\b|\bguarantee[ds]? (you|that)\b", text, re.I), name


def test_every_fact_was_checked_against_a_page_it_names():
    # "Last checked" is shown to people: it must never cover a fact nobody compared with its source.
    from bot.facts import last_checked, unchecked_facts

    assert unchecked_facts() == []
    for fact in load_facts().values():
        assert all(s.page.strip() for s in fact.sources), fact.id
        assert any(s.checked for s in fact.sources), fact.id
    assert last_checked() == min(f.checked for f in load_facts().values())


def test_a_fact_never_checked_blocks_the_last_checked_date(tmp_path):
    import pytest

    from bot.facts import last_checked, unchecked_facts

    data = {"facts": {
        "seen": {"statement": "s", "sources": [{"page": "https://example.org/a", "checked": "2026-01-05"}]},
        "never": {"statement": "t", "sources": [{"page": "https://example.org/b", "checked": None}]},
    }}
    path = tmp_path / "facts.yml"
    path.write_text(yaml.safe_dump(data))
    assert unchecked_facts(path) == ["never"]
    with pytest.raises(ValueError, match="never"):
        last_checked(path)
    # A page never compared is listed as such for reviewers.
    assert "not yet checked" in load_facts(path)["never"].source


def test_family_violence_fees_say_2019_for_the_first_permits_and_2025_for_the_rest():
    statement = load_facts()["family_violence_trp"].statement
    assert "first TRP and the first work permit have been free since 2019" in statement
    assert "2025" in statement and "study permits" in statement and "biometrics" in statement


def test_urls_are_given_per_language_and_french_replies_get_french_pages():
    from bot.facts import fact_values

    en, fr = fact_values("en"), fact_values("fr")
    for fid in ("office_finder", "vulnerable_workers_url"):
        assert en[fid].startswith("https://www.canada.ca/")
        assert fr[fid].startswith("https://www.canada.ca/fr/"), fid
        assert "/en/" not in fr[fid]
        assert load_facts()[fid].values.keys() >= {"en", "fr"}
    # Numbers are the same in every language; a language without its own value gets English.
    assert fr["hotline"] == en["hotline"] == fact_values("es")["hotline"]
    assert fact_values("es")["office_finder"] == en["office_finder"]


def test_a_french_answer_inserts_the_french_office_finder():
    from bot.nlg import TranslatingNLG

    nlg = TranslatingNLG(domain=None)
    response = {"text": DOMAIN["responses"]["utter_office"][0]["text"]}
    fr = nlg.render("utter_office", dict(response), "fr", {})["text"]
    en = nlg.render("utter_office", dict(response), "en", {})["text"]
    assert "/fr/immigration-refugies-citoyennete/" in fr and "/en/" not in fr
    assert "/en/immigration-refugees-citizenship/" in en
