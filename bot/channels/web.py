"""The web chat: a page served by the Rasa server itself, at /webhooks/web/.

Plain HTTP, one POST per message (no socket.io: it needs sticky sessions and breaks with newer
python-socketio), through the pipeline every channel shares (bot/channels/pipeline.py):
- GET  /               the page (bot/channels/web_page.py), in the language asked for;
- GET  /static/<file>  its CSS and JavaScript, from the repository (nothing from another host);
- GET  /texts?lang=xx  the page's words in another language, for the language switch;
- POST /message        {"conversation": id, "message": text, "staff": bool}
                       -> {"language": "fr", "messages": [{"text", "buttons"} | {"staff_note"}]};
- POST /forget         {"conversation": id}: erases the conversation ("End and clear", quick exit).
Every answer carries a strict Content-Security-Policy, no referrer, no caching, and sets no cookie.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.pipeline import answer, clean, forget, pseudonym
from bot.channels.web_page import STATIC, page_texts, render_page
from bot.i18n.catalogs import default_catalogs
from bot.i18n.negotiate import negotiate
from bot.nlg import reply_language
from bot.privacy.forget import is_forget_request
from bot.system_texts import system_text

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64_000
_CONVERSATION = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_STATIC_TYPES = {"chat.css": "text/css; charset=utf-8", "chat.js": "text/javascript; charset=utf-8"}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def page_language(request: Request) -> str:
    """?lang=xx when it names a catalog, else the browser's Accept-Language, else English."""
    available = default_catalogs().languages
    asked = request.args.get("lang")
    accepted = [p.split(";")[0].strip() for p in request.headers.get("accept-language", "").split(",")]
    return negotiate([asked, *accepted], available)


def _body(request: Request) -> Dict[str, Any] | None:
    if len(request.body or b"") > MAX_BODY_BYTES:
        return None
    try:
        body = request.json
    except Exception:  # sanic raises on a body that is not JSON (or not UTF-8)
        return None
    return body if isinstance(body, dict) else None


def _messages(raw: list[dict[str, Any]], staff: bool) -> list[dict[str, Any]]:
    """Only what the page draws: text and buttons, and staff notes in staff mode."""
    out: list[dict[str, Any]] = []
    for m in raw:
        custom: dict[str, Any] = m["custom"] if isinstance(m.get("custom"), dict) else {}
        if custom.get("staff_note"):
            if staff:
                out.append({"staff_note": str(custom["staff_note"])})
            continue
        if m.get("text"):
            buttons = [{"title": str(b.get("title") or ""), "payload": str(b.get("payload") or b.get("title") or "")}
                       for b in m.get("buttons") or [] if isinstance(b, dict)]
            out.append({"text": str(m["text"]), "buttons": buttons})
    return out


async def _language(request: Request, sender: str, fallback: str) -> str:
    """The conversation's language after this message (the page follows it: <html lang>)."""
    store = getattr(getattr(request.app.ctx, "agent", None), "tracker_store", None)
    try:
        tracker = await store.retrieve(sender) if store is not None else None
    except Exception:
        logger.exception("web: the conversation's language could not be read")
        tracker = None
    if tracker is None:
        return fallback
    return reply_language(tracker.current_slot_values(), default_catalogs().languages)


class WebChatInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "web"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("web_chat", __name__)

        @hook.middleware("response")
        async def safe_headers(request: Request, resp: HTTPResponse) -> None:
            resp.headers.update(HEADERS)

        def kind_error(status: int, key: str, lang: str | None) -> HTTPResponse:
            return response.json({"error": system_text(key, lang), "messages": [{"text": system_text(key, lang)}]},
                                 status=status, headers=HEADERS)

        @hook.route("/", methods=["GET", "HEAD"])
        async def page(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):  # the page's files are relative to /webhooks/web/
                query = f"?{request.query_string}" if request.query_string else ""
                return response.redirect(f"{request.path}/{query}", headers=HEADERS)
            staff = request.args.get("staff") == "1"
            return response.html(render_page(page_language(request), staff), headers=HEADERS)

        @hook.route("/static/<name>", methods=["GET", "HEAD"])
        async def static(request: Request, name: str) -> HTTPResponse:
            if name not in _STATIC_TYPES:
                return response.text("not found", status=404, headers=HEADERS)
            return response.text((STATIC / name).read_text(encoding="utf-8"),
                                 content_type=_STATIC_TYPES[name], headers=HEADERS)

        @hook.route("/texts", methods=["GET"])
        async def texts(request: Request) -> HTTPResponse:
            lang = page_language(request)
            return response.json({"language": lang, "texts": page_texts(lang)}, headers=HEADERS)

        @hook.route("/message", methods=["GET", "POST"])
        async def message(request: Request) -> HTTPResponse:
            if request.method != "POST":
                return kind_error(405, "bad_request", None)
            body = _body(request)
            if body is None:
                return kind_error(400 if len(request.body or b"") <= MAX_BODY_BYTES else 413, "bad_request", None)
            conversation = body.get("conversation")
            if not isinstance(conversation, str) or not _CONVERSATION.match(conversation):
                return kind_error(400, "bad_request", None)
            sender = pseudonym(f"web:{conversation}")
            text = clean(body.get("message"))
            staff = body.get("staff") is True
            fallback = page_language(request)
            if not text:
                return response.json({"language": fallback, "messages": [{"text": system_text("empty", None)}]},
                                     headers=HEADERS)
            if is_forget_request(text):
                erased = await forget(request, sender, text)
                return response.json({"language": fallback, "messages": [{"text": erased}]}, headers=HEADERS)
            raw = await answer(on_new_message, sender, text, self.name(), {"staff": True} if staff else None)
            lang = await _language(request, sender, fallback)
            return response.json({"language": lang, "messages": _messages(raw, staff)}, headers=HEADERS)

        @hook.route("/forget", methods=["GET", "POST"])
        async def erase(request: Request) -> HTTPResponse:
            if request.method != "POST":
                return kind_error(405, "bad_request", None)
            body = _body(request)
            conversation = body.get("conversation") if body else None
            if not isinstance(conversation, str) or not _CONVERSATION.match(conversation):
                return kind_error(400, "bad_request", None)
            sender = pseudonym(f"web:{conversation}")
            lang = await _language(request, sender, page_language(request))
            erased = await forget(request, sender, "/forget")
            # forget() reads the language from the conversation too; the hint covers an empty one.
            return response.json({"language": lang, "messages": [{"text": erased}]}, headers=HEADERS)

        @hook.route("/<path:path>", methods=["GET", "POST"])
        async def elsewhere(request: Request, path: str) -> HTTPResponse:
            if not path.strip("/") and request.method == "GET":  # the router may send "/" here
                home: HTTPResponse = await page(request)
                return home
            return response.text("not found", status=404, headers=HEADERS)

        return hook
