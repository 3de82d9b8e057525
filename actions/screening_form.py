"""Rasa adapters for the screening conversation: thin wrappers over bot/screening and actions/eligibility.

- validate_screening_form: which questions remain (data/screening.yml's ask_if) and what each
  free-text or button answer means;
- action_ask_q_<question>: asks one question, with its buttons, in the person's language;
- action_start_screening / action_screening_result / action_screening_stopped.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.eligibility import assess
from actions.language import tracker_language
from bot.i18n.catalogs import default_catalogs
from bot.normalise import fold
from bot.safety.danger import default_net
from bot.screening import remembered as remembering
from bot.screening.answer_classifier import default_classifier
from bot.screening.questionnaire import SKIP, UNSURE, Option, Question, Reading, default_questionnaire
from bot.screening.remembered import SIGNS, read_confirmation, remembered_signs
from bot.screening.result import Texts, province_of, render

FORM = "screening_form"
QUESTIONNAIRE = default_questionnaire()
# Intents that, when no answer is found in the message, still mean the person was answering
# (out_of_scope too: a status told in one's own words often reads as off-topic). Any other intent
# means the person asked something else: the form steps aside, a rule answers, the question
# comes back.
ANSWER_INTENTS = {"affirm", "deny", "dont_know", "prefer_not_say", "nlu_fallback", "out_of_scope", None}
# Where the form is: {"question": id, "misses": n, "clarify": id, "turn": n}; never shown to anyone.
TURN = "screening_turn"


def _classify(question_id: str, text: str) -> tuple[str, float]:
    return default_classifier().classify(question_id, text)


default_classifier()  # trained when the action server starts (a few seconds), not at a first answer


def user_turns(tracker: Tracker) -> int:
    return sum(1 for e in tracker.events if e.get("event") == "user")


def turn_state(tracker: Tracker) -> Dict[str, Any]:
    state = tracker.get_slot(TURN)
    return state if isinstance(state, dict) else {}


def answers_from(tracker: Tracker) -> Dict[str, Any]:
    return {q.id: tracker.get_slot(q.slot) for q in QUESTIONNAIRE.questions.values()}


def all_labels(question: Question, option: Option) -> List[str]:
    """An option's label in every language, so a button pressed in French is understood anywhere."""
    catalogs = default_catalogs()
    return [
        catalogs.pgettext(lang, f"screening.{question.id}.{option.id}", option.label) for lang in catalogs.languages
    ]


def read(tracker: Tracker, question: Question) -> Reading:
    msg = tracker.latest_message or {}
    return QUESTIONNAIRE.read(
        question,
        msg.get("text") or "",
        (msg.get("intent") or {}).get("name"),
        msg.get("entities") or [],
        labels=all_labels,
        classify=_classify,
    )


def remembered(tracker: Tracker, question: Question, before_latest: bool) -> List[str]:
    """Signs told earlier, offered back at the situation question for the person to confirm: from the
    messages since the questions last ended, without the one being read as the reply."""
    if question.id != SIGNS or not remembering.OFFER_REMEMBERED_SIGNS:
        return []
    said = [text for text, _ in said_since_last_questions(tracker)]
    return remembered_signs(QUESTIONNAIRE, said[:-1] if before_latest else said)


def read_reply(tracker: Tracker, question: Question) -> Reading:
    """The reading of a reply, as a confirmation when earlier signs were offered back ("yes", "no, but
    they threaten me"), otherwise as usual. Remembered signs are taken only from a reply that agrees."""
    signs = remembered(tracker, question, before_latest=True)
    if signs:
        agree = [Texts(lang).text("remembered.yes") for lang in default_catalogs().languages]
        confirmation = read_confirmation(QUESTIONNAIRE, (tracker.latest_message or {}).get("text") or "", signs,
                                         agree)
        if confirmation.kind != "other":
            return Reading("answer", confirmation.answer, source="confirmation")
    return read(tracker, question)


def is_skip_button(text: str) -> bool:
    """The "Skip this question" button offered after two misses, in any language."""
    folded = fold(text or "").strip(" .!?")
    return any(fold(Texts(lang).text("skip_button")).strip(" .!?") == folded
               for lang in default_catalogs().languages)


