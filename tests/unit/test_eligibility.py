"""Each rule, checked against the facts it cites, and each bar said where it applies."""

import pytest

from actions.eligibility import (
    CITIZEN_OR_PR,
    FAMILY_VIOLENCE_TRP,
    NOT_ENOUGH_INFO,
    NOTE_MAINTAINED_STATUS,
    NOTE_QUEBEC_PR,
    NOTE_REFUGEE_PENDING,
    NOTE_REFUGEE_REFUSED_RECENT,
    NOTE_RESTORATION_IF_RECENT,
    NOTE_STATUS_UNKNOWN,
    OTHER_ROUTES,
    OUTSIDE_CANADA,
    REFUGEE_CLAIM_BAR,
    RESTORATION,
    STATE_CARE_YOUTH,
    TRAFFICKING_TRP,
    URGENT_LEGAL_HELP,
    VALID_STATUS,
    VALID_STATUS_SIGNS,
    VULNERABLE_WORKER_OWP,
    Reason,
    assess,
)
from bot.facts import load_facts

BASE = {"safe_now": "yes", "in_canada": "yes", "citizen_pr": "no"}
# A person out of status who answered every question and named none of the signs.
ANSWERED_NONE = {**BASE, "status": "never", "urgent": "no", "situation": ["none"], "refugee_claim": "no",
                 "partner_abuse": "no", "state_care": "no"}


def test_out_of_status_and_exploited_may_fit_the_trafficking_trp():
    a = assess({**BASE, "status": "expired", "situation": ["documents_taken"]})
    assert a.ids == [TRAFFICKING_TRP]
    (o,) = a.outcomes
    assert Reason("status", "expired") in o.reasons and Reason("situation", "documents_taken") in o.reasons
    # Cites the facts a TRP answer relies on: no status required, 12 months, no fees, no testimony.
    assert {"trp_general_rules", "trp_initial_12_months", "no_fees", "no_testify"} <= set(o.facts)


def test_out_of_status_support_comes_before_self_identifying():
    # Contacting IRCC without status can go wrong: the hotline or a lawyer first, who can go along.
    steps = assess({**BASE, "status": "never", "situation": ["threats"]}).steps
    assert steps.index("with_support") < steps.index("self_identify")
    # With valid status (employer permit), there is no such warning.
    assert "with_support" not in assess({**BASE, "status": "employer_permit", "situation": ["threats"]}).steps


def test_valid_status_with_signs_names_them_and_leads_to_help():
    # A TRP is for people who do not currently hold temporary resident status (trp_general_rules),
    # but the signs the person gave lead to the vulnerable-worker permit's conditions and a lawyer.
    a = assess({**BASE, "status": "valid", "situation": ["threats", "forced_work"]})
    assert a.ids == [VALID_STATUS_SIGNS]
    (o,) = a.outcomes
    assert {Reason("situation", "threats"), Reason("situation", "forced_work")} <= set(o.reasons)
    assert "lawyer" in o.next_steps and a.needs_legal_help
    assert {"trp_general_rules", "vulnerable_workers_at_risk"} <= set(o.facts)
    assert "not currently hold temporary resident status" in load_facts()["trp_general_rules"].statement


def test_valid_status_without_signs():
    assert assess({**BASE, "status": "valid", "situation": ["none"]}).ids == [VALID_STATUS]


def test_employer_specific_permit_and_abuse_may_fit_the_open_work_permit():
    a = assess({**BASE, "status": "employer_permit", "situation": ["threats", "debt"]})
    assert a.ids == [VULNERABLE_WORKER_OWP]
    assert "employer-specific" in load_facts()["vulnerable_workers_owp"].statement


def test_employer_specific_permit_without_abuse_still_hears_of_the_permit_for_risk():
    a = assess({**BASE, "status": "employer_permit", "situation": ["none"]})
    assert a.ids == [VALID_STATUS]
    assert "owp_if_at_risk" in a.steps  # "at risk of abuse" counts, not only abuse that happened
    assert "at risk of abuse" in load_facts()["vulnerable_workers_at_risk"].statement


