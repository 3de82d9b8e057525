"""The default tracker store keeps conversations, returns them, and forgets them after the TTL."""

import asyncio
import time

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores.memory import ExpiringInMemoryTrackerStore


def tracker(sender):
    t = DialogueStateTracker(sender, [TextSlot("language", mappings=[])])
    t.update(UserUttered("hello"))
    t.update(SlotSet("language", "fr"))
    return t


def test_saves_and_returns_the_conversation():
    store = ExpiringInMemoryTrackerStore(Domain.empty())
    asyncio.run(store.save(tracker("a")))
    got = asyncio.run(store.retrieve("a"))
    assert got.get_slot("language") == "fr" and got.latest_message.text == "hello"
    assert asyncio.run(store.retrieve("nobody")) is None
    assert list(asyncio.run(store.keys())) == ["a"]


def test_forgets_after_the_time_to_live(monkeypatch):
    store = ExpiringInMemoryTrackerStore(Domain.empty(), ttl_seconds=60)
    asyncio.run(store.save(tracker("a")))
    later = time.monotonic() + 61
    monkeypatch.setattr(time, "monotonic", lambda: later)
    assert asyncio.run(store.retrieve("a")) is None


def test_ttl_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("TRACKER_TTL_SECONDS", "5")
    assert ExpiringInMemoryTrackerStore(Domain.empty()).ttl == 5.0


def test_forget_erases_at_once():
    store = ExpiringInMemoryTrackerStore(Domain.empty())
    asyncio.run(store.save(tracker("a")))
    assert store.forget("a") and asyncio.run(store.retrieve("a")) is None
