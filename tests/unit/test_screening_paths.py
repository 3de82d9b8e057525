"""Every path through data/screening.yml reaches a valid assessment that promises nothing."""

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actions.eligibility import NOTES, OUTCOMES, assess
from bot.facts import fact_values, last_checked
from bot.i18n.catalogs import default_catalogs
from bot.screening.questionnaire import default_questionnaire
from bot.screening.result import Texts, province_of, render

Q = default_questionnaire()
PROMISE = re.compile(r"\byou are eligible\b|\byou will (get|receive)\b|\bguarantee[ds]? (you|that)\b|"
                     r"\bvous êtes admissible\b|\bvous (allez|aurez) (obtenir|recevoir)\b", re.I)


def answer_choices(question):
    opts = [o for o in question.options if o not in ("none",)] if question.multiple else list(question.options)
    if question.free_text == "place":
        opts = opts + ["place:Montréal", "postal:T2P", "place:Saskatchewan"]
    if question.multiple:
        return [[o] for o in opts] + [["documents_taken", "debt"], ["none"]]
    return opts


# Questions no rule and no branching depends on: their answers are taken in turn rather than in
# every combination, so the walk stays exhaustive for everything that decides an outcome.
IN_TURN = {"safe_now", "location"}


def all_paths():
    """Depth-first over the questionnaire as the form walks it: only questions that apply are asked."""
    turns = {qid: itertools.count() for qid in IN_TURN}

    def walk(answers):
        nxt = Q.next_question(answers)
        if nxt is None:
            path = dict(answers)
            for qid in IN_TURN & set(path):  # asked on this path: the next answer in turn
                choices = answer_choices(Q.questions[qid])
                path[qid] = choices[next(turns[qid]) % len(choices)]
            yield path
            return
        choices = answer_choices(nxt)
        for choice in choices[:1] if nxt.id in IN_TURN else choices:
            yield from walk({**answers, nxt.id: choice})

    yield from walk({})


PATHS = list(all_paths())


def test_there_are_many_paths_and_all_questions_are_reachable():
    assert len(PATHS) > 1000
    asked = set(itertools.chain.from_iterable(p.keys() for p in PATHS))
    assert asked == set(Q.questions)
    assert not any(set(q.ask_if) & IN_TURN for q in Q.questions.values())  # they decide no branching
    for qid in IN_TURN:  # every answer still comes up somewhere
        assert {str(p.get(qid)) for p in PATHS if qid in p} >= {str(c) for c in answer_choices(Q.questions[qid])}


def test_every_path_ends_in_a_valid_assessment():
    seen = set()
    for answers in PATHS:
        a = assess(answers)
        assert a.outcomes, answers
        assert set(a.ids) <= set(OUTCOMES)
        seen |= set(a.ids)
    assert seen == set(OUTCOMES), f"outcomes never reached: {set(OUTCOMES) - seen}"


def test_every_note_is_reached_through_the_questionnaire():
    seen = set()
    for answers in PATHS:
        seen |= set(assess(answers, province_of(answers.get("location"))).notes)
    assert seen == set(NOTES), f"notes never reached: {set(NOTES) - seen}"


def test_every_path_renders_in_both_languages_without_promises():
    for answers in PATHS[::21]:
        for lang in ("en", "fr"):
            text = "\n".join(render(assess(answers), lang, answers.get("location")))
            assert not PROMISE.search(text), (answers, lang)
            assert "1-833-900-1010" in text and "911" in text


def test_questions_that_do_not_matter_are_not_asked():
    outside = {"safe_now": "yes", "in_canada": "no"}
    assert Q.next_question(outside) is None
    citizen = {"safe_now": "yes", "in_canada": "yes", "citizen_pr": "yes"}
    assert Q.next_question(citizen).id == "location"


VALUES = {q.id: st.sampled_from([None, *q.options, "garbage"]) for q in Q.questions.values()}


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries(VALUES), st.sampled_from(["en", "fr", "de"]))
def test_no_combination_of_answers_raises_or_promises(answers, lang):
    """German has no catalog: the whole result falls back to English, its date too."""
    assert "de" not in default_catalogs().languages
    a = assess(answers)
    assert a.outcomes and set(a.ids) <= set(OUTCOMES)
    messages = render(a, lang)
    text = "\n".join(messages)
    assert not PROMISE.search(text)
    shown = Texts("en" if lang == "de" else lang)
    for outcome in a.ids:
        assert shown.text(f"outcome.{outcome}") in text, (outcome, lang)
    assert shown.text("checked", date=shown.date(last_checked())) in text
    if lang == "de":
        assert messages == render(a, "en")


def test_a_negation_is_never_read_as_its_opposite():
    qs = Q.questions
    assert Q.understand(qs["in_canada"], "non, je suis pas au canada") == "no"
    assert Q.understand(qs["in_canada"], "I'm not in Canada") == "no"
    assert Q.understand(qs["in_canada"], "yes i am in canada") == "yes"
    assert Q.understand(qs["safe_now"], "no im not safe") == "no"
    assert Q.understand(qs["safe_now"], "je suis pas en sécurité") == "no"
    assert Q.understand(qs["safe_now"], "i'm safe") == "yes"


