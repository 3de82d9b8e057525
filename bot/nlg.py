"""In-process NLG: domain.yml's English responses, translated through gettext, facts filled in.

Rasa loads it from endpoints.yml (`nlg: {type: bot.nlg.TranslatingNLG}`), so translation needs no
separate server and works even when the action server is down (the danger path relies on it).
"""

from __future__ import annotations

import copy
import re
from typing import Any, Dict, Mapping

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.trackers import DialogueStateTracker

from bot.facts import fact_values
from bot.i18n.catalogs import Catalogs, default_catalogs
from bot.i18n.names import own_name
from bot.i18n.negotiate import conversation_language
from bot.stores.memory import idle_ttl_seconds

LANGUAGE_MENU = "utter_choose_language"
# Answers to danger are given in the language of the message that told of it, even against an
# earlier choice: someone in danger writes in the language they can write in at that moment.
MESSAGE_LANGUAGE_RESPONSES = frozenset({"utter_emergency"})
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(text: str, values: Mapping[str, Any]) -> str:
    """Replace {name} placeholders that have a value; leave the others for a reviewer to notice."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if values.get(m.group(1)) is not None else m.group(0), text
    )


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
        self.facts = fact_values()
        self.settings = deployment_settings()

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> Dict[str, Any] | None:
        slots = tracker.current_slot_values()
        if utter_action in MESSAGE_LANGUAGE_RESPONSES:
            latest = tracker.latest_message
            lang = message_language({"entities": latest.entities if latest is not None else []})
            if lang in self.catalogs.languages:
                slots = {**slots, "language": lang}
        return self.generate_from_slots(utter_action, slots, output_channel, **kwargs)

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
        merged = {**values, **self.facts, **self.settings}
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
