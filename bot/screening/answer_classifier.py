"""Reads a screening answer by meaning, where the careful patterns of data/screening.yml find none.

"I came on a visitor visa and never left" names no word the patterns know for "expired"; a
sentence encoder puts it near answers that mean the same. One small classifier per question,
over the sentence vector (bot/nlu/sentence_encoder.py, the encoder the NLU already uses) beside
character n-grams of the accent-free text (the encoder is English-trained; n-grams carry French),
trained on data/screening_training.yml when first needed (a second or two). Each question also
learns `not_an_answer` (going on, asking, other talk), so a message that does not answer is not
forced onto an option.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import yaml
from numpy.typing import NDArray

from bot.normalise import fold
from bot.screening.questionnaire import NOT_AN_ANSWER, Questionnaire, default_questionnaire

TRAINING = Path(__file__).resolve().parents[2] / "data" / "screening_training.yml"
Encode = Callable[[str], NDArray[np.float32]]


def training_examples(data: Mapping[str, Any], questionnaire: Questionnaire) -> dict[str, list[tuple[str, str]]]:
    """(text, label) per question: its own answers, then the shared ones its options allow."""
    shared = data.get("shared") or {}
    out: dict[str, list[tuple[str, str]]] = {}
    for qid, options in (data.get("questions") or {}).items():
        question = questionnaire.questions[qid]
        rows = [(t, str(oid)) for oid, texts in options.items() for t in texts]
        for label, texts in shared.items():
            if label == NOT_AN_ANSWER or label in question.options:
                rows += [(t, label) for t in texts]
        out[qid] = rows
    return out


class AnswerClassifier:
    """One linear model per question; `classify(question_id, text)` gives (label, probability)."""

    def __init__(self, examples: Mapping[str, Sequence[tuple[str, str]]], encode: Encode) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self._encode = encode
        self._models: dict[str, tuple[Any, Any]] = {}
        cache: dict[str, NDArray[np.float32]] = {}
        for qid, rows in examples.items():
            # A text listed under several signs ("they keep my passport and say I owe") cannot teach
            # a one-label model; the patterns read those, each sign on its own.
            seen: dict[str, set[str]] = {}
            for t, label in rows:
                seen.setdefault(fold(t), set()).add(label)
            rows = [(t, label) for t, label in rows if len(seen[fold(t)]) == 1]
            texts = [fold(t) for t, _ in rows]
            labels = [label for _, label in rows]
            if len(set(labels)) < 2:
                continue
            ngrams = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=1)
            grams = ngrams.fit_transform(texts).toarray()
            vectors = np.stack([cache.setdefault(t, self._encode(t)) for t in texts])
            model = LogisticRegression(C=10.0, max_iter=2000)
            model.fit(np.hstack([vectors, grams]), labels)
            self._models[qid] = (ngrams, model)

    def classify(self, question_id: str, text: str) -> tuple[str, float]:
        if question_id not in self._models:
            return NOT_AN_ANSWER, 0.0
        ngrams, model = self._models[question_id]
        folded = fold(text)
        x = np.hstack([self._encode(folded)[None, :], ngrams.transform([folded]).toarray()])
        p = model.predict_proba(x)[0]
        best = int(np.argmax(p))
        return str(model.classes_[best]), float(p[best])


_lock = threading.Lock()


@lru_cache(maxsize=1)
def default_classifier() -> AnswerClassifier:
    """Trained once per process from data/screening_training.yml with the shared encoder."""
    from bot.nlu.sentence_encoder import shared_encoder

    with _lock:
        encoder = shared_encoder()
        data = yaml.safe_load(TRAINING.read_text(encoding="utf-8"))
        return AnswerClassifier(training_examples(data, default_questionnaire()), encoder.encode_one)
