"""Rasa's standard REST channel (same URL and JSON), made safe for people in distress.

The handling of a message is the shared pipeline (bot/channels/pipeline.py); this module only
reads and writes Rasa's REST JSON. Bad JSON gets a 400 that says what to send.
"""

from __future__ import annotations

from typing import Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.pipeline import answer, clean, forget, pseudonym
from bot.privacy.forget import is_forget_request
from bot.system_texts import system_text


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        hook = Blueprint("safe_rest_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # sanic raises on a body that is not JSON
                body = None
            if not isinstance(body, dict) or not isinstance(body.get("sender"), (str, int)):
                return response.json(
                    {"error": 'send JSON like {"sender": "any-id", "message": "hello"}'}, status=400
                )
            client_id = str(body["sender"])[:256]
            sender = pseudonym(client_id)
            text = clean(body.get("message"))
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            if not text:
                return response.json([{"recipient_id": client_id, "text": system_text("empty", None)}])
            if is_forget_request(text):
                erased = await forget(request, sender, text)
                return response.json([{"recipient_id": client_id, "text": erased}])
            messages = await answer(on_new_message, sender, text, self.name(), metadata)
            return response.json([{**m, "recipient_id": client_id} for m in messages])

        return hook


