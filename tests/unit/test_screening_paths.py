"""Every path through data/screening.yml reaches a valid assessment that promises nothing."""

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from actions.eligibility import OUTCOMES, assess
from bot.screening.questionnaire import default_questionnaire
from bot.screening.result import render

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
    a = assess(answers)
    assert a.outcomes
    text = "\n".join(render(a, lang if lang != "de" else "en"))
    assert not PROMISE.search(text)
    assert "may" in text or "pourr" in text or "peut" in text


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
