"""In-process NLG: domain.yml's English responses, translated through gettext, facts filled in.

Rasa loads it from endpoints.yml (`nlg: {type: bot.nlg.TranslatingNLG}`), so translation needs no
separate server and works even when the action server is down (the danger path relies on it).
"""

from __future__ import annotations

import copy
from typing import Any, Dict, Mapping

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.trackers import DialogueStateTracker

from bot.facts import fact_values
from bot.i18n.catalogs import Catalogs, default_catalogs
from bot.i18n.names import own_name
from bot.i18n.negotiate import conversation_language
from bot.nlu.message_parts import asks_something
from bot.placeholders import fill
from bot.stores.memory import idle_ttl_seconds

LANGUAGE_MENU = "utter_choose_language"
# Answers to danger are given in the language of the message that told of it, even against an
# earlier choice: someone in danger writes in the language they can write in at that moment.
MESSAGE_LANGUAGE_RESPONSES = frozenset({"utter_emergency"})


# The "Check my options" button of utter_trp, offered after a question asked at the end of a story.
OFFER_CONTEXT, OFFER_TITLE, OFFER_PAYLOAD = "utter_trp", "Check my options", "/ask_eligibility"


def offers_questions(utter_action: str, parts: Mapping[str, Any] | None, active_loop: str | None) -> bool:
    """Whether an answer should end with the offer to go through the questions: after a story that
    ended with a question (bot/nlu/message_parts.py), outside the questions, never after 911."""
    return (parts is not None and bool(parts.get("story")) and not active_loop
            and utter_action not in ("utter_emergency", "utter_default", LANGUAGE_MENU))


def asked_beside_danger(utter_action: str, parse: Mapping[str, Any]) -> str | None:
    """The question (an ask_* intent) a message asked beside the danger it told, if any."""
    if utter_action != "utter_emergency":
        return None
    if not asks_something(str(parse.get("text") or "")):
        # "He's not waking up, foam on his mouth": the classifier's topic (health care) was not asked.
        return None
    parts = parse.get("message_parts") or {}
    overrode = (parse.get("safety_net") or {}).get("overrode")
    # The part that asks, read on its own, before the whole message's topic.
    asked = parts.get("asked_intent") or (overrode if overrode not in (None, "in_danger") else None)
    return asked if isinstance(asked, str) and asked.startswith("ask_") else None


def deployment_settings() -> Dict[str, Any]:
    """Values of this deployment that responses state: not sourced facts, but told as configured."""
    return {"forget_after_minutes": max(1, round(idle_ttl_seconds() / 60))}


def message_language(parsed: Mapping[str, Any] | None) -> str | None:
    """The language one parsed message is written in (or names), when the NLU found it."""
    entities = (parsed or {}).get("entities") or []
    for name in ("language", "detected_language"):
        for entity in entities:
            if entity.get("entity") == name and entity.get("value"):
                return str(entity["value"])
    return None


def reply_language(slots: Mapping[str, Any], available: list[str]) -> str:
    return conversation_language(slots.get("language"), slots.get("detected_language"), available)


class TranslatingNLG(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Any = None, domain: Any = None, **kwargs: Any) -> None:
        super().__init__(domain.responses if domain is not None else {})
        self.catalogs: Catalogs = kwargs.get("catalogs") or default_catalogs()
        # Per language: a French reply gets the French page of a URL.
        self.facts = {lang: fact_values(lang) for lang in self.catalogs.languages}
        self.settings = deployment_settings()

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> Dict[str, Any] | None:
        slots = tracker.current_slot_values()
        latest_entities = tracker.latest_message.entities if tracker.latest_message is not None else []
        if any(e.get("entity") == "other_language" for e in latest_entities or []):
            in_every = self.in_every_language(utter_action, slots, output_channel, **kwargs)
            if in_every is not None:
                return in_every
        if utter_action in MESSAGE_LANGUAGE_RESPONSES:
            # Danger is answered in the language of the message that told it, whatever was chosen.
            latest = tracker.latest_message
            lang = message_language({"entities": latest.entities if latest is not None else []})
            if lang in self.catalogs.languages:
                slots = {**slots, "language": lang}
        response = self.generate_from_slots(utter_action, slots, output_channel, **kwargs)
        parse = (tracker.latest_message.parse_data or {}) if tracker.latest_message else {}
        parts = parse.get("message_parts")
        rest = asked_beside_danger(utter_action, parse)
        if response is not None and rest and f"utter_{rest[4:]}" in self.responses:
            # Danger anywhere comes first; then what else the message asked, in the same answer.
            extra = self.generate_from_slots(f"utter_{rest[4:]}", slots, output_channel)
            if extra and extra.get("text"):
                response["text"] = f"{response['text']}\n\n{extra['text']}"
        if response is not None and offers_questions(utter_action, parts, tracker.active_loop_name):
            # A story ending with a question: the question is answered, then the questions offered.
            lang = reply_language(slots, self.catalogs.languages)
            title = self.catalogs.pgettext(lang, OFFER_CONTEXT, OFFER_TITLE)
            if all(b.get("payload") != OFFER_PAYLOAD for b in response.get("buttons") or []):
                response["buttons"] = [*(response.get("buttons") or []), {"title": title, "payload": OFFER_PAYLOAD}]
        return response

    def in_every_language(self, utter_action: str, slots: Dict[str, Any], output_channel: str,
                          **kwargs: Any) -> Dict[str, Any] | None:
        """A message written in a language the assistant does not write: not understood is said, and
        the safety answer given, in every language it writes, with the hotline's interpreters."""
        from bot.system_texts import system_text  # it reads this module's settings

        if utter_action == "utter_default":
            first = self.generate_from_slots(utter_action, slots, output_channel, **kwargs) or {}
            return {**first, "text": system_text("other_language")}
        if utter_action in MESSAGE_LANGUAGE_RESPONSES:
            replies = [self.generate_from_slots(utter_action, {**slots, "language": lang}, output_channel, **kwargs)
                       for lang in self.catalogs.languages]
            texts = [r["text"] for r in replies if r and r.get("text")]
            if texts:
                return {**(replies[0] or {}), "text": "\n\n".join(texts)}
        return None

    def generate_from_slots(
        self,
        utter_action: str,
        filled_slots: Dict[str, Any],
        output_channel: str,
        **kwargs: Any,
    ) -> Dict[str, Any] | None:
        response = copy.deepcopy(self._random_response_for(utter_action, output_channel, filled_slots))
        if response is None:
            return None
        lang = reply_language(filled_slots, self.catalogs.languages)
        return self.render(utter_action, response, lang, {**filled_slots, **kwargs})

    def render(self, name: str, response: Dict[str, Any], lang: str, values: Mapping[str, Any]) -> Dict[str, Any]:
        """Translate a response's text and buttons into `lang` and fill in facts and slots."""
        facts = self.facts.get(lang) or fact_values(lang)
        merged = {**values, **facts, **self.settings}
        tr = self.catalogs.pgettext
        if response.get("text"):
            response["text"] = fill(tr(lang, name, response["text"]), merged)
        buttons = response.get("buttons") or []
        for button in buttons:
            button["title"] = fill(tr(lang, name, button.get("title", "")), merged)
        if name == LANGUAGE_MENU:
            response["buttons"] = [
                {"title": own_name(code), "payload": f'/change_language{{"language":"{code}"}}'}
                for code in self.catalogs.languages
            ]
        return response
