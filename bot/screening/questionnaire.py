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

from bot.normalise import fold
from bot.places.location import POSTAL, Location

SCREENING = Path(__file__).resolve().parents[2] / "data" / "screening.yml"
SKIP, UNSURE = "skip", "unsure"
SLOT_PREFIX = "q_"
# Never taken from what was said before the questions: safety is always asked; signs told in a
# story too often belong to someone else or to a partner (held-out multi-part messages: 43 of 117
# stated signs were read with none in common), and the question lets the person say it their way.
# Signs told earlier are offered back at their question for the person to confirm instead
# (bot/screening/remembered.py): never taken without that reply.
# Only these answers are kept from what a person said before the questions. An allow-list, so a new
# question is asked until someone decides its answer can be taken from a story: "my claim was refused
# last year" once confirmed "your status ended more than 90 days ago", which nobody had said.
KEPT_FROM_EARLIER = ("in_canada", "citizen_pr", "status", "location")
# A message asking for someone else ("I'm a PR, but what can my sister do?"): what it says about the
# writer is not kept, since the questions will be answered for the other person.
_FOR_SOMEONE_ELSE = re.compile(
    r"\b(what|how) (can|could|should|do|does) (she|he|they|my \w+) (do|get|apply)\b"
    r"|\b(can|could|does|would|will) (she|he|my \w+) (get|apply|qualify|stay|be eligible|have)\b"
    r"|\b(asking|ask|here|writing) (for|on behalf of) (a|my|our) \w+"
    r"|\bpour (un|une|mon|ma|mes) (ami|amie|cousin|cousine|soeur|frere|collegue|voisin|voisine|fille|fils|mere|pere"
    r"|tante|oncle|proche)\b"
    r"|\bqu'est-ce qu'(elle|il) peut\b|\b(elle|il) (peut|pourrait) (avoir|obtenir|demander|rester|faire)\b"
    # "my friend is the one with the problem", "c'est mon amie qui a besoin d'aide"
    r"|\b(my|mon|ma) (friend|\w+ friend|cousin|sister|brother|wife|husband|coworker|colleague|neighbou?r|roommate"
    r"|ami|amie|cousine?|soeur|frere|collegue|voisine?|coloc)"
    r" (is|has|needs|est|a) (the one|celle|celui|who|qui)\b"
    r"|\b(it'?s|its|c'est) (for )?(my|mon|ma) (friend|cousin|sister|brother|ami|amie|cousine?|soeur|frere|collegue)"
    r" (who|that|qui)\b"
    r"|\bnot (for )?me,? (it'?s|its|but) (for )?(my|a) \w+"
    r"|\bpeut-(elle|il)\b"
)
# A match right after a negation ("not safe", "pas au canada", "never had a valid visa") does not
# count for the option it names.
_NEGATED = re.compile(
    r"\b(not|no|never|pas|non|jamais|aucun|aucune|nope|isn'?t|ain'?t|don'?t|doesn'?t|didn'?t|wasn'?t|weren'?t"
    r"|aren'?t|won'?t|can'?t|cannot|haven'?t|hasn'?t|ne|personne|nobody|no one)\W+(\w+\W+)?$"
)
_NEGATION_WORD = re.compile(r"\W*(not|no|never|pas|non|jamais|aucun|aucune|nope|ne)\b")
_YES_LEADS = frozenset("yes yeah yep yup oui ouais".split())
_BUT = re.compile(r"\b(but|except|although|though|however|mais|sauf|cependant|pourtant|par contre)\b")
_LEADING_YES_NO = re.compile(r"^\W*(yes|yeah|yep|yup|oui|ouais|no|non|nope|nah)\s*[,.;:!]+\s")
# The first three characters of a postal code are written together ("M5V", "h2x 1y4"); with spaces
# inside them, texting like "b4 i" would read as one.
# "not Toronto, Mississauga": a place right after a negation is not where the person is.
_PLACE_NEGATED = re.compile(r"\b(not|no longer|never|pas|plus|jamais)\W+((in|at|from|a|au|en|de|du)\W+)?$")

