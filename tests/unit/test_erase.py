"""Erasing one conversation leaves the others, through Rasa's store wrappers."""

import asyncio

from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore, InMemoryTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores.erase import erase_conversation
from bot.stores.memory import ExpiringInMemoryTrackerStore


def _filled(store, *senders):
    for sender in senders:
        tracker = DialogueStateTracker(sender, [])
        tracker.update(UserUttered("hello"))
        asyncio.run(store.save(tracker))


def _wrapped(store):
    return AwaitableTrackerStore(FailSafeTrackerStore(store))


def test_the_projects_store_forgets_one_conversation():
    store = ExpiringInMemoryTrackerStore(Domain.empty())
    _filled(store, "a", "b")
    assert erase_conversation(_wrapped(store), "a")
    assert asyncio.run(store.retrieve("a")) is None
    assert asyncio.run(store.retrieve("b")) is not None
    assert erase_conversation(_wrapped(store), "never-seen")


def test_rasas_in_memory_store_forgets_one_conversation():
    store = InMemoryTrackerStore(Domain.empty())
    _filled(store, "a", "b")
    assert erase_conversation(_wrapped(store), "a")
    assert asyncio.run(store.retrieve("a")) is None and asyncio.run(store.retrieve("b")) is not None


def test_a_store_that_cannot_erase_says_so():
    class Unknown(TrackerStore):
        async def save(self, tracker):
            pass

        async def retrieve(self, sender_id):
            return None

        async def keys(self):
            return []

    assert not erase_conversation(_wrapped(Unknown(Domain.empty())), "a")
