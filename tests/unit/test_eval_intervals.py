"""The evaluation's intervals: what a held-out set of this size can and cannot tell apart."""

import random

import numpy as np

from bot.cli.nlu_eval import _macro_f1_rows, bootstrap_interval, scores

LABELS = [f"intent_{k}" for k in range(8)]
EXPECTED = [label for label in LABELS for _ in range(10)]


def with_errors(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    predicted = list(EXPECTED)
    for i in rng.sample(range(len(predicted)), n):
        predicted[i] = rng.choice([x for x in LABELS + ["nlu_fallback"] if x != predicted[i]])
    return predicted


def test_fast_macro_f1_is_the_reported_one_including_fallbacks_and_strange_labels():
    for seed in range(50):
        predicted = with_errors(12, seed)
        predicted[seed % len(predicted)] = "an_intent_never_expected"
        code = {label: i for i, label in enumerate(sorted(set(EXPECTED)))}
        exp = np.array([[code[x] for x in EXPECTED]])
        pred = np.array([[code.get(x, len(code)) for x in predicted]])
        assert abs(_macro_f1_rows(exp, pred, len(code))[0] - scores(EXPECTED, predicted)["macro_f1"]) < 1e-12


def test_a_perfect_model_has_no_uncertainty_and_no_difference_from_itself():
    ci = bootstrap_interval(EXPECTED, EXPECTED, EXPECTED)
    assert (ci["low"], ci["high"], ci["difference_low"], ci["difference_high"]) == (1.0, 1.0, 0.0, 0.0)


def test_the_interval_holds_the_point_figure_and_widens_with_fewer_examples():
    predicted = with_errors(6)
    point = scores(EXPECTED, predicted)["macro_f1"]
    ci = bootstrap_interval(EXPECTED, predicted)
    assert ci["low"] < point < ci["high"]
    half = [i for i in range(len(EXPECTED)) if i % 10 < 5]
    small = bootstrap_interval([EXPECTED[i] for i in half], [predicted[i] for i in half])
    assert small["high"] - small["low"] > ci["high"] - ci["low"]


def test_a_clearly_better_model_is_told_apart_and_a_near_tie_is_not():
    good = with_errors(2, seed=1)
    clearly_worse = with_errors(20, seed=2)
    near_tie = with_errors(3, seed=3)
    assert bootstrap_interval(EXPECTED, good, clearly_worse)["difference_low"] > 0
    tie = bootstrap_interval(EXPECTED, good, near_tie)
    assert tie["difference_low"] < 0 < tie["difference_high"]