class ValidateScreeningForm(FormValidationAction):
    def name(self) -> str:
        return "validate_screening_form"

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        return [q.slot for q in QUESTIONNAIRE.to_be_asked(answers_from(tracker))]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        before = tracker.get_slot(TURN)
        events: List[EventType] = await super().run(dispatcher, tracker, domain)
        after = tracker.slots.get(TURN)
        # The base class keeps only the questions' slots; where the form is travels beside them.
        return events + ([SlotSet(TURN, after)] if after != before else [])

    async def extract_answer(
        self, question: Question, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[str, Any]:
        if tracker.get_slot("requested_slot") != question.slot:
            return {}
        msg = tracker.latest_message or {}
        intent = (msg.get("intent") or {}).get("name")
        text = msg.get("text") or ""
        t = Texts(tracker_language(tracker))
        state = turn_state(tracker)
        misses = state.get("misses", 0) if state.get("question") == question.id else 0
        in_danger = intent == "in_danger" or default_net().match(text) is not None
        if in_danger and question.id == "safe_now":
            return self._answered(tracker, question, "no")  # "i don't feel safe" is an answer, and it is no
        if is_skip_button(text):
            return self._answered(tracker, question, SKIP)
        reading = read_reply(tracker, question)
        answer = reading.answer
        if in_danger:
            if answer is None:
                return {}  # the danger rule answers, then the form asks again
            # An answer in the same message is kept, so nothing said is lost ("he beats me and took
            # my passport", a tapped "Threats or violence"). The form took the message, so the
            # danger rule will not run: the 911 guidance is given here, first.
            dispatcher.utter_message(response="utter_emergency")
            if QUESTIONNAIRE.next_question({**answers_from(tracker), question.id: answer}) is not None:
                dispatcher.utter_message(text=t.text("go_on_after_danger"))
            return self._with_place(tracker, question, answer, self._answered(tracker, question, answer))
        if answer is not None:
            return self._with_place(tracker, question, answer, self._answered(tracker, question, answer))
        if reading.kind == "clarify":
            c = reading.clarification
            assert c is not None, "Questionnaire.read gives the clarify kind only with its clarification"
            buttons = [{"title": label, "payload": label}
                       for label in (t.text(f"clarify.{question.id}.{c.id}.{o}") for o in c.options)]
            dispatcher.utter_message(text=t.text(f"clarify.{question.id}.{c.id}"), buttons=buttons)
            self._remember(tracker, question, misses, clarify=c.id)
            return {question.slot: None}
        if reading.kind == "go_on":
            # "I'm fine now, let's continue": not an answer, and not a miss either.
            dispatcher.utter_message(text=t.text("go_on"))
            self._remember(tracker, question, misses)
            return {question.slot: None}
        told = intent in question.told_not_asked and not QUESTIONNAIRE.says("asks", fold(text))
        if intent not in ANSWER_INTENTS and not told:
            return {}  # a question in the middle: answered by a rule, then we come back
        misses += 1
        if misses >= 3:
            # Never the same non-answer again: the question is left aside (for safety, "not sure",
            # which still gives the 911 guidance).
            dispatcher.utter_message(text=t.text("missed_skipped"))
            return self._answered(tracker, question, UNSURE if question.id == "safe_now" else SKIP)
        dispatcher.utter_message(text=t.text("not_understood" if misses == 1 else "missed_twice"))
        self._remember(tracker, question, misses)
        return {question.slot: None}

    @staticmethod
    def _with_place(tracker: Tracker, question: Question, answer: Any, slots: Dict[str, Any]) -> Dict[str, Any]:
        """A place named while answering another question ("yeah, Edmonton") is kept for the place
        question, so it is not asked again; never one the person is not in ("no, I was in Regina")."""
        where = QUESTIONNAIRE.questions.get("location")
        if where is None or question.id == where.id or tracker.get_slot(where.slot) is not None:
            return slots
        if question.id == "in_canada" and answer != "yes":
            return slots
        msg = tracker.latest_message or {}
        place = QUESTIONNAIRE.known_answers([(msg.get("text") or "", msg.get("entities") or [])]).get(where.id)
        return {**slots, where.slot: place} if place else slots

    @staticmethod
    def _remember(tracker: Tracker, question: Question, misses: int, clarify: str | None = None) -> None:
        tracker.slots[TURN] = {"question": question.id, "misses": misses, "clarify": clarify,
                               "turn": user_turns(tracker)}

    @staticmethod
    def _answered(tracker: Tracker, question: Question, answer: Any) -> Dict[str, Any]:
        tracker.slots[TURN] = None
        return {question.slot: answer}

    async def validate_q_safe_now(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        # Not sure is not safe enough to say nothing: the same 911 and hotline guidance. A danger
        # phrase here is answered by this, not by the danger rule: the form took it as its answer.
        if value in ("no", UNSURE):
            dispatcher.utter_message(response="utter_emergency")
            # The guidance says "write to me when you are ready"; the next question follows, so
            # say plainly that going on now is a choice (staff note: do not push).
            dispatcher.utter_message(text=Texts(tracker_language(tracker)).text("go_on_after_danger"))
        return {"q_safe_now": value}


Extractor = Callable[[ValidateScreeningForm, CollectingDispatcher, Tracker, DomainDict], Awaitable[Dict[str, Any]]]
Validator = Callable[
    [ValidateScreeningForm, Any, CollectingDispatcher, Tracker, DomainDict], Awaitable[Dict[str, Any]]
]


def _make_extractor(question: Question) -> Extractor:
    async def extract(
        self: ValidateScreeningForm, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return await self.extract_answer(question, dispatcher, tracker)

    extract.__name__ = f"extract_{question.slot}"
    return extract


def _make_validator(question: Question) -> Validator:
    async def validate(self: ValidateScreeningForm, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> Dict[str, Any]:
        return {question.slot: value}  # the extractor already read it; Rasa SDK warns without one

    validate.__name__ = f"validate_{question.slot}"
    return validate


for _q in QUESTIONNAIRE.questions.values():
    setattr(ValidateScreeningForm, f"extract_{_q.slot}", _make_extractor(_q))
    if not hasattr(ValidateScreeningForm, f"validate_{_q.slot}"):
        setattr(ValidateScreeningForm, f"validate_{_q.slot}", _make_validator(_q))


class AskQuestion:
    """Asks one question of data/screening.yml; one Action class per question is made below."""

    question: Question

    def name(self) -> str:
        return f"action_ask_{self.question.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        t = Texts(tracker_language(tracker))
        state = turn_state(tracker)
        this_turn = state.get("question") == self.question.id and state.get("turn") == user_turns(tracker)
        if this_turn and state.get("clarify"):
            return []  # the short clarifying question, with its buttons, is the question this time
        if _emergency_this_turn(tracker):
            # The danger rule just said "write to me when you are ready": going on is a choice.
            dispatcher.utter_message(text=t.text("go_on_after_danger"))
        titles = [t.label(self.question, o) for o in self.question.options]
        text = t.question(self.question)
        signs = remembered(tracker, self.question, before_latest=False)
        if signs:
            # Said earlier: asked as a confirmation in one line, never taken without it.
            text = t.text("remembered", signs="; ".join(t.text(f"remembered.{s}") for s in signs))
            titles.insert(0, t.text("remembered.yes"))
        if this_turn and state.get("misses", 0) >= 2 and SKIP not in self.question.options:
            titles.append(t.text("skip_button"))
        dispatcher.utter_message(text=text, buttons=[{"title": title, "payload": title} for title in titles])
        if (tracker.latest_message.get("metadata") or {}).get("staff") is True:
            # The web page's staff mode (?staff=1): hotline staff see the question's note beside it.
            dispatcher.utter_message(json_message={"staff_note": t.staff_note(self.question)})
        return []


def _emergency_this_turn(tracker: Tracker) -> bool:
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "utter_emergency":
            return True
    return False


ASK_ACTIONS = {
    q.slot: type(f"AskQuestion_{q.id}", (AskQuestion, Action), {"question": q})
    for q in QUESTIONNAIRE.questions.values()
}


class StartScreening(Action):
    """Clears earlier answers and explains how the questions work."""

    def name(self) -> str:
        return "action_start_screening"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        t = Texts(tracker_language(tracker))
        dispatcher.utter_message(text=t.text("intro"))
        said = said_since_last_questions(tracker)
        if any(QUESTIONNAIRE.for_someone_else(text) for text, _ in said):
            dispatcher.utter_message(text=t.text("for_someone_else"))
        known = QUESTIONNAIRE.known_answers(said)
        reasons = [r for qid, a in known.items() for o in (a if isinstance(a, list) else [a])
                   if (r := t.reason(qid, o))]
        if reasons:
            # Said already, in the opening message or before: confirmed in one line, not asked again.
            dispatcher.utter_message(text=t.text("already_known", answers=" ".join(reasons)))
        return ([SlotSet(slot, None) for slot in QUESTIONNAIRE.slots] + [SlotSet(TURN, None)]
                + [SlotSet(QUESTIONNAIRE.questions[qid].slot, a) for qid, a in known.items()])


def said_since_last_questions(tracker: Tracker) -> List[tuple[str, List[Dict[str, Any]]]]:
    """The person's messages (text, entities) since the questions last ended (or the conversation began)."""
    said: List[tuple[str, List[Dict[str, Any]]]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in ("action_screening_result",
                                                                     "action_screening_stopped"):
            break
        if event.get("event") == "user":
            parse = event.get("parse_data") or {}
            said.append((event.get("text") or "", parse.get("entities") or []))
    return list(reversed(said))


class ScreeningResult(Action):
    """What may fit, why, what to do next and who can help; then forgets the answers."""

    def name(self) -> str:
        return "action_screening_result"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        answers = answers_from(tracker)
        location = answers.get("location")
        location = location if isinstance(location, str) and ":" in location else None
        # The province only changes what is said (a route that excludes Quebec says so there).
        for text in render(assess(answers, province_of(location)), tracker_language(tracker), location):
            dispatcher.utter_message(text=text)
        return [SlotSet(slot, None) for slot in QUESTIONNAIRE.slots]


class ScreeningStopped(Action):
    def name(self) -> str:
        return "action_screening_stopped"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=Texts(tracker_language(tracker)).text("stopped"))
        return ([SlotSet(slot, None) for slot in QUESTIONNAIRE.slots] + [SlotSet("requested_slot", None)]
                + [SlotSet(TURN, None)])
