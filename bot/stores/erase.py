"""Erase one conversation from whichever tracker store the server runs with ("/forget")."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)


def _innermost(store: Any) -> Any:
    """Rasa wraps the configured store (FailSafeTrackerStore, AwaitableTrackerStore)."""
    seen = set()
    while hasattr(store, "_tracker_store") and id(store) not in seen:
        seen.add(id(store))
        store = store._tracker_store
    return store


def erase_conversation(tracker_store: Any, sender_id: str) -> bool:
    """True when the store no longer holds the conversation (or never did)."""
    from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore

    store = _innermost(tracker_store)
    if hasattr(store, "forget"):
        store.forget(sender_id)
        return True
    if isinstance(store, RedisTrackerStore):
        store.red.delete(store.key_prefix + sender_id)
        return True
    if isinstance(store, InMemoryTrackerStore):
        store.store.pop(sender_id, None)
        return True
    logger.warning("erase: the %s cannot erase one conversation", type(store).__name__)
    return False