# Doubt about a place named: two of them ("Ontario ou Québec"), or only the distance from one.
_PLACE_DOUBT = re.compile(
    r"\b(or|ou)\b|\b(from|de|d'|loin de|pres de|near|away from)\s?\w+\s*$"
    r"|\b(pas loin de|proche de|pres de|not far from|close to|near|outside of|autour de|around)\s\w+"
    r"|\b(\d+ ?(h|hours?|heures?|km|miles?)) (from|de|d')"
)
# "Somewhere between Quebec City and Montreal": two places and no one of them.
_BETWEEN = re.compile(
    r"\b(somewhere|quelque part)\b.{0,20}\b(between|entre)\b"
    r"|\b(between|entre) [a-z][\w-]*( [a-z][\w-]*)? (and|et) [a-z]"
)
# "Honestly no", "ben oui", "well, I'm not sure": words before the answer that are not the answer.
_LEADING_FILLER = re.compile(
    r"^\W*((honestly|honnetement|franchement|to be honest|truthfully|well|um+|uh+|hmm+|euh+|ben|bah|alors|ok so)"
    r"(?=\W+\w)\W+)+"
)
# "I don't know the exact address": what is not known is the street, not the place.
_ADDRESS_UNKNOWN = re.compile(
    r"\b(exact|precise|exacte|street|rue|postal code|code postal)\b|\b(the|l') ?address|adresse\b"
)
# "Hamilton, no sorry, Burlington", "ouvert... non attends, fermé": the answer is what follows the
# correction. "Au Saguenay, à Jonquière plus précisément": the more precise place is just before.
_CORRECTION = re.compile(
    r"\b(no,? sorry|sorry,? no|no,? wait|wait,? no|wait,? yes|sorry,? i mean|i mean|i meant|actually (no|yes)"
    r"|no no|correction|en fait,? (oui|non)|non,? en fait"
    r"|non,? attends?|attends?,? non|non,? pardon|pardon|je veux dire|je voulais dire|ou plutot|non plutot"
    r"|euh,? non|non non)\b"
)
_PRECISELY = re.compile(r"\b(plus precisement|more precisely|to be exact|pour etre exact|pour etre precis)\b")
# "I was in Toronto", "I'm from Halifax": a place named, but not where the person is now.
_PAST_PLACE = re.compile(r"\b(was|were|used to|from|left|etais|etait|venais|viens|quitte)\b")
_STARTS_YES = re.compile(r"\W*(yes|yeah|yep|yup|oui|ouais)\b")
_STARTS_NO = re.compile(
    r"\W*(no|non|nope|nah|nan|never|jamais|none|aucun\w*|rien|not really|not anymore|plus maintenant"
    r"|pas (vraiment|du tout|moi|encore|pantoute))\b"
)
_ENDS_NO = re.compile(r"\b(no|non|nope|nah|nan|pantoute)\W*$")

# "I'm still in Senegal, a job in Montreal is offered": a Canadian place, but not where one is.
_NOT_THERE_YET = re.compile(r"\b(still in|encore (au|en|a)|not yet|pas encore|outside|hors du|abroad|a l'etranger)\b")