def test_a_renewal_asked_for_before_the_permit_ended_keeps_the_open_work_permit_open():
    a = assess({**BASE, "status": "expired", "status_ended": "renewal_applied", "situation": ["threats"]})
    assert a.ids == [VULNERABLE_WORKER_OWP]
    assert Reason("status_ended", "renewal_applied") in a.outcomes[0].reasons
    assert NOTE_MAINTAINED_STATUS in a.notes
    # Maintained status is status: the TRP for people without status is not offered.
    assert TRAFFICKING_TRP not in a.ids
    assert "maintained status" in load_facts()["vulnerable_workers_at_risk"].statement


def test_status_lost_less_than_90_days_ago_may_be_restored():
    a = assess({**BASE, "status": "expired", "status_ended": "recent", "situation": ["none"]})
    assert RESTORATION in a.ids
    assert "restoration" in a.outcomes[a.ids.index(RESTORATION)].facts
    assert "90 days" in load_facts()["restoration"].statement
    earlier = {**BASE, "status": "expired", "status_ended": "earlier", "situation": ["none"]}
    assert RESTORATION not in assess(earlier).ids
    assert RESTORATION not in assess({**BASE, "status": "never", "situation": ["none"]}).ids


def test_an_urgent_situation_puts_a_lawyer_first():
    a = assess({**BASE, "status": "never", "urgent": "yes", "situation": ["documents_taken"]})
    assert a.ids[0] == URGENT_LEGAL_HELP and TRAFFICKING_TRP in a.ids
    assert a.steps[0] == "lawyer_now"
    assert a.steps.index("lawyer_now") < a.steps.index("self_identify")
    # Urgent even with valid status, and even when nothing else fits.
    assert assess({**BASE, "status": "valid", "urgent": "yes", "situation": ["none"]}).ids == [
        URGENT_LEGAL_HELP, VALID_STATUS]
    assert assess({**ANSWERED_NONE, "urgent": "yes"}).ids == [URGENT_LEGAL_HELP, OTHER_ROUTES]
    assert URGENT_LEGAL_HELP not in assess({**BASE, "status": "never", "urgent": "no", "situation": ["threats"]}).ids


def test_a_refused_claim_bars_asking_for_a_trp_for_12_months():
    answers = {**BASE, "status": "never", "situation": ["none"], "refugee_claim": "refused_recent",
               "partner_abuse": "yes", "state_care": "yes"}
    a = assess(answers)
    # The family-violence and state-care TRPs must be asked for: not offered, the bar is said instead.
    assert FAMILY_VIOLENCE_TRP not in a.ids and STATE_CARE_YOUTH not in a.ids
    assert REFUGEE_CLAIM_BAR in a.ids and NOTE_REFUGEE_REFUSED_RECENT in a.notes
    # After 12 months, the bar is gone.
    later = assess({**answers, "refugee_claim": "refused_earlier"})
    assert {FAMILY_VIOLENCE_TRP, STATE_CARE_YOUTH} <= set(later.ids) and REFUGEE_CLAIM_BAR not in later.ids
    assert NOTE_REFUGEE_REFUSED_RECENT not in later.notes
    assert "24(4)" in load_facts()["refugee_claim_bars"].statement


def test_a_refused_claim_still_leaves_a_trafficking_trp_on_an_officers_initiative():
    a = assess({**BASE, "status": "never", "situation": ["forced_work"], "refugee_claim": "refused_recent"})
    assert TRAFFICKING_TRP in a.ids and NOTE_REFUGEE_REFUSED_RECENT in a.notes
    o = a.outcomes[a.ids.index(TRAFFICKING_TRP)]
    # Not "contact IRCC yourself": the person may not request it; a lawyer comes first.
    assert "self_identify" not in o.next_steps and o.next_steps[0] == "lawyer_now"
    assert "own initiative" in load_facts()["refugee_claim_bars"].statement


