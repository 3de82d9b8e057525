"""The answer classifier never trains on a typed answer of the development or held-out sets.

Only the number of overlapping answers is reported: the held-out answers are never printed.
"""

from pathlib import Path

import yaml

from bot.normalise import fold

ROOT = Path(__file__).resolve().parents[2]


def training_answers() -> set[str]:
    data = yaml.safe_load((ROOT / "data" / "screening_training.yml").read_text(encoding="utf-8"))
    texts = [t for rows in data["shared"].values() for t in rows]
    texts += [t for options in data["questions"].values() for rows in options.values() for t in rows]
    return {" ".join(fold(t).split()) for t in texts}


def test_no_training_answer_is_a_test_answer():
    trained = training_answers()
    overlap = 0
    sets = [ROOT / "tests" / "dev" / "answers", ROOT / "tests" / "heldout" / "answers"]
    for path in [p for folder in sets for p in folder.glob("*.yml")]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        overlap += sum(" ".join(fold(r["text"]).split()) in trained
                       for rows in data["questions"].values() for r in rows)
    assert overlap == 0, f"{overlap} training answers are also test answers"
