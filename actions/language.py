"""The reply language of a conversation, read from its slots (same rule as the NLG: bot/nlg.py)."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.i18n.catalogs import default_catalogs
from bot.i18n.negotiate import conversation_language


def tracker_language(tracker: Tracker) -> str:
    return conversation_language(
        tracker.get_slot("language"), tracker.get_slot("detected_language"), default_catalogs().languages
    )
