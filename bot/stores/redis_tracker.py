"""Conversations in Redis, for several Rasa servers: Rasa's RedisTrackerStore, with this project's rules.

- the same idle time to live as the in-memory default (TRACKER_TTL_SECONDS; `record_exp`, reset on
  every save), so the privacy answer stays true;
- a key prefix, so erasing and inspecting touch only the assistant's keys;
- short socket timeouts: while Redis is down a message gets a clear answer instead of hanging;
- it refuses to start without SENDER_HASH_KEY: every server must hash a person's id the same way,
  or the next message, landing on another server, would start a new conversation.
"""

from __future__ import annotations

import os
from typing import Any

from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.domain import Domain

from bot.stores.memory import DEFAULT_TTL_SECONDS, idle_ttl_seconds
from bot.stores.redis_client import SOCKET_TIMEOUT_SECONDS


class MissingSenderHashKey(RuntimeError):
    pass


class ExpiringRedisTrackerStore(RedisTrackerStore):
    def __init__(
        self,
        domain: Domain,
        host: str = "localhost",
        port: int = 6379,
        db: int = 0,
        record_exp: float | None = None,
        key_prefix: str | None = "trp",
        socket_timeout: float = SOCKET_TIMEOUT_SECONDS,
        **kwargs: Any,
    ) -> None:
        if not os.environ.get("SENDER_HASH_KEY"):
            raise MissingSenderHashKey(
                "SENDER_HASH_KEY must be set (the same long random value on every server) to keep "
                "conversations in Redis"
            )
        ttl = int(idle_ttl_seconds(float(record_exp or DEFAULT_TTL_SECONDS)))
        super().__init__(domain, host=host, port=int(port), db=int(db), record_exp=ttl,
                         key_prefix=key_prefix, **kwargs)
        import redis

        # Rasa's client has no timeout; the same connection with one.
        kwargs_of = self.red.connection_pool.connection_kwargs  # type: ignore[has-type]
        self.red = redis.StrictRedis(
            **{k: v for k, v in kwargs_of.items() if k not in ("socket_timeout", "socket_connect_timeout")},
            socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout,
        )

    def forget(self, sender_id: str) -> bool:
        """Erase one conversation now, whichever server holds the request."""
        self.red.delete(self.key_prefix + sender_id)
        return True
