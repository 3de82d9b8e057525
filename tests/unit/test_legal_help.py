"""Free legal help is sourced data, and the answers about health and staying permanently say
where the permits and the routes stop, in both languages."""

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain

from bot.nlg import TranslatingNLG
from bot.screening.legal_help import LEGAL_HELP, for_province, load_legal_help

ROOT = Path(__file__).resolve().parents[2]
PROVINCES = {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"}
PHONE = re.compile(r"^1-\d{3}-\d{3}-\d{4}$")


def test_no_entry_lacks_a_source_or_a_checked_date():
    raw = yaml.safe_load(LEGAL_HELP.read_text(encoding="utf-8"))["legal_help"]
    assert raw
    for hid, h in raw.items():
        assert str(h.get("source") or "").strip().startswith("http"), hid
        assert h.get("checked"), hid
        assert h["province"] in PROVINCES, hid
        assert h.get("source_kind") in ("primary", "secondary"), hid
    for h in load_legal_help().values():
        assert h.checked.year >= 2025, h.id
        assert h.phone is None or PHONE.match(h.phone), h.id


def test_help_is_found_by_province_and_nothing_is_made_up_for_others():
    assert [h.phone for h in for_province("ON")] == ["1-800-668-8258"]
    assert for_province("QC") and all(h.province == "QC" for h in for_province("QC"))
    assert for_province("NS") == [] and for_province(None) == []


@pytest.fixture(scope="module")
def nlg():
    return TranslatingNLG(None, Domain.load(str(ROOT / "domain.yml")))


@pytest.mark.parametrize("lang, victim_permit", [("en", "victims of human trafficking"),
                                                 ("fr", "victimes de la traite")])
def test_health_coverage_is_tied_to_the_victim_permit_not_every_trp(nlg, lang, victim_permit):
    text = nlg.generate_from_slots("utter_health", {"language": lang}, "rest")["text"]
    assert not re.match(r"^\W*(yes|oui)\b", text, re.I)  # not an unconditional yes
    assert victim_permit in text and "1-833-900-1010" in text


@pytest.mark.parametrize("lang, words", [("en", ("not examined", "12 months", "lawyer")),
                                         ("fr", ("n'est pas examinée", "12 mois", "avocat"))])
def test_staying_permanently_says_a_refugee_claim_and_h_and_c_do_not_combine_freely(nlg, lang, words):
    text = nlg.generate_from_slots("utter_permanent", {"language": lang}, "rest")["text"]
    for w in words:
        assert w in text, w


@pytest.mark.parametrize("lang, words", [("en", ("at risk of abuse", "maintained status", "free")),
                                         ("fr", ("risquez d'en subir", "statut maintenu", "gratuit"))])
def test_the_work_answer_says_the_vulnerable_worker_permit_covers_a_risk_of_abuse_and_a_renewal(nlg, lang, words):
    # The permit is for abuse happening or at risk of happening, also while a renewal is pending
    # (IRPR s.207.1, data/facts.yml: vulnerable_workers_at_risk), not only for abuse that happened.
    text = nlg.generate_from_slots("utter_work", {"language": lang}, "rest")["text"]
    for w in words:
        assert w in text, w
