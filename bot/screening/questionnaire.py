"""The screening questionnaire (data/screening.yml): which question comes next, and what an answer means.

Pure logic: no Rasa imports, so the form, the staff guide and the tests share one reading of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import yaml

from bot.text import fold

SCREENING = Path(__file__).resolve().parents[2] / "data" / "screening.yml"
SKIP, UNSURE = "skip", "unsure"
SLOT_PREFIX = "q_"
# A match right after a negation ("not safe", "pas au canada", "never had a valid visa") does not
# count for the option it names.
_NEGATED = re.compile(
    r"\b(not|no|never|pas|non|jamais|aucun|aucune|nope|isn'?t|ain'?t|don'?t|doesn'?t|didn'?t|wasn'?t|weren'?t"
    r"|aren'?t|won'?t|can'?t|cannot|haven'?t|hasn'?t|ne|personne|nobody|no one)\W+(\w+\W+)?$"
)
_NEGATION_WORD = re.compile(r"\W*(not|no|never|pas|non|jamais|aucun|aucune|nope|ne)\b")
# The first three characters of a postal code are written together ("M5V", "h2x 1y4"); with spaces
# inside them, texting like "b4 i" would read as one.
POSTAL = re.compile(r"\b([abceghj-nprstvxy])(\d)([a-z])(?:\s?\d\s?[a-z]\s?\d)?\b", re.I)
# "not Toronto, Mississauga": a place right after a negation is not where the person is.
_PLACE_NEGATED = re.compile(r"\b(not|no longer|never|pas|plus|jamais)\W+((in|at|from|a|au|en|de|du)\W+)?$")

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    intents: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    reason: str | None = None
    # Words that rule this option out whatever else matches: "my visitor visa expired" is not valid.
    unless: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    staff_note: str
    options: dict[str, Option]
    ask_if: dict[str, tuple[str, ...]] = field(default_factory=dict)
    multiple: bool = False
    free_text: str | None = None
    # The answer taken when a message matches this option and another one too ("safe? no"), if any.
    when_unclear: str | None = None

    @property
    def slot(self) -> str:
        return SLOT_PREFIX + self.id

    def applies(self, answers: Answers) -> bool:
        """Whether this question matters given the earlier answers (unasked counts as skip)."""
        for qid, allowed in self.ask_if.items():
            given = answers.get(qid, SKIP)
            given = given if isinstance(given, (list, tuple)) else [given]
            if not any(g in allowed for g in given):
                return False
        return True


class Questionnaire:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.questions: dict[str, Question] = {}
        for qid, q in data["questions"].items():
            options = {
                str(oid): Option(
                    str(oid),
                    o["label"],
                    tuple(o.get("intents", [])),
                    tuple(re.compile(p) for p in o.get("patterns", [])),
                    o.get("reason"),
                    tuple(re.compile(p) for p in o.get("unless", [])),
                )
                for oid, o in q["options"].items()
            }
            ask_if = {k: tuple(str(x) for x in v) for k, v in (q.get("ask_if") or {}).items()}
            self.questions[qid] = Question(
                qid, " ".join(q["text"].split()), " ".join(q["staff_note"].split()), options, ask_if,
                bool(q.get("multiple")), q.get("free_text"), q.get("when_unclear"),
            )
        self.texts: dict[str, str] = {k: " ".join(str(v).split()) for k, v in data.get("texts", {}).items()}

    @classmethod
    def load(cls, path: Path = SCREENING) -> Questionnaire:
        return cls(yaml.safe_load(Path(path).read_text(encoding="utf-8")))

    @property
    def slots(self) -> list[str]:
        return [q.slot for q in self.questions.values()]

    def to_be_asked(self, answers: Answers) -> list[Question]:
        """The questions that matter for these answers, in order (answered ones included)."""
        return [q for q in self.questions.values() if q.applies(answers)]

    def next_question(self, answers: Answers) -> Question | None:
        return next((q for q in self.to_be_asked(answers) if answers.get(q.id) is None), None)

    def understand(
        self,
        question: Question,
        text: str,
        intent: str | None = None,
        entities: Iterable[Mapping[str, Any]] = (),
        labels: Callable[[Question, Option], Iterable[str]] = lambda q, o: [o.label],
    ) -> Any:
        """The answer a message gives to a question, or None if it gives none.

        Patterns win over labels, labels over the classifier's intent: "my visa ran out" is an
        answer about status even if the classifier hears a question about expiry.
        """
        folded = fold(text or "").strip()
        if question.free_text == "place":
            found = self._place(folded, text or "", entities)
            if found:
                return found
        hits = self._pattern_hits(question, folded)
        if not hits:
            hits = [
                o.id
                for o in question.options.values()
                if folded and any(fold(label).strip(" .!?") == folded.strip(" .!?") for label in labels(question, o))
            ]
        if not hits and intent:
            hits = [o.id for o in question.options.values() if intent in o.intents]
        if not hits:
            return None
        if question.multiple:
            specific = [h for h in hits if h not in (SKIP, UNSURE, "none")]
            return specific or hits[:1]
        if len(hits) > 1 and question.when_unclear:
            return question.when_unclear
        return hits[0]

    @staticmethod
    def _pattern_hits(question: Question, folded: str) -> list[str]:
        """Options whose patterns match, longest match first: "pas au canada" beats "au canada",
        "not safe" beats "safe", so a negation is never read as its opposite."""
        scored = []
        for o in question.options.values():
            if any(p.search(folded) for p in o.unless):
                continue
            spans = [
                m.end() - m.start()
                for p in o.patterns
                for m in [p.search(folded)]
                if m and (_NEGATION_WORD.match(m.group(0)) or not _NEGATED.search(folded[: m.start()]))
            ]
            if spans:
                scored.append((max(spans), o.id))
        if question.when_unclear in {oid for _, oid in scored} and len(scored) > 1:
            return [oid for _, oid in scored]  # two readings, one of them the careful one
        if not question.multiple and scored:
            best = max(n for n, _ in scored)
            covered = [oid for n, oid in scored if n == best]
            return covered
        return [oid for _, oid in sorted(scored, key=lambda x: -x[0])] if question.multiple else []

    @staticmethod
    def _place(folded: str, text: str, entities: Iterable[Mapping[str, Any]]) -> str | None:
        for e in entities:
            if e.get("entity") == "place" and e.get("value"):
                if isinstance(e.get("start"), int) and _PLACE_NEGATED.search(folded[: e["start"]]):
                    continue
                return f"place:{e['value']}"
        m = POSTAL.search(text)
        if m:
            return "postal:" + (m.group(1) + m.group(2) + m.group(3)).upper()
        return None


@lru_cache(maxsize=1)
def default_questionnaire() -> Questionnaire:
    return Questionnaire.load()
