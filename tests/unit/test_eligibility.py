"""Each rule, checked against the facts it cites."""

from actions.eligibility import (
    CITIZEN_OR_PR,
    FAMILY_VIOLENCE_TRP,
    NOT_ENOUGH_INFO,
    OUTSIDE_CANADA,
    STATE_CARE_YOUTH,
    TRAFFICKING_TRP,
    VALID_STATUS,
    VULNERABLE_WORKER_OWP,
    Reason,
    assess,
)
from bot.facts import load_facts

BASE = {"safe_now": "yes", "in_canada": "yes", "citizen_pr": "no"}


def test_out_of_status_and_exploited_may_fit_the_trafficking_trp():
    a = assess({**BASE, "status": "expired", "situation": ["documents_taken"]})
    assert a.ids == [TRAFFICKING_TRP]
    (o,) = a.outcomes
    assert Reason("status", "expired") in o.reasons and Reason("situation", "documents_taken") in o.reasons
    # Cites the facts a TRP answer relies on: no status required, 12 months, no fees, no testimony.
    assert {"trp_general_rules", "trp_initial_12_months", "no_fees", "no_testify"} <= set(o.facts)


def test_valid_status_means_a_trp_does_not_apply_now():
    # A TRP is for people who do not currently hold temporary resident status (trp_general_rules).
    a = assess({**BASE, "status": "valid", "situation": ["threats"]})
    assert a.ids == [VALID_STATUS]
    assert "trp_general_rules" in a.outcomes[0].facts
    assert "not currently hold temporary resident status" in load_facts()["trp_general_rules"].statement


def test_employer_specific_permit_and_abuse_may_fit_the_open_work_permit():
    a = assess({**BASE, "status": "employer_permit", "situation": ["threats", "debt"]})
    assert a.ids == [VULNERABLE_WORKER_OWP]
    assert "employer-specific" in load_facts()["vulnerable_workers_owp"].statement


def test_employer_specific_permit_without_abuse_is_valid_status():
    assert assess({**BASE, "status": "employer_permit", "situation": ["none"]}).ids == [VALID_STATUS]


def test_family_violence_needs_no_status_and_an_abusive_partner():
    a = assess({**BASE, "status": "never", "situation": ["none"], "partner_abuse": "yes"})
    assert a.ids == [FAMILY_VIOLENCE_TRP]
    assert "family_violence_trp" in a.outcomes[0].facts
    assert assess({**BASE, "status": "valid", "partner_abuse": "yes"}).ids == [VALID_STATUS]


def test_several_outcomes_can_apply_at_once():
    a = assess({**BASE, "status": "expired", "situation": ["forced_work"], "partner_abuse": "yes", "state_care": "yes"})
    assert a.ids == [TRAFFICKING_TRP, FAMILY_VIOLENCE_TRP, STATE_CARE_YOUTH]


def test_citizens_and_permanent_residents_do_not_need_a_permit():
    assert assess({**BASE, "citizen_pr": "yes", "situation": ["forced_work"]}).ids == [CITIZEN_OR_PR]


def test_outside_canada():
    assert assess({"in_canada": "no"}).ids == [OUTSIDE_CANADA]


def test_not_enough_information():
    assert assess({}).ids == [NOT_ENOUGH_INFO]
    assert assess({**BASE, "status": "skip", "situation": ["skip"]}).ids == [NOT_ENOUGH_INFO]
    assert assess({**BASE, "status": "unsure", "situation": ["unsure"], "partner_abuse": "unsure"}).ids == [
        NOT_ENOUGH_INFO
    ]


def test_unsure_status_with_exploitation_still_mentions_the_trp():
    assert assess({**BASE, "status": "unsure", "situation": ["not_free"]}).ids == [TRAFFICKING_TRP]


def test_every_cited_fact_exists():
    facts = load_facts()
    for answers in (
        {**BASE, "status": "expired", "situation": ["debt"], "partner_abuse": "yes", "state_care": "yes"},
        {**BASE, "status": "employer_permit", "situation": ["threats"]},
        {"in_canada": "no"},
        {**BASE, "citizen_pr": "yes"},
    ):
        for f in assess(answers).facts:
            assert f in facts, f
