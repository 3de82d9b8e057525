"""The Redis connection every server of a cluster shares, from REDIS_URL (unset: no Redis at all).

The rate limit and the Telegram message ids live here when several servers must agree on them.
Short timeouts: a Redis that is down must cost a person a clear answer, not a hung server.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

SOCKET_TIMEOUT_SECONDS = 2.0


def redis_url() -> str | None:
    return os.environ.get("REDIS_URL") or None


def key_prefix() -> str:
    """Every key the project writes starts with this (REDIS_KEY_PREFIX, alphanumeric)."""
    prefix = os.environ.get("REDIS_KEY_PREFIX") or "trp"
    return prefix if prefix.isalnum() else "trp"


@cache
def shared_redis(url: str) -> Any:
    import redis

    return redis.Redis.from_url(
        url, socket_timeout=SOCKET_TIMEOUT_SECONDS, socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
        health_check_interval=30,
    )