def test_negated_answers_for_status_and_citizenship():
    qs = Q.questions
    assert Q.understand(qs["citizen_pr"], "i'm not a permanent resident") != "yes"
    assert Q.understand(qs["status"], "my visa is not valid anymore") != "valid"
    assert Q.understand(qs["status"], "my visa is still valid") == "valid"


def test_unsafe_and_unsure_answers_to_are_you_safe_are_never_read_as_safe():
    q = Q.questions["safe_now"]
    for text in ["I don't feel safe", "i dont feel safe", "safe? no", "ça va pas", "ça va pas du tout",
                 "not really safe", "no i'm safe"]:
        assert Q.understand(q, text) == "no", text
    for text in ["not sure I'm safe", "i don't know", "je sais pas"]:
        assert Q.understand(q, text) == "unsure", text
    for text in ["i'm safe", "ça va, merci", "i'm not in danger", "je ne suis pas en danger"]:
        assert Q.understand(q, text) == "yes", text


def test_wanting_or_lacking_permanent_residence_is_not_having_it():
    q = Q.questions["citizen_pr"]
    for text in ["I don't have a PR card", "I wish I was a permanent resident", "i applied for pr",
                 "j'ai pas de carte de résident", "je voudrais devenir citoyen", "i'm not a permanent resident"]:
        assert Q.understand(q, text) == "no", text
    assert Q.understand(q, "i have my pr card") == "yes"


def test_naming_a_visa_that_ended_is_expired_status():
    q = Q.questions["status"]
    for text in ["my visitor visa expired", "visitor visa, it's over now", "my study permit is over",
                 "mon visa de visiteur est expiré", "mon permis d'études est fini", "permis de travail ouvert expiré",
                 "my visa is not valid anymore"]:
        assert Q.understand(q, text) == "expired", text
    assert Q.understand(q, "I came on a tourist visa 2 years ago") != "valid"
    assert Q.understand(q, "visitor visa") == "valid"


def test_sponsorship_without_abuse_and_denied_signs_are_not_reasons():
    q = Q.questions["partner_abuse"]
    for text in ["my sponsor is my employer", "no, but my husband sponsored me",
                 "my wife threatens me but she never sponsored me"]:
        assert Q.understand(q, text) != "yes", text
    assert Q.understand(q, "my husband sponsored me and he hits me") == "yes"
    s = Q.questions["situation"]
    for text in ["they don't threaten me", "I don't owe anything", "personne ne me force"]:
        assert Q.understand(s, text) is None, text
    assert Q.understand(s, "ils me forcent à travailler") == ["forced_work"]


def test_no_result_claims_what_the_facts_do_not_say():
    """Only a trafficking result asks the person to say they may be a trafficking victim, and only
    the hotline, never IRCC, is called confidential."""
    for answers in PATHS[::9]:
        a = assess(answers)
        for lang in ("en", "fr"):
            text = "\n".join(render(a, lang))
            assert not re.search(r"IRCC[^.:]*confidenti", text), answers
            if "trafficking_trp" not in a.ids:
                assert "victim of trafficking" not in text and "victime de la traite" not in text, answers


def test_where_a_person_is_not_and_texting_are_not_read_as_a_place():
    q = Q.questions["location"]
    text = "not Toronto, Mississauga"
    ents = [{"entity": "place", "value": v, "start": text.index(v), "end": text.index(v) + len(v)}
            for v in ("Toronto", "Mississauga")]
    assert Q.understand(q, text, entities=ents) == "place:Mississauga"
    for texting in ["b4 i answer that", "a 2 h ago"]:
        assert not str(Q.understand(q, texting) or "").startswith("postal:"), texting
    for code, area in [("M5V", "M5V"), ("h2x 1y4", "H2X"), ("Sherbrooke, J1H", "J1H")]:
        assert Q.understand(q, code) == f"postal:{area}"


def test_signs_given_with_valid_status_are_named_and_lead_to_help():
    text = "\n".join(render(assess({"safe_now": "yes", "in_canada": "yes", "citizen_pr": "no", "status": "valid",
                                    "situation": ["forced_work"]}), "en"))
    assert "forced to work" in text and "victim services" in text
    assert "usually does not apply" in text


BASE = {"safe_now": "yes", "in_canada": "yes", "citizen_pr": "no"}
LANGS = ("en", "fr")


def said(answers, lang, location=None):
    return render(assess(answers, province_of(location)), lang, location)


