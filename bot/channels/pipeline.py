"""The handling of one message that every channel shares (REST, Telegram, the web page).

- never silence: if the assistant produced nothing (the action server is down, an error), the
  person gets the emergency number, the hotline and IRCC, in their language when it is clear;
- bad input gets a kind answer: control characters out, huge messages cut keeping both ends;
- chat commands (data/commands.yml) become intents; flooding gets a pause, danger is always read;
- the tracker never sees a client's own id, only a keyed hash of it (SENDER_HASH_KEY);
- "/forget" erases the conversation before the assistant reads the message (bot/stores/erase.py).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
from asyncio import CancelledError
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic.request import Request

from bot.channels.commands import command_intent, from_person
from bot.channels.limits import limiter_from_environment
from bot.i18n.catalogs import default_catalogs
from bot.i18n.detect import detect
from bot.nlg import reply_language
from bot.safety.danger import default_net
from bot.stores.erase import erase_conversation
from bot.system_texts import system_text

logger = logging.getLogger(__name__)

MAX_CHARS = 4000
LIMITER = limiter_from_environment()
# Sender ids are stored only as keyed hashes. The key comes from the environment; without one, a
# random key per process (conversations then do not outlive a restart, which is the default anyway);
# servers sharing conversations in Redis must share the key (the Redis tracker store insists).
_KEY = (os.environ.get("SENDER_HASH_KEY") or secrets.token_hex(32)).encode()


def pseudonym(sender: str) -> str:
    """A stable, keyed hash of the client's sender id: the tracker never holds the raw id."""
    return hmac.new(_KEY, sender.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:32]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: Any) -> str:
    """Printable text only: control characters out, odd types to empty."""
    if not isinstance(text, str):
        return ""
    return _CONTROL.sub(" ", text).strip()


async def forget(request: Request | Any, sender: str, text: str) -> str:
    """Erase the conversation; the answer is in the conversation's language, read before erasing.

    `request` is anything with the Rasa agent at `.app.ctx.agent`: a Sanic request, or the polling
    channel's stand-in for one.
    """
    agent = getattr(request.app.ctx, "agent", None)
    store = getattr(agent, "tracker_store", None)
    lang = detect(text).language
    try:
        tracker = await store.retrieve(sender) if store is not None else None
        slots = tracker.current_slot_values() if tracker is not None else {}
        if slots.get("language") or slots.get("detected_language"):
            lang = reply_language(slots, default_catalogs().languages)
        erased = store is not None and erase_conversation(store, sender)
    except Exception:
        logger.exception("a conversation could not be erased")
        erased = False
    return system_text("forgotten" if erased else "forget_failed", lang)


async def answer(
    on_new_message: Callable[[UserMessage], Awaitable[None]], sender: str, text: str, channel: str,
    metadata: dict[str, Any] | None = None, language_hint: str | None = None,
) -> list[dict[str, Any]]:
    """The assistant's answers to one cleaned, non-empty message; never an empty list.

    Shared by every channel: long messages are cut kindly, chat commands become intents, and when
    the assistant produced nothing the person still gets 911, the hotline and IRCC.
    """
    if not LIMITER.allow(sender) and default_net().match(text) is None:
        # Flooding gets a pause; a message about danger is always read.
        return [{"text": system_text("slow_down", detect(text).language)}]
    notes = []
    if len(text) > MAX_CHARS:
        # People often tell their story first and ask at the end: keep both ends.
        text = text[: MAX_CHARS // 4] + " … " + text[-(MAX_CHARS * 3 // 4) :]
        notes.append({"text": system_text("too_long", detect(text).language)})
    intent = command_intent(text)
    if intent:
        # Rasa's own form for "this intent, no reading needed". A command carries no language: the
        # channel's hint (Telegram's language_code) answers "/start" in the person's language.
        text = f"/{intent}" + (f'{{"detected_language": "{language_hint}"}}' if language_hint else "")
    else:
        text = from_person(text)  # "/restart", "/in_danger{...}" typed by a person are words
    collector = CollectingOutputChannel()
    try:
        await on_new_message(UserMessage(text, collector, sender, input_channel=channel, metadata=metadata))
    except CancelledError:
        logger.error("%s: a message timed out", channel)
    except Exception:
        logger.exception("%s: a message could not be handled", channel)
    messages = [{k: v for k, v in m.items() if k != "recipient_id"} for m in collector.messages]
    if not messages:
        # Only now is the language needed: the assistant's own answers carry it otherwise.
        messages = [{"text": system_text("unavailable", detect(text).language)}]
    return notes + messages
