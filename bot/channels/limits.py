"""A per-conversation limit on messages a minute, so one sender cannot flood the assistant.

Kept in memory by hashed sender id only, and only for the last minute.
"""

from __future__ import annotations

import os
import time
from collections import deque
from typing import Callable, Deque, Dict

DEFAULT_PER_MINUTE = 30


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute, self.clock = per_minute, clock
        self._seen: Dict[str, Deque[float]] = {}
        self._next_sweep = 0.0

    def allow(self, sender: str) -> bool:
        now = self.clock()
        if now >= self._next_sweep:  # drop senders quiet for a minute (at most once a minute)
            self._next_sweep = now + 60
            for key in [k for k, times in self._seen.items() if not times or now - times[-1] > 60]:
                del self._seen[key]
        times = self._seen.setdefault(sender, deque())
        while times and now - times[0] > 60:
            times.popleft()
        if len(times) >= self.per_minute:
            return False
        times.append(now)
        return True


def per_minute_setting() -> int:
    return int(os.environ.get("MESSAGES_PER_MINUTE") or DEFAULT_PER_MINUTE)
