"""A Rasa lock store whose tickets are atomic in Redis, so two servers never run one conversation at once.

Rasa Open Source's RedisLockStore keeps a conversation's tickets as one JSON value and changes it
with a read then a write: two servers taking a ticket at the same moment can get the same number
and both answer the same conversation at once (turns lost or out of order). Here each change is
one Redis operation or Lua script:
- ticket numbers come from INCR;
- the tickets waiting are a hash (number -> expiry); a server only adds or removes its own;
- the last one out deletes both keys in the same script, so a new ticket is never lost.
Configured like any Rasa lock store, in the endpoints file:
    lock_store:
      type: bot.stores.redis_lock.AtomicRedisLockStore
      url: localhost
      port: 6379
      key_prefix: trp
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.stores.redis_client import SOCKET_TIMEOUT_SECONDS

_ISSUE = """
local n = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[2], n, ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return n
"""

_FINISH = """
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('HLEN', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2])
end
return 1
"""


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        kwargs.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        super().__init__(**kwargs)
        self._issue = self.red.register_script(_ISSUE)
        self._finish = self.red.register_script(_FINISH)

    def _keys(self, conversation_id: str) -> list[str]:
        base = self.key_prefix + conversation_id
        return [base + ":seq", base + ":tickets"]

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            expires = time.time() + lock_lifetime
            # The keys outlive the longest ticket, then vanish on their own.
            return int(self._issue(keys=self._keys(conversation_id),
                                   args=[repr(expires), int(lock_lifetime) + 60]))
        except Exception as e:
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        raw = self.red.hgetall(self._keys(conversation_id)[1])
        if not raw:
            return None
        tickets = sorted((int(n), float(exp)) for n, exp in raw.items())
        return TicketLock(conversation_id, deque(Ticket(n, exp) for n, exp in tickets))

    def update_lock(self, conversation_id: str) -> None:
        """Drop expired tickets, one field at a time (never overwriting another server's)."""
        now = time.time()
        raw = self.red.hgetall(self._keys(conversation_id)[1])
        expired = [n for n, exp in raw.items() if float(exp) < now]
        if expired:
            self.red.hdel(self._keys(conversation_id)[1], *expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._finish(keys=self._keys(conversation_id), args=[ticket_number])

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # Rasa's cleanup reads, then deletes: a ticket issued in between would vanish.
        self.finish_serving(conversation_id, ticket_number)

    def delete_lock(self, conversation_id: str) -> None:
        self.red.delete(*self._keys(conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        raise NotImplementedError("tickets change only through issue_ticket and finish_serving")
