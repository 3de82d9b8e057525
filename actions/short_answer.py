"""A short answer with no question waiting: "OK, what would you like to know?", or, when the
message was not understood, the honest fallback with the numbers (bot/short_answer.py)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.short_answer import is_plain_short_answer


class ShortAnswer(Action):
    def name(self) -> str:
        return "action_short_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict]:
        msg = tracker.latest_message or {}
        intent = msg.get("intent") or {}
        plain = is_plain_short_answer(msg.get("text") or "", intent.get("name"), intent.get("confidence") or 0.0)
        dispatcher.utter_message(response="utter_how_can_i_help" if plain else "utter_default")
        return []
