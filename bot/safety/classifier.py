"""A trained reader of danger: how likely a message tells of danger now, beside the lexicon.

Rules catch the words someone thought of; people in danger write words nobody thought of ("hes
in one of his moods, already got me twice"). A binary model learns from many writers at once:
danger messages and near-misses written by independent writers (data/safety/danger_examples.yml)
and the intent training data (in_danger against every other intent). Its features are those of
the intent classifier: character n-grams of accent-folded text (both languages, misspellings),
and word n-grams. The sentence encoder's meaning was tried beside them and lowered recall on the
development sets (docs/architecture.md), so it is left out. Logistic regression gives a
probability the detector compares with a threshold chosen for recall (bot/safety/detector.py).
Pure logic: no Rasa imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bot.normalise import fold

DEFAULT_EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "safety" / "danger_examples.yml"
# Near-misses count this many times a danger message: they are the mistakes that matter.
NEAR_MISS_WEIGHT = 3.0


@dataclass(frozen=True)
class Example:
    text: str
    danger: bool
    weight: float = 1.0


def load_examples(path: Path = DEFAULT_EXAMPLES, near_miss_weight: float = NEAR_MISS_WEIGHT) -> list[Example]:
    """Danger messages and near-misses of every language ({languages: {xx: {danger, near_miss}}})."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for lists in (data.get("languages") or {}).values():
        for key, danger in (("danger", True), ("near_miss", False)):
            for entry in lists.get(key) or []:
                text = entry if isinstance(entry, str) else entry["text"]
                out.append(Example(str(text), danger, 1.0 if danger else near_miss_weight))
    return out


@dataclass(frozen=True)
class DangerModelConfig:
    """Chosen on the development sets (tests/dev/danger): C 1, 4, 16 and 64 tried, 16 kept."""

    C: float = 16.0
    char_ngrams: tuple[int, int] = (2, 5)
    word_ngrams: tuple[int, int] = (1, 2)


class DangerModel:
    """P(danger now | text), from tf-idf n-grams through logistic regression."""

    def __init__(self, vectorizers: list[Any], coef: NDArray[np.float64], intercept: float) -> None:
        from bot.fast_tfidf import TfidfRow

        self.vectorizers, self.coef, self.intercept = vectorizers, coef, intercept
        self.rows: list[TfidfRow] = []
        offset = 0
        for v in vectorizers:
            self.rows.append(TfidfRow(v, offset))
            offset += len(v.vocabulary_)

    @classmethod
    def fit(cls, examples: Sequence[Example], config: DangerModelConfig | None = None) -> DangerModel:
        """Trained on the examples, the two classes weighted to count equally."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        config = config or DangerModelConfig()
        labels = np.array([e.danger for e in examples])
        if labels.all() or not labels.any():
            raise ValueError("a danger model needs danger messages and others")
        texts = [e.text for e in examples]
        vectorizers = [
            TfidfVectorizer(preprocessor=fold, analyzer="char_wb", ngram_range=tuple(config.char_ngrams),
                            sublinear_tf=True),
            TfidfVectorizer(preprocessor=fold, analyzer="word", ngram_range=tuple(config.word_ngrams),
                            sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
        ]
        parts = [v.fit_transform(texts) for v in vectorizers]
        weights = np.array([e.weight for e in examples], dtype=float)
        for value in (True, False):  # each class weighs as much as the other in total
            mask = labels == value
            weights[mask] *= len(labels) / (2 * weights[mask].sum())
        # liblinear shuffles the data: a fixed seed gives the same model from the same data.
        lr = LogisticRegression(C=config.C, max_iter=2000, solver="liblinear", random_state=0)
        lr.fit(hstack(parts).tocsr(), labels, sample_weight=weights)
        return cls(vectorizers, lr.coef_[0].astype(np.float64), float(lr.intercept_[0]))

    def probability(self, text: str) -> float:
        """The same number as the fitted logistic regression's, without scikit-learn's per-call checks."""
        decision = self.intercept
        for row in self.rows:
            idx, values = row(text)
            decision += float(self.coef[idx] @ values)
        return float(1.0 / (1.0 + np.exp(-decision)))

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        return [self.probability(t) for t in texts]

    def state(self) -> dict[str, Any]:
        """What is persisted: the fitted vectorizers and the weights."""
        return {"vectorizers": self.vectorizers, "coef": self.coef, "intercept": self.intercept}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> DangerModel:
        return cls(state["vectorizers"], state["coef"], state["intercept"])
