"""Telegram by polling (no webhook secret): the real server reads getUpdates from the local fake
Bot API with python-telegram-bot, and answers through the same handling as the webhook."""

from __future__ import annotations

import itertools
import time

import pytest

from bench.fake_telegram import FakeBotApi
from bench.servers import Assistant, stored_id

TOKEN = "654321:POLLING-TOKEN"
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def polling(tmp_path_factory):
    api = FakeBotApi(TOKEN)
    assistant = Assistant(tmp_path_factory.mktemp("polling"), env={
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": api.url,
    }).start()
    yield assistant, api
    assistant.stop()
    api.stop()


def write(api: FakeBotApi, chat_id: int, text: str, language: str = "en") -> list[dict]:
    """Queues a message for getUpdates and waits for the bot's answers to it."""
    before = len(api.sent(chat_id))
    api.push({"update_id": 100 + next(_ids), "message": {
        "message_id": next(_ids), "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "A", "language_code": language}, "text": text}})
    deadline = time.monotonic() + 60
    while len(api.sent(chat_id)) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)  # an answer may come in several messages
    return api.sent(chat_id)[before:]


def test_a_message_fetched_by_polling_is_answered(polling):
    assistant, api = polling
    answer = "\n".join(m["text"] for m in write(api, 800000001, "how much does the permit cost?"))
    assert "fee" in answer.lower()
    # Stored under the same keyed hash as with the webhook: the channels share their handling.
    events = assistant.tracker(stored_id("telegram:800000001"))["events"]
    assert any(e.get("event") == "user" for e in events)


def test_french_and_forget_work_by_polling_too(polling):
    assistant, api = polling
    answer = "\n".join(m["text"] for m in write(api, 800000002, "bonjour", "fr"))
    assert "vous" in answer  # answered in French
    erased = "\n".join(m["text"] for m in write(api, 800000002, "/forget", "fr"))
    assert "effacé" in erased
    events = assistant.tracker(stored_id("telegram:800000002"))["events"]
    assert not any(e.get("event") == "user" for e in events)


def test_the_webhook_refuses_updates_while_polling(polling):
    import json
    import urllib.error
    import urllib.request

    assistant, _ = polling
    req = urllib.request.Request(f"{assistant.url}/webhooks/telegram/webhook", data=json.dumps({}).encode(),
                                 headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 403
