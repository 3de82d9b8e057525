"""Flooding gets a kind pause, per conversation; a message about danger is always read."""

import asyncio

from bot.channels import pipeline
from bot.channels.limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_limit_counts_the_last_minute_per_sender():
    clock = Clock()
    limiter = RateLimiter(3, clock)
    assert all(limiter.allow("a") for _ in range(3))
    assert not limiter.allow("a") and limiter.allow("b")
    clock.now += 61
    assert limiter.allow("a")


def test_over_the_limit_the_assistant_pauses_but_still_reads_danger(monkeypatch):
    monkeypatch.setattr(pipeline, "LIMITER", RateLimiter(2, Clock()))
    read = []

    async def on_new_message(message):
        read.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "answer")

    def say(text):
        return asyncio.run(pipeline.answer(on_new_message, "sender-hash", text, "test"))

    assert say("hello") == [{"text": "answer"}] and say("hello again") == [{"text": "answer"}]
    paused = say("and again")
    assert "very fast" in paused[0]["text"] and "911" in paused[0]["text"] and len(read) == 2
    assert say("he is going to kill me") == [{"text": "answer"}] and read[-1] == "he is going to kill me"
