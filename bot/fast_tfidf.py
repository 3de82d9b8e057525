"""A fitted TfidfVectorizer's arithmetic for one message, without scikit-learn's per-call checks.

Classifying one short message with scikit-learn spends most of its time validating inputs and
fitted state; the arithmetic itself is a few dictionary lookups. The scorers built on this are
tested to give the same numbers as the fitted models.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from numpy.typing import NDArray


class TfidfRow:
    """Sublinear tf, idf and l2 norm, as the fitted vectorizer computes them (sublinear_tf=True)."""

    def __init__(self, vectorizer: Any, offset: int = 0) -> None:
        if not vectorizer.sublinear_tf or vectorizer.norm != "l2" or not vectorizer.use_idf:
            raise ValueError("TfidfRow reproduces sublinear, l2-normalised tf-idf only")
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vectorizer.vocabulary_
        self.idf = vectorizer.idf_
        self.offset = offset

    def __call__(self, text: str) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """(column indices, weights) of the message's non-zero features."""
        counts = Counter(i for gram in self.analyze(text) if (i := self.vocabulary.get(gram)) is not None)
        if not counts:
            return np.empty(0, dtype=np.intp), np.empty(0)
        idx = np.fromiter(counts, dtype=np.intp, count=len(counts))
        weights = (1 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * self.idf[idx]
        return idx + self.offset, weights / np.linalg.norm(weights)