def test_a_pending_claim_is_said_wherever_the_answers_lead():
    for answers in ({**BASE, "status": "never", "situation": ["threats"]}, ANSWERED_NONE,
                    {**BASE, "status": "valid", "situation": ["none"]}):
        assert NOTE_REFUGEE_PENDING in assess({**answers, "refugee_claim": "pending"}).notes
        assert NOTE_REFUGEE_PENDING not in assess({**answers, "refugee_claim": "no"}).notes


def test_every_question_answered_and_nothing_fits_names_other_routes_not_missing_information():
    a = assess(ANSWERED_NONE)
    assert a.ids == [OTHER_ROUTES]
    assert {"permanent_options", "refugee_claim_bars"} <= set(a.outcomes[0].facts)
    assert a.needs_legal_help
    assert assess({**ANSWERED_NONE, "status": "expired", "status_ended": "earlier"}).ids == [OTHER_ROUTES]


@pytest.mark.parametrize("status, ended, told", [
    ("never", None, False),  # never had status: nothing to restore
    ("expired", "earlier", False),  # more than 90 days ago: too late to restore
    ("expired", "unsure", True),  # when is not known: it may still be in time
    ("expired", "skip", True),
])
def test_other_routes_names_restoration_only_when_the_status_may_have_ended_recently(status, ended, told):
    answers = {**ANSWERED_NONE, "status": status} | ({"status_ended": ended} if ended else {})
    a = assess(answers)
    assert a.ids == [OTHER_ROUTES]
    assert (NOTE_RESTORATION_IF_RECENT in a.notes) is told
    assert ("restoration" in a.outcomes[0].facts) is told


def test_family_violence_needs_no_status_and_an_abusive_partner():
    a = assess({**BASE, "status": "never", "situation": ["none"], "partner_abuse": "yes"})
    assert a.ids == [FAMILY_VIOLENCE_TRP]
    assert "family_violence_trp" in a.outcomes[0].facts
    assert assess({**BASE, "status": "valid", "partner_abuse": "yes"}).ids == [VALID_STATUS]


def test_former_youth_in_care_states_the_conditions_and_quebec_is_told_of_its_own():
    answers = {**BASE, "status": "never", "situation": ["none"], "state_care": "yes"}
    a = assess(answers)
    assert a.ids == [STATE_CARE_YOUTH]
    assert "state_care_pr_conditions" in a.outcomes[0].facts
    conditions = load_facts()["state_care_pr_conditions"].statement
    for condition in ("before age 19", "at least one year", "three years", "outside Quebec", "Quebec's selection"):
        assert condition in conditions
    assert NOTE_QUEBEC_PR not in a.notes and NOTE_QUEBEC_PR not in assess(answers, "ON").notes
    assert NOTE_QUEBEC_PR in assess(answers, "QC").notes
    assert assess(answers, "QC").ids == a.ids  # where the person is changes what is said, not what may fit


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
    assert assess({}).needs_legal_help  # even then, somewhere to go


@pytest.mark.parametrize("status", ["unsure", "skip"])
def test_unsure_status_with_exploitation_still_mentions_the_trp_for_people_without_status(status):
    a = assess({**BASE, "status": status, "situation": ["not_free"]})
    assert a.ids == [TRAFFICKING_TRP]
    assert a.notes[0] == NOTE_STATUS_UNKNOWN
    assert NOTE_STATUS_UNKNOWN not in assess({**BASE, "status": "expired", "situation": ["not_free"]}).notes


def test_every_cited_fact_exists():
    facts = load_facts()
    for answers in (
        {**BASE, "status": "expired", "situation": ["debt"], "partner_abuse": "yes", "state_care": "yes"},
        {**BASE, "status": "expired", "status_ended": "recent", "urgent": "yes", "situation": ["debt"],
         "refugee_claim": "refused_recent", "partner_abuse": "yes"},
        {**BASE, "status": "expired", "status_ended": "renewal_applied", "situation": ["threats"]},
        {**BASE, "status": "employer_permit", "situation": ["threats"]},
        {**BASE, "status": "valid", "situation": ["threats"]},
        ANSWERED_NONE,
        {"in_canada": "no"},
        {**BASE, "citizen_pr": "yes"},
    ):
        for f in assess(answers).facts:
            assert f in facts, f
