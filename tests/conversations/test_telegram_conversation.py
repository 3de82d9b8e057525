"""Telegram end to end: updates posted to the real Rasa server's webhook, answers sent by
python-telegram-bot over HTTP to a local fake Bot API server, with the real model and actions."""

from __future__ import annotations

import itertools
import json
import secrets
import time
import urllib.error
import urllib.request

import pytest

from bench.fake_telegram import FakeBotApi
from bench.servers import Assistant, stored_id

TOKEN = "123456:TEST-TOKEN"
SECRET = secrets.token_hex(16)
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def telegram(tmp_path_factory):
    api = FakeBotApi(TOKEN)
    assistant = Assistant(tmp_path_factory.mktemp("telegram"), env={
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": SECRET, "TELEGRAM_API_URL": api.url,
    }).start()
    yield assistant, api
    assistant.stop()
    api.stop()


def post(assistant, update: dict, secret: str | None = SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    req = urllib.request.Request(f"{assistant.url}/webhooks/telegram/webhook", data=json.dumps(update).encode(),
                                 headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def update(chat_id: int, text: str | None = None, chat_type: str = "private", language: str = "en", **extra):
    message = {"message_id": next(_ids), "date": int(time.time()), "chat": {"id": chat_id, "type": chat_type},
               "from": {"id": chat_id, "is_bot": False, "first_name": "A", "language_code": language}, **extra}
    if text is not None:
        message["text"] = text
    return {"update_id": next(_ids), "message": message}


class Chat:
    def __init__(self, telegram) -> None:
        self.assistant, self.api = telegram
        self.id = 700000000 + next(_ids)
        self.incoming: list[int] = []

    def say(self, text: str | None = None, **kw) -> list[dict]:
        before = len(self.api.sent(self.id))
        message = update(self.id, text, **kw)
        self.incoming.append(message["message"]["message_id"])
        assert post(self.assistant, message) == 200
        return self.api.sent(self.id)[before:]


def texts(sent: list[dict]) -> str:
    return "\n".join(m["text"] for m in sent)


def test_a_question_is_answered_in_the_chat(telegram):
    chat = Chat(telegram)
    answer = texts(chat.say("how much does the permit cost?"))
    assert "no fees" in answer.lower() or "no fee" in answer.lower(), answer


def test_the_conversation_is_stored_under_a_hash_of_the_chat_id(telegram):
    chat = Chat(telegram)
    chat.say("hello")
    assistant = chat.assistant
    stored = assistant.tracker(stored_id(f"telegram:{chat.id}"))
    assert [e for e in stored["events"] if e.get("event") == "user"]
    for raw in (str(chat.id), f"telegram:{chat.id}"):
        assert not [e for e in assistant.tracker(raw)["events"] if e.get("event") == "user"]


def test_questions_come_with_a_keyboard_and_a_tap_is_an_answer(telegram):
    chat = Chat(telegram)
    sent = chat.say("can i get a permit to stay?")
    keyboard = sent[-1]["reply_markup"]["keyboard"]
    labels = [row[0]["text"] for row in keyboard]
    assert "Yes, I'm safe" in labels
    assert "in Canada now" in texts(chat.say("Yes, I'm safe"))


def test_danger_gets_911_guidance(telegram):
    chat = Chat(telegram)
    answer = texts(chat.say("he is going to kill me"))
    assert "911" in answer and "1-833-900-1010" in answer


def test_a_photo_or_a_sticker_gets_a_kind_answer(telegram):
    chat = Chat(telegram)
    answer = texts(chat.say(None, photo=[{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}]))
    assert "did not get any text" in answer and "911" in answer


def test_groups_get_no_answer(telegram):
    chat = Chat(telegram)
    assert chat.say("how much does it cost", chat_type="group") == []


def test_updates_without_the_secret_are_refused(telegram):
    assistant, api = telegram
    chat_id = 790000001
    assert post(assistant, update(chat_id, "hello"), secret=None) == 403
    assert post(assistant, update(chat_id, "hello"), secret="wrong") == 403
    assert api.sent(chat_id) == []


def test_forget_erases_the_conversation_and_deletes_the_chats_messages(telegram):
    chat = Chat(telegram)
    assistant, api = telegram
    chat.say("how much does it cost")
    chat.say("can i work?")
    answers = list(api.sent_ids[chat.id])
    chat.say("/forget")
    assert set(api.deleted(chat.id)) == {*chat.incoming, *answers}  # theirs, ours, and the /forget itself
    stored = assistant.tracker(stored_id(f"telegram:{chat.id}"))
    assert not [e for e in stored["events"] if e.get("event") == "user"]
    assert "erased this conversation" in api.sent(chat.id)[-1]["text"]


def test_french_in_telegram(telegram):
    chat = Chat(telegram)
    answer = texts(chat.say("est-ce que je peux travailler?", language="fr"))
    assert "travail" in answer


def test_without_a_token_the_channel_is_off(assistant):
    assert post(assistant, update(790000002, "hello")) == 404


def test_start_greets_in_the_language_of_the_persons_telegram(telegram):
    assert "Bonjour" in texts(Chat(telegram).say("/start", language="fr"))
    assert "Hello" in texts(Chat(telegram).say("/start", language="en"))
