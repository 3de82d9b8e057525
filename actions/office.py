"""The nearest IRCC office to the place a person names (a thin adapter over bot/places/offices.py)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.language import tracker_language
from bot.places.location import POSTAL, Location
from bot.places.offices import default_finder
from bot.screening.result import Texts, office_line


class ActionFindOffice(Action):
    def name(self) -> str:
        return "action_find_office"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        msg = tracker.latest_message or {}
        places = [e["value"] for e in msg.get("entities") or [] if e.get("entity") == "place"]
        postal = POSTAL.search(msg.get("text") or "")
        where = Location.place(places[0]) if places else None
        if where is None and postal:
            where = Location.from_postal_match(postal)
        if where is None:
            dispatcher.utter_message(response="utter_office")
            return []
        t = Texts(tracker_language(tracker))
        dispatcher.utter_message(text=office_line(t, default_finder().nearest(str(where))))
        return []
