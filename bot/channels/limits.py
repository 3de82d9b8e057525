"""A per-conversation limit on messages a minute, so one sender cannot flood the assistant.

Kept by hashed sender id only, and only for the last minute: in memory, or in Redis (REDIS_URL)
when several servers share the conversations and must count the same messages.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from typing import Any, Callable, Deque, Dict

logger = logging.getLogger(__name__)

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


# The last minute's messages of one sender, as a sorted set of times; one atomic script per message.
_ALLOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - 60)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('EXPIRE', KEYS[1], 61)
return 1
"""


class RedisRateLimiter:
    """The same limit, counted in Redis so that every server sees every message of a sender.

    When Redis cannot be reached the message is let through: the conversation itself then gets
    its own clear answer, and a limit must never be why a person is not heard.
    """

    def __init__(self, per_minute: int, client: Any, prefix: str, clock: Callable[[], float] = time.time) -> None:
        self.per_minute, self.client, self.prefix, self.clock = per_minute, client, prefix, clock
        self._allow = client.register_script(_ALLOW)

    def allow(self, sender: str) -> bool:
        try:
            key = f"{self.prefix}:rate:{sender}"
            return bool(self._allow(keys=[key], args=[self.clock(), self.per_minute, uuid.uuid4().hex]))
        except Exception as e:
            logger.warning("rate limit: Redis unavailable (%s); message let through", type(e).__name__)
            return True


def limiter_from_environment() -> RateLimiter | RedisRateLimiter:
    """In Redis when REDIS_URL is set (a cluster), else in this process's memory."""
    from bot.stores.redis_client import key_prefix, redis_url, shared_redis

    url = redis_url()
    if url:
        return RedisRateLimiter(per_minute_setting(), shared_redis(url), key_prefix())
    return RateLimiter(per_minute_setting())
