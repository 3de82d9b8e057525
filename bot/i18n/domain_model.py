"""A small language model of how people write to this assistant, learnt from its training data.

py3langid is trained on newspapers and Wikipedia; people here write "jsp", "chu rendue a Laval",
"ethereum va monter?" or "english lessons possible?". A naive Bayes over character n-grams of the
assistant's own examples (data/nlu/<language>/) knows that vocabulary. It is built on first use
(about a second) and only covers languages with training examples.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import yaml

from bot.fast_tfidf import TfidfRow
from bot.normalise import fold, plain_example

NLU_DATA = Path(__file__).resolve().parents[2] / "data" / "nlu"


def examples(root: Path = NLU_DATA) -> list[tuple[str, str]]:
    """(text, language) for every training example, the language being its folder's name."""
    out = []
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(lang_dir.glob("*.yml")):
            for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
                for line in str(block.get("examples", "")).splitlines():
                    text = plain_example(line.strip().removeprefix("- ").strip())
                    if text:
                        out.append((text, lang_dir.name))
    return out


def build(samples: Iterable[tuple[str, str]]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    texts, langs = zip(*samples, strict=True)
    model = make_pipeline(
        TfidfVectorizer(preprocessor=fold, analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
        MultinomialNB(alpha=0.1),
    )
    return model.fit(list(texts), list(langs))


class Scorer:
    """The fitted model's arithmetic without scikit-learn's per-call checks (bot/fast_tfidf.py):
    it runs on every message."""

    def __init__(self, pipeline: Any) -> None:
        self.row = TfidfRow(pipeline.steps[0][1])
        bayes = pipeline.steps[-1][1]
        self.log_prob = bayes.feature_log_prob_
        self.prior = bayes.class_log_prior_
        self.classes = [str(c) for c in bayes.classes_]

    def __call__(self, text: str) -> dict[str, float]:
        idx, weights = self.row(text)
        joint = self.prior + self.log_prob[:, idx] @ weights
        joint = np.exp(joint - joint.max())
        return dict(zip(self.classes, (float(p) for p in joint / joint.sum()), strict=True))


@lru_cache(maxsize=1)
def model() -> Scorer | None:
    samples = examples()
    return Scorer(build(samples)) if len({lang for _, lang in samples}) > 1 else None


def probabilities(text: str) -> dict[str, float]:
    """Language -> probability for the languages with training data; {} when there is no model."""
    m = model()
    return m(text) if m is not None else {}