# A clause that opens like a question ("can a visitor, like me, get one?") states nothing.
_QUESTION_START = re.compile(
    r"\W*(can|could|do|does|did|is|are|was|will|would|should|may|might|what|how|why|when|where|who|which|if"
    r"|est-ce|est ce|peux|puis|peut|pourrais|dois|est|quel|quelle|comment|pourquoi|combien|quand|ou|qui|si)\b"
)

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
class Clarification:
    """An answer that is not enough to decide ("a work permit": for one employer, or open?)."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    options: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """What a message says to the question waiting.

    kind: "answer" (answer is set), "clarify" (clarification is set), "go_on" (only agrees to go
    on), "asks" (a question of its own), or "none" (no answer found).
    """

    kind: str
    answer: Any = None
    clarification: Clarification | None = None
    source: str = ""


# A classifier of answers: (question id, text) -> (label, probability); the label is an option id
# or NOT_AN_ANSWER.
Classify = Callable[[str, str], "tuple[str, float]"]
NOT_AN_ANSWER = "not_an_answer"


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
    clarify: tuple[Clarification, ...] = ()
    # The answer a Canadian place named in the message gives ("I live in Regina": in Canada).
    from_place: str | None = None
    # Options the answer classifier may never give alone (a guess of "safe" must not hide danger).
    not_from_classifier: tuple[str, ...] = ()
    # Questions about the permit a statement here only seems to ask ("my visa expired" at "when did
    # your status end?" tells; it does not ask what happens when a TRP ends).
    told_not_asked: tuple[str, ...] = ()

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


def _named_in(entity: Mapping[str, Any], text: str, folded_clause: str) -> bool:
    """Whether a place entity was named in this clause, by its name or as the person wrote it
    ("St-Rémi" for Saint-Rémi)."""
    names = {fold(str(entity.get("value", "")))}
    start, end = entity.get("start"), entity.get("end")
    if isinstance(start, int) and isinstance(end, int):
        names.add(fold(text[start:end]))
    return any(n and n in folded_clause for n in names)


class Questionnaire:
    def __init__(self, data: Mapping[str, Any]) -> None:
        names = {k: "|".join(v) for k, v in (data.get("names") or {}).items()}

        def compiled(pattern: str) -> re.Pattern[str]:
            """A pattern with its named lists filled in: "<abroad>" is every place abroad."""
            for name, alternatives in names.items():
                pattern = pattern.replace(f"<{name}>", alternatives)
            return re.compile(pattern)

        vocabulary: dict[str, list[str]] = {k: list(v) for k, v in (data.get("vocabulary") or {}).items()}
        self.vocabulary = {k: tuple(compiled(p) for p in v) for k, v in vocabulary.items() if k != "negation"}
        # "Kingston, Jamaica": a town named with a country abroad is not the Canadian town.
        self.abroad_after = (re.compile(rf"\W{{0,3}}(the )?({names['abroad']})\b(?! (is|est)\b)")
                             if "abroad" in names else None)
        self.negated = _NEGATED
        if vocabulary.get("negation"):
            words = "|".join(vocabulary["negation"])
            # "No, they don't pay me": a no set off by a comma answers; it negates nothing after it.
            # "si je dis non, il menace": a no that is said is not a negation of what follows.
            said = "".join(f"(?<!{w} )" for w in ("dis", "dit", "dire", "say", "says", "said"))
            # "with no money, if I refuse": a negation does not reach past the comma after its word.
            self.negated = re.compile(rf"\b{said}({words})(?![,;.!?])\W+(\w+[^\w,;.!?]+)?$")

        def patterns(o: Mapping[str, Any]) -> tuple[re.Pattern[str], ...]:
            own = [compiled(p) for p in o.get("patterns", [])]
            return tuple(own) + tuple(p for name in o.get("vocabulary", []) for p in self.vocabulary[name])

        self.questions: dict[str, Question] = {}
        for qid, spec in data["questions"].items():
            options = {
                str(oid): Option(
                    str(oid),
                    o["label"],
                    tuple(o.get("intents", [])),
                    patterns(o),
                    o.get("reason"),
                    tuple(compiled(p) for p in o.get("unless", [])),
                )
                for oid, o in spec["options"].items()
            }
            ask_if = {k: tuple(str(x) for x in v) for k, v in (spec.get("ask_if") or {}).items()}
            clarify = tuple(
                Clarification(str(cid), patterns(c), tuple(str(x) for x in c["options"]))
                for cid, c in (spec.get("clarify") or {}).items()
            )
            self.questions[qid] = Question(
                qid, " ".join(spec["text"].split()), " ".join(spec["staff_note"].split()), options, ask_if,
                bool(spec.get("multiple")), spec.get("free_text"), spec.get("when_unclear"), clarify=clarify,
                not_from_classifier=tuple(str(x) for x in spec.get("not_from_classifier", [])),
                from_place=spec.get("from_place"),
                told_not_asked=tuple(str(x) for x in spec.get("told_not_asked", [])),
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

    def says(self, vocabulary: str, text: str) -> bool:
        """Whether the message matches one of the named lists of data/screening.yml."""
        folded = fold(text or "").strip()
        return any(p.search(folded) for p in self.vocabulary.get(vocabulary, ()))

    def understand(
        self,
        question: Question,
        text: str,
        intent: str | None = None,
        entities: Iterable[Mapping[str, Any]] = (),
        labels: Callable[[Question, Option], Iterable[str]] = lambda q, o: [o.label],
        classify: Classify | None = None,
    ) -> Any:
        """The answer a message gives to a question, or None if it gives none."""
        return self.read(question, text, intent, entities, labels, classify).answer

    def read(
        self,
        question: Question,
        text: str,
        intent: str | None = None,
        entities: Iterable[Mapping[str, Any]] = (),
        labels: Callable[[Question, Option], Iterable[str]] = lambda q, o: [o.label],
        classify: Classify | None = None,
        threshold: float = 0.7,
    ) -> Reading:
        """What a message says to a question, read carefully first, then by meaning.

        In order: the place (for the place question); the option patterns (the careful layer:
        negations, "safe? no", words that rule an option out); an option's label in any language; a
        clarification when the answer is not enough ("a work permit"); the answer classifier, when
        sure; last, the classifier's intent, and only for a short, plain message. A message that
        only agrees to go on ("ok, let's continue") or asks something is never "yes".
        """
        # Blanked, not cut: entity offsets into the message must still point at the same words.
        folded = _LEADING_FILLER.sub(lambda m: " " * len(m.group(0)), fold(text or "").strip())
        corrected = [m for m in _CORRECTION.finditer(folded) if m.end() < len(folded.rstrip(" .!?"))]
        if question.free_text == "place":
            found = self._place(folded, text or "", entities, after=corrected[-1].end() if corrected else None)
            doubt = self.says("dont_know", folded) and not _ADDRESS_UNKNOWN.search(folded)
            # "Ontario ou au Québec je crois": two places offered as a choice, none corrected.
            either = (not corrected and re.search(r"\b(or|ou)\b", folded) is not None
                      and len({str(e.get("value")) for e in entities if e.get("entity") == "place"}) > 1)
            if found and (_BETWEEN.search(folded) or either or doubt and _PLACE_DOUBT.search(folded)):
                # "Ontario or Quebec, I'm not sure", "no idea, we drove 5 hours from Montreal".
                found = None
                if UNSURE in question.options:
                    return Reading("answer", UNSURE, source="pattern")
            if found:
                return Reading("answer", found, source="place")
        if self.says("asks", folded) and not (self.says("dont_know", folded) or self.says("rather_not_say", folded)):
            # "what does permanent resident mean?" names an answer but asks: never an answer.
            # "can we skip this one?" asks to skip: it is the skip answer.
            return Reading("asks", source="asks")
        hits = self._pattern_hits(question, folded[corrected[-1].end():]) if corrected else []
        if not hits:
            hits = self._pattern_hits(question, folded)
        source = "pattern"
        if not hits:
            source = "label"
            hits = [
                o.id
                for o in question.options.values()
                if folded and any(fold(label).strip(" .!?") == folded.strip(" .!?") for label in labels(question, o))
            ]
        if hits:
            return Reading("answer", self._one(question, hits), source=source)
        if question.from_place and not _PAST_PLACE.search(folded) and self._place(folded, text or "", entities):
            return Reading("answer", question.from_place, source="place")
        for c in question.clarify:
            if any((m := p.search(folded)) and not self.negated.search(folded[: m.start()])
                   for p in c.patterns):
                return Reading("clarify", clarification=c, source="clarify")
        go_on = self.says("go_on", folded)
        if classify is not None and folded and not go_on:
            label, probability = classify(question.id, folded)
            if probability >= threshold:
                if label == NOT_AN_ANSWER:
                    return Reading("go_on" if go_on else "none", source="classifier")
                if (label in question.options and label not in question.not_from_classifier
                        and not self._ruled_out(question.options[label], folded)):
                    return Reading("answer", self._one(question, [label]), source="classifier")
        if go_on:
            return Reading("go_on", source="go_on")
        names_place = any(e.get("entity") == "place" for e in entities)
        if intent and self._plain(folded, intent, names_place):
            hits = [o.id for o in question.options.values()
                    if intent in o.intents and not self._ruled_out(o, folded)]
            if hits:
                return Reading("answer", self._one(question, hits), source="intent")
        return Reading("none")

    @staticmethod
    def _ruled_out(option: Option, folded: str) -> bool:
        """An option's `unless` words rule it out however it was reached ("yes I'm safe" is not
        "yes, I'm in Canada", whatever the classifier says)."""
        return any(p.search(folded) for p in option.unless)

    def _plain(self, folded: str, intent: str, names_place: bool = False) -> bool:
        """A yes from the classifier's intent alone only for a short message or one that starts with
        it ("yess", "yea I'm here"): in a longer one the agreement is often to something else ("I'm
        fine now, I want to keep going"). A no from it, not when the message names a place without
        a plain no: "euh pas à Gatineau, à Ottawa" corrects a place; it is not "none of these"."""
        if intent == "affirm":
            return len(folded.split()) <= 8 or bool(_STARTS_YES.match(folded))
        if intent == "deny":
            return not names_place or bool(_STARTS_NO.match(folded) or _ENDS_NO.search(folded))
        return True

    @staticmethod
    def _one(question: Question, hits: list[str]) -> Any:
        if question.multiple:
            specific = [h for h in hits if h not in (SKIP, UNSURE, "none")]
            return specific or hits[:1]
        if len(hits) > 1 and question.when_unclear:
            return question.when_unclear
        return hits[0]

    def known_answers(self, messages: Iterable[tuple[str, Iterable[Mapping[str, Any]]]]) -> dict[str, Any]:
        """Answers a person stated before the questions ("I'm a Canadian citizen. Can I stay?").

        Read clause by clause (split at punctuation) with the careful patterns only: never a question ("can a visitor
        get one?"), never a bare yes or no, never the safety question, never a guess, and never
        when two options match.
        """
        known: dict[str, Any] = {}
        for text, entities in messages:
            if self.for_someone_else(text):
                continue
            for sentence, folded in self.statements(text):
                for q in self.questions.values():
                    if q.id not in KEPT_FROM_EARLIER or q.id in known:
                        continue
                    if q.free_text == "place":
                        here = [{"entity": e.get("entity"), "value": e.get("value")} for e in entities
                                if _named_in(e, text or "", folded)
                                and not self._abroad(fold(text or ""), str(e.get("value", "")))]
                        found = self._place(folded, sentence, here)
                        if found:
                            known[q.id] = found
                        continue
                    hits = [h for h in self._pattern_hits(q, folded) if h not in (SKIP, UNSURE, "none")]
                    if hits and (q.multiple or len(hits) == 1):
                        known[q.id] = self._one(q, hits)
        said = fold(" ".join(text or "" for text, _ in messages))
        if _NOT_THERE_YET.search(said):
            if known.get("in_canada") == "yes":
                known.pop("in_canada")
            known.pop("location", None)
        elif "location" in known and "in_canada" not in known:
            known["in_canada"] = "yes"  # a Canadian place named as where one is
        return known

    @staticmethod
    def for_someone_else(text: str) -> bool:
        """Whether a message asks on someone else's behalf ("can my cousin get one?", "pour ma soeur")."""
        return bool(_FOR_SOMEONE_ELSE.search(fold(text or "")))

    def statements(self, text: str) -> list[tuple[str, str]]:
        """The clauses of a message that state something, as written and folded: split at punctuation,
        never one that asks ("can a visitor get one?", "if they take my passport") and never a bare
        yes or no, which answers something else."""
        found = []
        for sentence in re.split(r"(?<=[.!?;,\n])\s+", text or ""):
            folded = fold(sentence).strip()
            if (not folded or "?" in folded or _QUESTION_START.match(folded) or self.says("asks", folded)
                    or self.says("yes_word", folded) or self.says("no_word", folded)):
                continue
            found.append((sentence, folded))
        return found

    def pattern_hits(self, question: Question, folded: str) -> list[str]:
        """The options a folded message names by the careful patterns alone (see _pattern_hits)."""
        return self._pattern_hits(question, folded)

    def _pattern_hits(self, question: Question, folded: str) -> list[str]:
        """Options whose patterns match, longest match first: "pas au canada" beats "au canada",
        "not safe" beats "safe", so a negation is never read as its opposite."""
        scored = []
        negated = self.negated
        for o in question.options.values():
            if any(p.search(folded) for p in o.unless):
                continue
            spans = [
                m.end() - m.start()
                for p in o.patterns
                for m in [p.search(folded)]
                if m and (_NEGATION_WORD.match(m.group(0)) or not negated.search(folded[: m.start()]))
            ]
            if spans:
                scored.append((max(spans), o.id))
        if question.when_unclear in {oid for _, oid in scored} and len(scored) > 1:
            return [oid for _, oid in scored]  # two readings, one of them the careful one
        if not question.multiple and len(scored) > 1 and {oid for _, oid in scored} == {"yes", "no"}:
            # "No, I'm back in Manila, it happened when I was in Canada": an answer that opens
            # with a plain yes or no says which it is; the rest is the story.
            lead = _LEADING_YES_NO.match(folded)
            if lead and not _BUT.search(folded):  # "no, not foster care, but a group home": the "but" decides
                want = "yes" if lead.group(1) in _YES_LEADS else "no"
                if want in {oid for _, oid in scored}:
                    return [want]
        if not question.multiple and scored:
            best = max(n for n, _ in scored)
            covered = [oid for n, oid in scored if n == best]
            return covered
        return [oid for _, oid in sorted(scored, key=lambda x: -x[0])] if question.multiple else []

    def _abroad(self, folded: str, place: str) -> bool:
        """Whether a place is named with a country abroad after it ("kingston, jamaica")."""
        if self.abroad_after is None:
            return False
        name = fold(place).strip()
        return any(self.abroad_after.match(folded, m.end())
                   for m in re.finditer(rf"\b{re.escape(name)}\b", folded)) if name else False

    def _place(self, folded: str, text: str, entities: Iterable[Mapping[str, Any]],
               after: int | None = None) -> str | None:
        places = [
            e for e in entities
            if e.get("entity") == "place" and e.get("value")
            and not (isinstance(e.get("start"), int) and _PLACE_NEGATED.search(folded[: e["start"]]))
            and not self._abroad(folded, str(e["value"]))
        ]
        starts = [e["start"] for e in places if isinstance(e.get("start"), int)]
        if len(places) > 1 and len(starts) == len(places):
            # A place corrected ("Hamilton, no sorry, Burlington") or made precise ("au Saguenay,
            # à Jonquière plus précisément") is the one meant.
            precisely = _PRECISELY.search(folded)
            if after is not None and any(s >= after for s in starts):
                places = [e for e in places if e["start"] >= after][:1]
            elif precisely and any(s < precisely.start() for s in starts):
                places = [e for e in places if e["start"] < precisely.start()][-1:]
        named = [str(e["value"]) for e in places]
        if len(named) > 1:
            # "In New Brunswick, in Edmundston": the town says more than its province.
            from bot.places.gazetteer import default_gazetteer

            towns = [n for n in named if getattr(default_gazetteer().get(n), "kind", "city") != "province"]
            named = towns or named
        if named:
            return str(Location.place(named[0]))
        m = POSTAL.search(text)
        if m:
            return str(Location.from_postal_match(m))
        return None


@lru_cache(maxsize=1)
def default_questionnaire() -> Questionnaire:
    return Questionnaire.load()
