"""No model trains on a message it is measured on (tests/nlu, tests/dev, tests/heldout, tests/heldout2).

Compared as the classifier reads text (case, accents, apostrophes, punctuation and spacing
folded). Only the number of overlapping messages is reported: held-out texts are never printed.
"""

from pathlib import Path

import yaml

from bot.cli.text_sets import measured_texts, overlaps, training_texts
from bot.normalise import fold, overlap_key

ROOT = Path(__file__).resolve().parents[2]

# Overlaps between sets written independently (2026-12-03): short everyday messages ("yes",
# "thanks", "hi", "je sais pas") that the intent examples and the writers of the test sets both
# wrote. Intent figures are also reported on the test messages that are not training examples
# (docs/benchmarks.md). They may only go down; one more means a measured message was copied into
# training. Every other pair must stay at 0: the screening answers' and danger examples' training
# files hold no measured message at all.
KNOWN = {
    ("data/nlu", "tests/heldout/intents"): 300,
    ("data/nlu", "tests/dev/intents"): 245,
    ("data/nlu", "tests/heldout/answers"): 154,
    ("data/nlu", "tests/dev/answers"): 119,
    ("data/nlu", "tests/heldout2/answers"): 196,
}


def overlap_failures(found: dict[tuple[str, str], int]) -> list[str]:
    return [f"{n} messages of {test} are also in {source} (allowed: {KNOWN.get((source, test), 0)})"
            for (source, test), n in found.items() if n > KNOWN.get((source, test), 0)]


def test_every_measured_set_is_compared():
    sets = measured_texts()
    for name in ["tests/nlu", "tests/heldout/intents", "tests/dev/intents", "tests/heldout/danger",
                 "tests/heldout/answers", "tests/heldout/multipart.yml", "tests/dev/danger", "tests/dev/answers",
                 "tests/dev/multipart.yml", "tests/heldout2/danger", "tests/heldout2/answers"]:
        assert sets[name], f"no messages read from {name}"
    assert {"data/nlu", "data/screening_training.yml"} <= set(training_texts())


def test_no_training_text_is_a_measured_message():
    failures = overlap_failures(overlaps(training_texts(), measured_texts()))
    assert not failures, "; ".join(failures)


def test_a_message_copied_into_training_is_caught():
    """The check can fail: one held-out message added to the training texts raises its count."""
    training, sets = training_texts(), measured_texts()
    found = overlaps(training, sets)
    trained = {overlap_key(t) for t in training["data/nlu"]}
    for name in ["tests/heldout/intents", "tests/heldout/danger", "tests/heldout/multipart.yml", "tests/nlu",
                 "tests/heldout2/danger", "tests/heldout2/answers"]:
        unseen = [m for m in sets[name] if overlap_key(m) not in trained]
        copied = dict(training) | {"data/nlu": training["data/nlu"] + unseen[:1]}
        assert overlaps(copied, sets)[("data/nlu", name)] == found[("data/nlu", name)] + 1
        assert overlap_failures(overlaps(copied, sets))


def test_no_training_answer_is_a_test_answer():
    """The answer classifier's own rule, as written before the wider check: folded case and accents."""
    data = yaml.safe_load((ROOT / "data" / "screening_training.yml").read_text(encoding="utf-8"))
    texts = [t for rows in data["shared"].values() for t in rows]
    texts += [t for options in data["questions"].values() for rows in options.values() for t in rows]
    trained = {" ".join(fold(t).split()) for t in texts}
    overlap = 0
    folders = ("dev", "heldout", "heldout2")
    for path in [p for folder in folders for p in (ROOT / "tests" / folder / "answers").glob("*.yml")]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        overlap += sum(" ".join(fold(r["text"]).split()) in trained
                       for rows in data["questions"].values() for r in rows)
    assert overlap == 0, f"{overlap} training answers are also test answers"
