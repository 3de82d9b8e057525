"""What the assistant did with the latest message, read from its tracker: intent, actions, language.

Conversation tests assert these rather than sentences, so a better wording breaks no test.
"""

from __future__ import annotations

from typing import Any

from bench.servers import stored_id

# Actions Rasa runs on every turn; they say nothing about what the assistant chose to do.
_ROUTINE = {"action_listen", "action_session_start"}


def tracker(chat: Any) -> dict[str, Any]:
    """The stored conversation (the store keys it by the keyed hash of the client's sender id)."""
    return chat.assistant.tracker(stored_id(chat.sender))


def last_turn(chat: Any) -> dict[str, Any]:
    """The latest message's intent, the actions that followed it, and the conversation's language slots."""
    t = tracker(chat)
    events = t.get("events", [])
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    after = events[users[-1] + 1:] if users else events
    message = t.get("latest_message") or {}
    return {
        "intent": (message.get("intent") or {}).get("name"),
        "actions": [e["name"] for e in after if e.get("event") == "action" and e["name"] not in _ROUTINE],
        "language": t.get("slots", {}).get("language"),
        "detected_language": t.get("slots", {}).get("detected_language"),
        "active_loop": (t.get("active_loop") or {}).get("name"),
    }


def outcome_text(lang: str, outcome: str) -> str:
    """The outcome's text as the person reads it in `lang` (data/screening.yml and the catalogs)."""
    from bot.i18n.catalogs import default_catalogs
    from bot.screening.questionnaire import default_questionnaire

    english = default_questionnaire().texts[f"outcome.{outcome}"]
    return default_catalogs().pgettext(lang, f"screening.outcome.{outcome}", english)
