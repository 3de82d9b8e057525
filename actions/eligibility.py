"""The eligibility rules: a pure function from screening answers to what may fit, and why.

No Rasa imports: the result action, the staff guide and the tests call it directly. The rules
follow the facts in data/facts.yml (their ids are in `facts`); an officer decides, so every
outcome is something that *may* fit, never a decision. Bars (a refugee claim, an urgent removal)
are said plainly where they apply, as notes: a route that looks open but is barred sends a person
the wrong way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from bot.screening.questionnaire import SKIP, UNSURE

NO_VALID_STATUS = {"expired", "never", UNSURE, SKIP}
EXPLOITATION = {"forced_work", "documents_taken", "threats", "debt", "not_free", "deceived"}
CONTACTS = ("emergency", "hotline", "ircc_phone")

# Outcome ids, in the order they are shown.
URGENT_LEGAL_HELP = "urgent_legal_help"
TRAFFICKING_TRP = "trafficking_trp"
FAMILY_VIOLENCE_TRP = "family_violence_trp"
VULNERABLE_WORKER_OWP = "vulnerable_worker_owp"
STATE_CARE_YOUTH = "state_care_youth"
REFUGEE_CLAIM_BAR = "refugee_claim_bar"
RESTORATION = "restoration"
VALID_STATUS_SIGNS = "valid_status_signs"
VALID_STATUS = "valid_status"
OTHER_ROUTES = "other_routes"
CITIZEN_OR_PR = "citizen_or_pr"
OUTSIDE_CANADA = "outside_canada"
NOT_ENOUGH_INFO = "not_enough_info"
OUTCOMES = (
    URGENT_LEGAL_HELP, TRAFFICKING_TRP, FAMILY_VIOLENCE_TRP, VULNERABLE_WORKER_OWP, STATE_CARE_YOUTH,
    REFUGEE_CLAIM_BAR, RESTORATION, VALID_STATUS_SIGNS, VALID_STATUS, OTHER_ROUTES, CITIZEN_OR_PR,
    OUTSIDE_CANADA, NOT_ENOUGH_INFO,
)

# Notes: what a person must know about the outcomes above, said once, after them.
NOTE_STATUS_UNKNOWN = "status_unknown"
NOTE_REFUGEE_PENDING = "refugee_pending"
NOTE_REFUGEE_REFUSED_RECENT = "refugee_refused_recent"
NOTE_MAINTAINED_STATUS = "maintained_status"
NOTE_QUEBEC_PR = "quebec_pr"
NOTE_RESTORATION_IF_RECENT = "restoration_if_recent"
NOTES = (NOTE_STATUS_UNKNOWN, NOTE_REFUGEE_PENDING, NOTE_REFUGEE_REFUSED_RECENT, NOTE_MAINTAINED_STATUS,
         NOTE_QUEBEC_PR, NOTE_RESTORATION_IF_RECENT)

# Outcomes whose next steps send a person to a lawyer: the result names free legal help with them.
LEGAL_STEPS = {"lawyer", "lawyer_now"}


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
    notes: tuple[str, ...] = ()

    @property
    def ids(self) -> list[str]:
        return [o.id for o in self.outcomes]

    @property
    def steps(self) -> list[str]:
        """Every outcome's next steps, once each, in order: the urgent outcome's come first."""
        seen: list[str] = []
        for o in self.outcomes:
            seen += [s for s in o.next_steps if s not in seen]
        return seen

    @property
    def needs_legal_help(self) -> bool:
        return bool(LEGAL_STEPS & set(self.steps))

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


def assess(answers: Mapping[str, Any], province: str | None = None) -> Assessment:
    """What may fit, from the answers (question id -> option id; `situation` may be a list).

    `province` (a two-letter code, from the location answer) only changes what is said, never
    what may fit: a route that excludes Quebec is named with that condition for a person there.
    """
    a = {k: v for k, v in answers.items() if v is not None}
    in_canada = a.get("in_canada", SKIP)
    citizen = a.get("citizen_pr", SKIP)
    status = a.get("status", SKIP)
    ended = a.get("status_ended", SKIP) if status == "expired" else SKIP
    claim = a.get("refugee_claim", SKIP)
    urgent = a.get("urgent") == "yes"
    situation = _as_set(a.get("situation")) & EXPLOITATION
    signs = tuple(Reason("situation", s) for s in sorted(situation))
    out: list[Outcome] = []
    notes: list[str] = []

    if in_canada == "no":
        out.append(Outcome(OUTSIDE_CANADA, (Reason("in_canada", "no"),), (), ("trp_general_rules",)))
        return Assessment(tuple(out), answers=dict(a))

    if citizen == "yes":
        out.append(
            Outcome(CITIZEN_OR_PR, (Reason("citizen_pr", "yes"),), ("police_victim_services",), ("trp_general_rules",))
        )
        return Assessment(tuple(out), answers=dict(a))

    base = tuple(Reason(q, v) for q, v in (("in_canada", in_canada), ("citizen_pr", citizen)) if v in ("yes", "no"))
    # A renewal asked for before the permit ended keeps the person's status while IRCC decides
    # (maintained status): they are not "without status", and the vulnerable-worker permit can fit.
    maintained = ended == "renewal_applied"
    without_status = status in NO_VALID_STATUS and not maintained
    status_reason: tuple[Reason, ...] = (Reason("status", status),) if status in ("expired", "never") else ()
    if status == "expired" and ended in ("recent", "earlier", "renewal_applied"):
        status_reason += (Reason("status_ended", ended),)
    claimed = claim in ("pending", "refused_recent", "refused_earlier")
    claim_reason = (Reason("refugee_claim", claim),) if claimed else ()
    barred = claim == "refused_recent"  # IRPA 24(4): no TRP may be requested for 12 months
    # Out of status, contacting IRCC can start enforcement: support first, then self-identify.
    support_first = ("with_support",) if without_status else ()
    trp_steps = support_first + ("self_identify", "interview", "bring", "no_fees", "renew", "lawyer")
    trp_facts = ("trp_general_rules", "trp_purpose", "trp_initial_12_months", "no_fees", "no_testify",
                 "ifhp_health", "work_study_permits", "self_identify", "interview", "documents_may_be_asked",
                 "no_maintained_status", "officer_decides")

    if urgent:
        out.append(Outcome(URGENT_LEGAL_HELP, (Reason("urgent", "yes"),), ("lawyer_now",), ("urgent_legal_first",)))

    if without_status and situation:
        reasons = base + status_reason + signs + claim_reason
        if barred:
            # The person may not ask for a TRP now; an officer may still issue one on their own
            # initiative, so the way in is a lawyer, not a request to IRCC.
            out.append(Outcome(TRAFFICKING_TRP, reasons, ("lawyer_now",) + support_first + ("no_fees",),
                               trp_facts + ("refugee_claim_bars",)))
        else:
            out.append(Outcome(TRAFFICKING_TRP, reasons, trp_steps, trp_facts))

    barred_routes: list[Reason] = []
    if without_status and a.get("partner_abuse") == "yes":
        if barred:
            barred_routes.append(Reason("partner_abuse", "yes"))
        else:
            reasons = base + status_reason + (Reason("partner_abuse", "yes"),)
            # Not the trafficking permit's steps: the person has not said they were trafficked.
            out.append(Outcome(FAMILY_VIOLENCE_TRP, reasons,
                               support_first + ("no_fees", "police_victim_services", "lawyer"),
                               ("family_violence_trp", "no_fees", "officer_decides")))

    if (status == "employer_permit" or maintained) and situation:
        # With maintained status, "your status has ended" is not the reason: the renewal is.
        first = (Reason("status", "employer_permit"),) if status == "employer_permit" else (
            Reason("status_ended", "renewal_applied"),)
        out.append(Outcome(VULNERABLE_WORKER_OWP, first + signs, ("owp_apply", "lawyer"),
                           ("vulnerable_workers_owp", "vulnerable_workers_at_risk")))

    if without_status and a.get("state_care") == "yes":
        if barred:
            barred_routes.append(Reason("state_care", "yes"))
        else:
            reasons = base + status_reason + (Reason("state_care", "yes"),)
            out.append(Outcome(STATE_CARE_YOUTH, reasons, ("lawyer",),
                               ("state_care_youth", "state_care_pr_conditions")))
            if province == "QC":
                notes.append(NOTE_QUEBEC_PR)

    if barred_routes:
        out.append(Outcome(REFUGEE_CLAIM_BAR, claim_reason + tuple(barred_routes), ("lawyer",),
                           ("refugee_claim_bars",)))

    if status == "expired" and ended == "recent":
        out.append(Outcome(RESTORATION, (Reason("status_ended", "recent"),), ("lawyer",), ("restoration",)))

    has_status = status in ("valid", "employer_permit") or maintained
    if has_status and situation and VULNERABLE_WORKER_OWP not in [o.id for o in out]:
        # The person has just named signs of exploitation: name them back and say what can help.
        out.append(Outcome(VALID_STATUS_SIGNS, (Reason("status", status),) + signs,
                           ("lawyer", "police_victim_services"),
                           ("trp_general_rules", "vulnerable_workers_owp", "vulnerable_workers_at_risk")))
    elif has_status and not [o for o in out if o.id != URGENT_LEGAL_HELP]:
        steps = ("owp_if_at_risk",) if status == "employer_permit" or maintained else ()
        first = (Reason("status", status),) if status in ("valid", "employer_permit") else (
            Reason("status_ended", "renewal_applied"),)
        out.append(Outcome(VALID_STATUS, first, steps, ("trp_general_rules",)))

    if maintained:
        notes.append(NOTE_MAINTAINED_STATUS)

    answered = status in ("expired", "never") and not maintained and "none" in _as_set(a.get("situation"))
    if not [o for o in out if o.id != URGENT_LEGAL_HELP]:
        if answered:
            # Every question answered, and none of the permits for victims fits: say so, and what might.
            # Restoration only for someone whose status ended at a time they did not give: not for
            # someone who never had status, nor for someone whose status ended more than 90 days ago.
            maybe_recent = status == "expired" and ended not in ("earlier", "recent", "renewal_applied")
            route_facts = ("permanent_options", "refugee_claim_bars") + (("restoration",) if maybe_recent else ())
            out.append(Outcome(OTHER_ROUTES, status_reason + claim_reason, ("lawyer",), route_facts))
            if maybe_recent:
                notes.append(NOTE_RESTORATION_IF_RECENT)
        else:
            out.append(Outcome(NOT_ENOUGH_INFO, (), ("lawyer",), ("officer_decides",)))

    ids = {o.id for o in out}
    if status in (UNSURE, SKIP) and ids & {TRAFFICKING_TRP, FAMILY_VIOLENCE_TRP, STATE_CARE_YOUTH}:
        notes.insert(0, NOTE_STATUS_UNKNOWN)  # these permits are for people without valid status
    if claim == "pending":
        notes.append(NOTE_REFUGEE_PENDING)
    if barred:
        notes.append(NOTE_REFUGEE_REFUSED_RECENT)
    return Assessment(tuple(out), answers=dict(a), notes=tuple(notes))
