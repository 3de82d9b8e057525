"""Tickets are atomic across processes: two servers never answer one conversation at the same time.

Rasa Open Source's RedisLockStore takes a ticket with a read then a write, so processes racing
for one conversation can share a ticket number; the project's store uses INCR and Lua scripts.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import uuid

import redis
from rasa.core.lock_store import LockError, RedisLockStore

from bot.stores.redis_lock import AtomicRedisLockStore

PROCESSES, TURNS = 3, 15
BOUND_SECONDS = 15


def _hold_and_count(port: int, conversation: str, store_class: type, turns: int) -> None:
    """Each turn takes the conversation's lock, then reads, waits and writes a counter."""
    store = store_class(host="127.0.0.1", port=port, key_prefix="test")
    red = redis.Redis(port=port)

    async def one() -> None:
        try:
            async with store.lock(conversation, lock_lifetime=5, wait_time_in_seconds=0.01):
                value = int(red.get(f"count:{conversation}") or 0)
                await asyncio.sleep(0.002)
                red.set(f"count:{conversation}", value + 1)
        except LockError:  # the turn is lost: the lock vanished under it
            pass

    async def run() -> None:
        # A turn still waiting after this long is lost too.
        await asyncio.wait_for(asyncio.gather(*(one() for _ in range(turns))), timeout=BOUND_SECONDS)

    try:
        asyncio.run(run())
    except TimeoutError:
        pass


def _race(port: int, store_class: type) -> int:
    conversation = uuid.uuid4().hex
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_hold_and_count, args=(port, conversation, store_class, TURNS))
             for _ in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(BOUND_SECONDS + 30)
        if p.is_alive():
            p.kill()
    return int(redis.Redis(port=port).get(f"count:{conversation}") or 0)


def test_no_turn_is_lost_when_processes_race_for_one_conversation(redis_server):
    assert _race(redis_server, AtomicRedisLockStore) == PROCESSES * TURNS


def test_rasas_own_redis_lock_store_loses_turns_in_the_same_race(redis_server):
    # The reason for the project's store: the same race with Rasa's loses or overlaps turns.
    assert _race(redis_server, RedisLockStore) < PROCESSES * TURNS


def test_tickets_are_unique_and_the_keys_vanish_when_done(redis_server):
    store = AtomicRedisLockStore(host="127.0.0.1", port=redis_server, key_prefix="test")
    tickets = [store.issue_ticket("c1", 30) for _ in range(50)]
    assert tickets == list(range(1, 51))
    assert store.get_lock("c1").now_serving == 1
    for t in tickets:
        store.cleanup("c1", t)
    assert store.get_lock("c1") is None
    assert not redis.Redis(port=redis_server).keys("test:lock:c1*")


def test_an_expired_ticket_lets_the_next_one_through(redis_server):
    store = AtomicRedisLockStore(host="127.0.0.1", port=redis_server, key_prefix="test")
    first = store.issue_ticket("c2", -1)  # already expired: its holder died
    second = store.issue_ticket("c2", 30)
    store.update_lock("c2")
    assert store.get_lock("c2").now_serving == second != first