def test_an_urgent_answer_makes_a_lawyer_and_the_hotline_the_first_step_in_both_languages():
    answers = {**BASE, "status": "never", "urgent": "yes", "situation": ["threats"]}
    for lang in LANGS:
        t = Texts(lang)
        messages = said(answers, lang)
        steps = next(m for m in messages if m.startswith(t.text("next_steps_title"))).split("\n")[1:]
        assert steps[0] == "• " + t.text("step.lawyer_now") and "1-833-900-1010" in steps[0]
        assert steps.index("• " + t.text("step.with_support")) < steps.index("• " + t.text("step.self_identify"))
        assert messages[1].startswith(t.text("outcome.urgent_legal_help"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_bars_of_a_refugee_claim_are_said_plainly(lang):
    t = Texts(lang)
    refused = "\n".join(said({**BASE, "status": "never", "situation": ["none"], "refugee_claim": "refused_recent",
                              "partner_abuse": "yes"}, lang))
    assert t.text("note.refugee_refused_recent") in refused and t.text("outcome.refugee_claim_bar") in refused
    assert t.text("outcome.family_violence_trp") not in refused
    assert "12" in t.text("note.refugee_refused_recent")
    pending = "\n".join(said({**BASE, "status": "never", "situation": ["debt"], "refugee_claim": "pending"}, lang))
    assert t.text("note.refugee_pending") in pending


@pytest.mark.parametrize("lang", LANGS)
def test_a_person_who_answered_everything_hears_other_routes_and_where_to_get_legal_help(lang):
    t = Texts(lang)
    answers = {**BASE, "status": "never", "urgent": "no", "situation": ["none"], "refugee_claim": "no",
               "partner_abuse": "no", "state_care": "no"}
    text = "\n".join(said(answers, lang, "place:Toronto"))
    assert t.text("outcome.other_routes") in text and t.text("outcome.not_enough_info") not in text
    assert t.text("legal_help.title") in text and "1-800-668-8258" in text  # Legal Aid Ontario
    # Where no organization is sourced: legal aid in the province, with the hotline.
    halifax = "\n".join(said(answers, lang, "place:Halifax"))
    assert t.text("legal_help.unknown") in halifax and "1-800-668-8258" not in halifax
    assert t.text("legal_help.unknown") in "\n".join(said(answers, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_other_routes_speak_of_restoration_only_to_someone_whose_status_may_have_ended_recently(lang):
    t = Texts(lang)
    answers = {**BASE, "urgent": "no", "situation": ["none"], "refugee_claim": "no", "partner_abuse": "no",
               "state_care": "no"}
    never = "\n".join(said({**answers, "status": "never"}, lang))
    earlier = "\n".join(said({**answers, "status": "expired", "status_ended": "earlier"}, lang))
    unsure = "\n".join(said({**answers, "status": "expired", "status_ended": "unsure"}, lang))
    for text in (never, earlier, unsure):
        assert t.text("outcome.other_routes") in text
    # The outcome itself never speaks of the 90 days: only the note does, and only when it may be true.
    assert not re.search(r"\b90\b", t.text("outcome.other_routes"))
    note = t.text("note.restoration_if_recent")
    assert note not in never and note not in earlier
    assert note in unsure and re.search(r"\b90\b", note)


@pytest.mark.parametrize("lang", LANGS)
def test_status_lost_recently_names_restoration(lang):
    t = Texts(lang)
    text = "\n".join(said({**BASE, "status": "expired", "status_ended": "recent", "situation": ["none"]}, lang))
    assert t.text("outcome.restoration") in text and "90" in t.text("outcome.restoration")


def test_unsure_status_leads_to_the_trafficking_permit_only_if_without_valid_status():
    for lang, words in (("en", "if you do not have valid status"), ("fr", "si vous n'avez pas de statut valide")):
        for status in ("unsure", "skip"):
            text = "\n".join(said({**BASE, "status": status, "situation": ["not_free"]}, lang))
            assert words in text, (lang, status)
        assert words not in "\n".join(said({**BASE, "status": "never", "situation": ["not_free"]}, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_valid_status_with_signs_does_not_tell_the_person_what_they_just_said(lang):
    t = Texts(lang)
    text = "\n".join(said({**BASE, "status": "valid", "situation": ["forced_work"]}, lang))
    assert t.text("outcome.valid_status_signs") in text and t.text("outcome.valid_status") not in text
    assert t.reason("situation", "forced_work") in text  # the signs are named back
    assert fact_values(lang)["vulnerable_workers_url"] in text and t.text("legal_help.title") in text


def test_former_youth_in_care_in_quebec_is_told_the_policy_excludes_quebec():
    answers = {**BASE, "status": "never", "situation": ["none"], "state_care": "yes"}
    for lang, quebec in (("en", "outside Quebec"), ("fr", "l'extérieur du Québec")):
        t = Texts(lang)
        assert quebec in t.text("outcome.state_care_youth")
        montreal = "\n".join(said(answers, lang, "place:Montréal"))
        assert t.text("note.quebec_pr") in montreal
        assert t.text("note.quebec_pr") not in "\n".join(said(answers, lang, "place:Toronto"))
