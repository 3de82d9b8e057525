"""Telegram: updates arrive on a webhook, answers go out through the Bot API (python-telegram-bot).

Same care as the REST channel, and the same message handling (bot/channels/pipeline.py):
- only requests carrying the webhook secret are read (TELEGRAM_WEBHOOK_SECRET), so nobody else
  can speak in a person's name;
- the tracker sees a keyed hash of the chat id, never the id, the name or the username;
- private chats only: in a group, other people would read the answers;
- photos, voice notes and stickers get a kind "please write" answer;
- /forget erases the conversation and deletes the chat's messages the assistant knows of (a bot
  may delete messages of a private chat for 48 hours); their ids are kept as long as the
  conversation itself, in memory or in Redis for several servers (bot/stores/telegram_ids.py);
- buttons are a reply keyboard: a tap sends the label as the person's own message, which the
  questions understand, and no button data has to fit Telegram's 64-byte limit.
Configuration comes from the environment: TELEGRAM_BOT_TOKEN (without it the channel is off),
TELEGRAM_WEBHOOK_SECRET, and TELEGRAM_API_URL (a local Bot API server in tests).
"""

from __future__ import annotations

import hmac
import logging
import os
from types import SimpleNamespace
from typing import Any, Awaitable, Callable, Dict, List

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram.constants import BulkRequestLimit, ChatType, MessageLimit

from bot.channels.pipeline import answer, clean, forget, pseudonym
from bot.i18n.catalogs import default_catalogs
from bot.i18n.negotiate import negotiate
from bot.privacy.forget import is_forget_request
from bot.stores.memory import idle_ttl_seconds
from bot.stores.telegram_ids import SentMessages, sent_messages_store  # noqa: F401 (re-exported)
from bot.system_texts import system_text

logger = logging.getLogger(__name__)
# httpx logs every request's URL at INFO, and a Bot API URL carries the bot token (a secret).
logging.getLogger("httpx").setLevel(logging.WARNING)

MAX_UPDATE_BYTES = 1_000_000
MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)  # Telegram's limit for one message (4096)
MAX_DELETE = int(BulkRequestLimit.MAX_LIMIT)  # messages deleted by one delete_messages call (100)


def keyboard(buttons: List[Dict[str, Any]]) -> Any:
    from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove

    titles = [str(b.get("title") or b.get("payload") or "")[:100] for b in buttons]
    titles = [t for t in titles if t]
    if not titles:
        return ReplyKeyboardRemove()
    return ReplyKeyboardMarkup([[KeyboardButton(t)] for t in titles], resize_keyboard=True, one_time_keyboard=True)


def pieces(text: str) -> List[str]:
    """Telegram takes at most MAX_TEXT characters a message: longer answers go in parts, cut at lines."""
    parts, current = [], ""
    for line in text.split("\n"):
        while len(line) > MAX_TEXT:
            parts.append(line[:MAX_TEXT])
            line = line[MAX_TEXT:]
        if current and len(current) + 1 + len(line) > MAX_TEXT:
            parts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    return [p for p in [*parts, current] if p.strip()]


class SafeTelegramInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        return cls(os.environ.get("TELEGRAM_BOT_TOKEN"), os.environ.get("TELEGRAM_WEBHOOK_SECRET"),
                   os.environ.get("TELEGRAM_API_URL") or "https://api.telegram.org/bot")

    def __init__(self, token: str | None, secret: str | None, api_url: str) -> None:
        self.token, self.secret, self.api_url = token, secret, api_url
        self._bot: Any = None
        self.sent = sent_messages_store(idle_ttl_seconds())
        if token and not secret:
            logger.info("telegram: no TELEGRAM_WEBHOOK_SECRET, so updates are polled (telegram_polling.py)")

    async def bot(self) -> Any:
        if self._bot is None:
            from telegram import Bot

            if not self.token:
                raise RuntimeError("TELEGRAM_BOT_TOKEN is not set")
            bot = Bot(self.token, base_url=self.api_url)
            await bot.initialize()
            self._bot = bot
        return self._bot

    async def close(self) -> None:
        """Shut the Bot down (its HTTP connections) when the server stops, as PTB's examples do."""
        bot, self._bot = self._bot, None
        if bot is not None:
            await bot.shutdown()

    async def send(self, chat_id: int, sender: str, message: Dict[str, Any]) -> None:
        bot = await self.bot()
        texts = pieces(str(message.get("text") or ""))
        for i, text in enumerate(texts):
            last = i == len(texts) - 1
            markup = keyboard(message.get("buttons") or []) if last else None
            sent = await bot.send_message(chat_id, text, reply_markup=markup)
            self.sent.add(sender, sent.message_id)

    async def erase_chat(self, chat_id: int, sender: str, message_id: int) -> None:
        ids = sorted({*self.sent.pop(sender), message_id})
        bot = await self.bot()
        for start in range(0, len(ids), MAX_DELETE):
            try:
                await bot.delete_messages(chat_id, ids[start:start + MAX_DELETE])
            except Exception:  # older than 48 hours, or already deleted by the person
                logger.warning("telegram: some messages could not be deleted")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("safe_telegram_webhook", __name__)
        if self.token and not self.secret:
            from bot.channels.telegram_polling import poll_with_server

            poll_with_server(hook, self, on_new_message)

        @hook.listener("after_server_stop")
        async def close_bot(app: Any, loop: Any) -> None:
            await self.close()

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.token else "not configured"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.token:
                return response.json({"error": "Telegram is not configured (TELEGRAM_BOT_TOKEN)"}, status=404)
            given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not self.secret or not hmac.compare_digest(given.encode(), self.secret.encode()):
                return response.json({"error": "forbidden"}, status=403)
            if len(request.body or b"") > MAX_UPDATE_BYTES:
                return response.json({"error": "too large"}, status=413)
            try:
                await self.handle(request, on_new_message)
            except Exception:
                # Telegram would send the same update again and again: answer 200 and log (no text).
                logger.exception("telegram: an update could not be handled")
            return response.text("")

        return hook

    async def handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        from telegram import Update

        try:
            body = request.json
        except Exception:
            body = None
        if not isinstance(body, dict):
            return
        await self.handle_update(request.app, Update.de_json(body, await self.bot()), on_new_message)

    async def handle_update(
        self, app: Any, update: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        """One update, from the webhook or from polling (bot/channels/telegram_polling.py)."""
        request = SimpleNamespace(app=app)  # forget() needs only the app, to reach the tracker store
        message = update.message
        if message is None or message.chat.type != ChatType.PRIVATE:
            return  # edits, channel posts, groups: nothing to answer
        chat_id = message.chat_id
        sender = pseudonym(f"telegram:{chat_id}")
        code = message.from_user.language_code if message.from_user else None
        hint = negotiate([code], default_catalogs().languages) if code else None
        self.sent.add(sender, message.message_id)
        text = clean(message.text or "")
        if not text:
            replies = [{"text": system_text("empty", hint)}]  # a photo, a voice note, a sticker
        elif is_forget_request(text):
            erased = await forget(request, sender, text)
            await self.erase_chat(chat_id, sender, message.message_id)
            replies = [{"text": erased}]
        else:
            replies = await answer(on_new_message, sender, text, self.name(), language_hint=hint)
        for reply in replies:
            await self.send(chat_id, sender, reply)
