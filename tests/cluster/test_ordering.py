"""Many turns of the same conversations sent at once to both Rasa servers: each conversation is
answered one turn at a time, with nothing lost, doubled or mixed up (read back from Redis)."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench.servers import stored_id

QUESTIONS = [
    "how much does the permit cost?", "how long does the permit last?", "can i work with the permit?",
    "do i need a lawyer?", "can i see a doctor?", "is the interview scary?",
] * 3
CONVERSATIONS = 4
STAGGER = 0.005  # seconds between two turns of one conversation: they all overlap


def test_turns_sent_at_once_to_both_servers_are_kept_in_order(cluster):
    senders = [f"order-{uuid.uuid4().hex}" for _ in range(CONVERSATIONS)]
    start = time.monotonic() + 0.5

    def turn(sender: str, k: int) -> tuple[str, int, float, float, str]:
        time.sleep(max(0.0, start + k * STAGGER - time.monotonic()))
        sent = time.monotonic()
        message = f"{QUESTIONS[k]} ({k})"
        answer = cluster.say(sender, message, base=cluster.rasa_url(k % 2))
        return sender, k, sent, time.monotonic(), answer

    jobs = [(s, k) for s in senders for k in range(len(QUESTIONS))]
    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(lambda job: turn(*job), jobs))

    for sender in senders:
        events = cluster.stored_events(stored_id(sender))
        said = [e.get("text") for e in events if e["event"] == "user"]
        mine = {k: (sent, done, answer) for s, k, sent, done, answer in results if s == sender}
        # Nothing lost, nothing doubled.
        assert sorted(said) == sorted(f"{QUESTIONS[k]} ({k})" for k in mine)
        order = [int(text.rsplit("(", 1)[1].rstrip(")")) for text in said]
        # A turn answered before another was sent comes first in the conversation.
        for i, a in enumerate(order):
            for b in order[i + 1:]:
                assert not mine[b][1] < mine[a][0], f"turn {b} answered before {a} was sent, but stored after"
        # One turn at a time: each message's answers follow it, before the next message, and they
        # are exactly what that message's sender was sent back.
        turns, current = [], None
        for e in events:
            if e["event"] == "user":
                current = [e["text"], []]
                turns.append(current)
            elif e["event"] == "bot" and current is not None:
                current[1].append(e.get("text") or "")
        for text, answers in turns:
            k = int(text.rsplit("(", 1)[1].rstrip(")"))
            assert answers, f"turn {k} has no answer"
            assert "\n".join(answers) == mine[k][2]
