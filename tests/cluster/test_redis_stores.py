"""The Redis-backed stores against a real Redis: what two servers must agree on, they agree on."""

from __future__ import annotations

import asyncio

import pytest
import redis
from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.limits import RedisRateLimiter
from bot.stores.erase import erase_conversation
from bot.stores.redis_tracker import ExpiringRedisTrackerStore, MissingSenderHashKey
from bot.stores.telegram_ids import RedisSentMessages


def test_two_servers_count_one_senders_messages_together(redis_server):
    client = redis.Redis(port=redis_server)
    a, b = RedisRateLimiter(5, client, "t1"), RedisRateLimiter(5, client, "t1")
    allowed = [(a if i % 2 else b).allow("sender") for i in range(8)]
    assert allowed == [True] * 5 + [False] * 3
    assert a.allow("someone-else")


def test_the_limit_lets_messages_through_when_redis_is_unreachable():
    from bot.stores.redis_client import shared_redis

    unreachable = shared_redis("redis://127.0.0.1:1/0")
    assert RedisRateLimiter(1, unreachable, "t").allow("s") and RedisRateLimiter(1, unreachable, "t").allow("s")


def test_telegram_message_ids_are_shared_and_forgotten(redis_server):
    client = redis.Redis(port=redis_server)
    one, two = RedisSentMessages(3600, client, "t2"), RedisSentMessages(3600, client, "t2")
    one.add("chat", 10)
    two.add("chat", 11)
    assert 0 < client.ttl("t2:tgmsg:chat") <= 3600
    assert two.pop("chat") == [10, 11]
    assert one.pop("chat") == [] and not client.exists("t2:tgmsg:chat")


def test_the_redis_tracker_store_refuses_to_start_without_a_shared_key(redis_server, monkeypatch):
    monkeypatch.delenv("SENDER_HASH_KEY", raising=False)
    with pytest.raises(MissingSenderHashKey):
        ExpiringRedisTrackerStore(Domain.empty(), host="127.0.0.1", port=redis_server)


def test_conversations_expire_like_in_memory_and_are_erased(redis_server, monkeypatch):
    monkeypatch.setenv("SENDER_HASH_KEY", "k" * 32)
    monkeypatch.setenv("TRACKER_TTL_SECONDS", "120")
    store = ExpiringRedisTrackerStore(Domain.empty(), host="127.0.0.1", port=redis_server, key_prefix="t3")
    for sender in ("a", "b"):
        tracker = DialogueStateTracker(sender, [])
        tracker.update(UserUttered("hello"))
        asyncio.run(store.save(tracker))
    client = redis.Redis(port=redis_server)
    assert 100 < client.ttl("t3:tracker:a") <= 120
    assert erase_conversation(AwaitableTrackerStore(FailSafeTrackerStore(store)), "a")
    assert not client.exists("t3:tracker:a") and client.exists("t3:tracker:b")
