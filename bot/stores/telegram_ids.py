"""Ids of a Telegram chat's messages, so /forget can delete them; forgotten with the conversation.

In memory for one server; in Redis (REDIS_URL) when several servers answer the same chats, since
the /forget may land on a server that did not send the messages. Keyed by the hashed sender only.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Dict, List

logger = logging.getLogger(__name__)

MAX_REMEMBERED = 300


class SentMessages:
    """In this process's memory, for as long as the conversation is kept."""

    def __init__(self, ttl_seconds: float) -> None:
        self.ttl = ttl_seconds
        self._ids: Dict[str, tuple[float, List[int]]] = {}

    def add(self, sender: str, message_id: int) -> None:
        now = time.monotonic()
        for key in [k for k, (seen, _) in self._ids.items() if now - seen > self.ttl]:
            del self._ids[key]
        ids = self._ids.get(sender, (now, []))[1]
        ids.append(message_id)
        self._ids[sender] = (now, ids[-MAX_REMEMBERED:])

    def pop(self, sender: str) -> List[int]:
        return self._ids.pop(sender, (0.0, []))[1]


class RedisSentMessages:
    """The same, as a Redis list per chat with the conversation's time to live."""

    def __init__(self, ttl_seconds: float, client: Any, prefix: str) -> None:
        self.ttl, self.client, self.prefix = max(1, int(ttl_seconds)), client, prefix

    def _key(self, sender: str) -> str:
        return f"{self.prefix}:tgmsg:{sender}"

    def add(self, sender: str, message_id: int) -> None:
        try:
            pipe = self.client.pipeline()
            pipe.rpush(self._key(sender), int(message_id))
            pipe.ltrim(self._key(sender), -MAX_REMEMBERED, -1)
            pipe.expire(self._key(sender), self.ttl)
            pipe.execute()
        except Exception as e:  # the message still goes out; only its later deletion is lost
            logger.warning("telegram ids: Redis unavailable (%s)", type(e).__name__)

    def pop(self, sender: str) -> List[int]:
        try:
            pipe = self.client.pipeline()  # a transaction: read and delete at once
            pipe.lrange(self._key(sender), 0, -1)
            pipe.delete(self._key(sender))
            ids, _ = pipe.execute()
            return [int(i) for i in ids]
        except Exception as e:
            logger.warning("telegram ids: Redis unavailable (%s)", type(e).__name__)
            return []


def sent_messages_store(ttl_seconds: float) -> SentMessages | RedisSentMessages:
    from bot.stores.redis_client import key_prefix, redis_url, shared_redis

    url = redis_url()
    if url:
        return RedisSentMessages(ttl_seconds, shared_redis(url), key_prefix())
    return SentMessages(ttl_seconds)
