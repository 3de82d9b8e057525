"""The default tracker store: conversations kept in this process's memory, and forgotten.

Rasa's own in-memory store serialises every conversation to JSON on each save and rebuilds it on
each message, which costs more than the whole understanding pipeline here (docs/benchmarks.md).
This one keeps the tracker objects as they are, and drops a conversation after `ttl_seconds`
without a message (TRACKER_TTL_SECONDS overrides it), so nothing a person wrote lingers.
"""

from __future__ import annotations

import os
import time
from typing import Any, Dict, Iterable, Tuple

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker, get_trackers_for_conversation_sessions

DEFAULT_TTL_SECONDS = 3600.0


def idle_ttl_seconds(configured: float = DEFAULT_TTL_SECONDS) -> float:
    """How long an idle conversation is kept; the privacy answer tells people the same number."""
    return float(os.environ.get("TRACKER_TTL_SECONDS") or configured)


class ExpiringInMemoryTrackerStore(TrackerStore):
    def __init__(
        self,
        domain: Domain,
        event_broker: EventBroker | None = None,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        host: str | None = None,
        **kwargs: Dict[str, Any],
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.ttl = idle_ttl_seconds(ttl_seconds)
        self._trackers: Dict[str, Tuple[float, DialogueStateTracker]] = {}
        self._next_sweep = 0.0

    def _sweep(self) -> None:
        """Forget conversations idle for longer than the time to live (at most once a second)."""
        now = time.monotonic()
        if now < self._next_sweep:
            return
        self._next_sweep = now + 1.0
        expired = [k for k, (seen, _) in self._trackers.items() if now - seen > self.ttl]
        for key in expired:
            del self._trackers[key]

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        self._trackers[tracker.sender_id] = (time.monotonic(), tracker)
        self._sweep()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        tracker = await self.retrieve_full_tracker(sender_id)
        if tracker is None:
            return None
        sessions = get_trackers_for_conversation_sessions(tracker)
        return tracker if len(sessions) <= 1 else sessions[-1]

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        self._sweep()
        item = self._trackers.get(sender_id)
        return item[1] if item else None

    async def keys(self) -> Iterable[str]:
        self._sweep()
        return list(self._trackers)

    def forget(self, sender_id: str) -> bool:
        """Erase one conversation now (for "end and clear")."""
        return self._trackers.pop(sender_id, None) is not None
