"""Every path through data/screening.yml reaches a valid assessment that promises nothing."""

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from actions.eligibility import OUTCOMES, assess
from bot.facts import last_checked
from bot.i18n.catalogs import default_catalogs
from bot.screening.questionnaire import default_questionnaire
from bot.screening.result import Texts, render

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


def all_paths():
    """Depth-first over the questionnaire as the form walks it: only questions that apply are asked."""
    def walk(answers):
        nxt = Q.next_question(answers)
        if nxt is None:
            yield dict(answers)
            return
        for choice in answer_choices(nxt):
            yield from walk({**answers, nxt.id: choice})

    yield from walk({})


PATHS = list(all_paths())


def test_there_are_many_paths_and_all_questions_are_reachable():
    assert len(PATHS) > 1000
    asked = set(itertools.chain.from_iterable(p.keys() for p in PATHS))
    assert asked == set(Q.questions)


def test_every_path_ends_in_a_valid_assessment():
    seen = set()
    for answers in PATHS:
        a = assess(answers)
        assert a.outcomes, answers
        assert set(a.ids) <= set(OUTCOMES)
        seen |= set(a.ids)
    assert seen == set(OUTCOMES), f"outcomes never reached: {set(OUTCOMES) - seen}"


def test_every_path_renders_in_both_languages_without_promises():
    for answers in PATHS[::7]:
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
    for answers in PATHS[::3]:
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
