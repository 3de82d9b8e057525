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
        assert fact.checked.year >= 2025, fact.id
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
