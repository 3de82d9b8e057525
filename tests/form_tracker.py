"""A tracker holding what a person said, for action tests with CollectingDispatcher."""

from typing import Any

from rasa_sdk import Tracker

from actions.screening_form import ASK_ACTIONS

FORM_DOMAIN = {"slots": {}, "forms": {"screening_form": {"required_slots": list(ASK_ACTIONS)}}}


def said_tracker(said: list[str], requested: str | None = None, **slots: Any) -> Tracker:
    """The person's messages as user events, the last one as the latest; the form active when a slot
    is requested."""
    events = [{"event": "user", "text": text, "parse_data": {"entities": []}} for text in said]
    latest = said[-1] if said else ""
    return Tracker(
        "test", {"requested_slot": requested, **slots},
        {"text": latest, "intent": {"name": None, "confidence": 0.9}, "entities": []},
        events, False, None, {"name": "screening_form"} if requested else {}, "action_listen",
    )
