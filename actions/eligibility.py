"""The eligibility rules: a pure function from screening answers to what may fit, and why.

No Rasa imports: the result action, the staff guide and the tests call it directly. The rules
follow the facts in data/facts.yml (their ids are in `facts`); an officer decides, so every
outcome is something that *may* fit, never a decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

SKIP, UNSURE = "skip", "unsure"
NO_VALID_STATUS = {"expired", "never", UNSURE, SKIP}
EXPLOITATION = {"forced_work", "documents_taken", "threats", "debt", "not_free", "deceived"}
CONTACTS = ("emergency", "hotline", "ircc_phone")

# Outcome ids, in the order they are shown.
TRAFFICKING_TRP = "trafficking_trp"
FAMILY_VIOLENCE_TRP = "family_violence_trp"
VULNERABLE_WORKER_OWP = "vulnerable_worker_owp"
STATE_CARE_YOUTH = "state_care_youth"
VALID_STATUS = "valid_status"
CITIZEN_OR_PR = "citizen_or_pr"
OUTSIDE_CANADA = "outside_canada"
NOT_ENOUGH_INFO = "not_enough_info"
OUTCOMES = (
    TRAFFICKING_TRP, FAMILY_VIOLENCE_TRP, VULNERABLE_WORKER_OWP, STATE_CARE_YOUTH,
    VALID_STATUS, CITIZEN_OR_PR, OUTSIDE_CANADA, NOT_ENOUGH_INFO,
)


@dataclass(frozen=True)
class Reason:
    """One answer that led to an outcome: question id and the answer given."""

    question: str
    answer: str


@dataclass(frozen=True)
class Outcome:
    id: str
    reasons: tuple[Reason, ...]
    next_steps: tuple[str, ...]
    facts: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    outcomes: tuple[Outcome, ...]
    contacts: tuple[str, ...] = CONTACTS
    answers: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [o.id for o in self.outcomes]

    @property
    def facts(self) -> list[str]:
        seen: list[str] = []
        for o in self.outcomes:
            seen += [f for f in o.facts if f not in seen]
        return seen + [c for c in self.contacts if c not in seen]


def _as_set(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, (list, tuple, set)):
        return {str(v) for v in value}
    return {str(value)}


def assess(answers: Mapping[str, Any]) -> Assessment:
    """What may fit, from the answers (question id -> option id; `situation` may be a list)."""
    a = {k: v for k, v in answers.items() if v is not None}
    in_canada = a.get("in_canada", SKIP)
    citizen = a.get("citizen_pr", SKIP)
    status = a.get("status", SKIP)
    situation = _as_set(a.get("situation")) & EXPLOITATION
    out: list[Outcome] = []

    if in_canada == "no":
        out.append(Outcome(OUTSIDE_CANADA, (Reason("in_canada", "no"),), (), ("trp_general_rules",)))
        return Assessment(tuple(out), answers=dict(a))

    if citizen == "yes":
        out.append(
            Outcome(CITIZEN_OR_PR, (Reason("citizen_pr", "yes"),), ("police_victim_services",), ("trp_general_rules",))
        )
        return Assessment(tuple(out), answers=dict(a))

    base = tuple(Reason(q, v) for q, v in (("in_canada", in_canada), ("citizen_pr", citizen)) if v in ("yes", "no"))
    without_status = status in NO_VALID_STATUS
    status_reason = (Reason("status", status),) if status in ("expired", "never") else ()
    trp_steps = ("self_identify", "interview", "bring", "no_fees", "renew", "lawyer")
    trp_facts = ("trp_general_rules", "trp_purpose", "trp_initial_12_months", "no_fees", "no_testify",
                 "ifhp_health", "work_study_permits", "self_identify", "interview", "documents_may_be_asked",
                 "no_maintained_status", "officer_decides")

    if without_status and situation:
        reasons = base + status_reason + tuple(Reason("situation", s) for s in sorted(situation))
        out.append(Outcome(TRAFFICKING_TRP, reasons, trp_steps, trp_facts))

    if without_status and a.get("partner_abuse") == "yes":
        reasons = base + status_reason + (Reason("partner_abuse", "yes"),)
        # Not the trafficking permit's steps: the person has not said they were trafficked.
        out.append(Outcome(FAMILY_VIOLENCE_TRP, reasons, ("no_fees", "police_victim_services", "lawyer"),
                           ("family_violence_trp", "no_fees", "officer_decides")))

    if status == "employer_permit" and situation:
        reasons = (Reason("status", "employer_permit"),) + tuple(Reason("situation", s) for s in sorted(situation))
        out.append(Outcome(VULNERABLE_WORKER_OWP, reasons, ("owp_apply",), ("vulnerable_workers_owp",)))

    if without_status and a.get("state_care") == "yes":
        reasons = base + status_reason + (Reason("state_care", "yes"),)
        out.append(Outcome(STATE_CARE_YOUTH, reasons, ("lawyer",), ("state_care_youth",)))

    if status in ("valid", "employer_permit") and not out:
        # Signs the person gave are named back and lead somewhere, even when a TRP does not apply.
        signs = tuple(Reason("situation", s) for s in sorted(situation))
        out.append(Outcome(VALID_STATUS, (Reason("status", status),) + signs,
                           ("police_victim_services",) if signs else (), ("trp_general_rules",)))

    if not out:
        out.append(Outcome(NOT_ENOUGH_INFO, (), (), ("officer_decides",)))
    return Assessment(tuple(out), answers=dict(a))
