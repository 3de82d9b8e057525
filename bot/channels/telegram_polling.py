"""Telegram without a public address: the server polls the Bot API (getUpdates) itself.

Used when TELEGRAM_BOT_TOKEN is set and TELEGRAM_WEBHOOK_SECRET is not (a laptop, a trial).
Every update goes to the webhook channel's own handling (SafeTelegramInput.handle_update), so
both modes answer alike. python-telegram-bot's run_polling() would own the event loop, so its
parts are started and stopped with the Sanic server instead. Telegram allows one getUpdates
reader per token (a second gets "409 Conflict"), so only one poller runs per token on a machine:
a lock file keeps a second server process (or worker) from starting another.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from typing import Any, Awaitable, Callable, TextIO

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

logger = logging.getLogger(__name__)

POLL_TIMEOUT_SECONDS = 10  # Telegram's long poll: an answer as soon as a message arrives


def _claim(token: str) -> TextIO | None:
    """A lock held while this process polls for `token`; None when another process already does."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:16]  # the token itself never on disk
    handle = open(os.path.join(tempfile.gettempdir(), f"trp-telegram-poll-{digest}.lock"), "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def poll_with_server(
    hook: Blueprint, channel: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
) -> None:
    """Start polling when the server starts and stop it when the server stops."""
    state: dict[str, Any] = {}

    @hook.listener("after_server_start")
    async def start_polling(app: Any, loop: Any) -> None:
        from telegram import Update
        from telegram.constants import UpdateType
        from telegram.ext import Application, ContextTypes, TypeHandler

        lock = _claim(channel.token)
        if lock is None:
            logger.warning("telegram: another process already polls for this bot; this one does not")
            return

        async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            try:
                await channel.handle_update(app, update, on_new_message)
            except Exception:
                logger.exception("telegram: an update could not be handled")

        application = Application.builder().token(channel.token).base_url(channel.api_url).build()
        application.add_handler(TypeHandler(Update, on_update))
        await application.initialize()
        assert application.updater is not None  # built with the default updater
        await application.updater.start_polling(
            poll_interval=0.0, timeout=POLL_TIMEOUT_SECONDS, allowed_updates=[UpdateType.MESSAGE]
        )
        await application.start()
        state.update(application=application, lock=lock)
        logger.info("telegram: polling for updates (no webhook secret set)")

    @hook.listener("before_server_stop")
    async def stop_polling(app: Any, loop: Any) -> None:
        application = state.pop("application", None)
        if application is not None:
            if application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()
        lock = state.pop("lock", None)
        if lock is not None:
            lock.close()
