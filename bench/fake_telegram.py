"""A local stand-in for Telegram's Bot API: records what the bot calls and answers like Telegram.

python-telegram-bot talks real HTTP to it (TELEGRAM_API_URL), so the channel is tested with the
library it runs with; nothing leaves the machine.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

BOT_USER = {"id": 1000001, "is_bot": True, "first_name": "TRP assistant", "username": "trp_test_bot"}


class FakeBotApi:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict]] = []
        self.sent_ids: dict[int, list[int]] = {}
        self._next_id = 5000
        self._lock = threading.Lock()
        self._updates: list[dict] = []  # what getUpdates hands to a polling bot
        self._arrived = threading.Condition(self._lock)
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params = json.loads(raw or "{}")
                else:
                    params = {}
                    for key, value in parse_qsl(raw):
                        try:
                            params[key] = json.loads(value)
                        except ValueError:
                            params[key] = value
                prefix = f"/bot{api.token}/"
                if not self.path.startswith(prefix):
                    return self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                method = self.path[len(prefix):]
                if method == "getUpdates":
                    return self._reply(200, {"ok": True, "result": api.updates_after(params)})
                api.record(method, params)
                self._reply(200, {"ok": True, "result": api.result(method, params)})

            def _reply(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except BrokenPipeError:  # a poller stopped while waiting for updates
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/bot"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def record(self, method: str, params: dict) -> None:
        with self._lock:
            self.calls.append((method, params))

    def result(self, method: str, params: dict) -> object:
        if method == "getMe":
            return BOT_USER
        if method == "sendMessage":
            with self._lock:
                self._next_id += 1
                message_id = self._next_id
                self.sent_ids.setdefault(int(params["chat_id"]), []).append(message_id)
            return {"message_id": message_id, "date": int(time.time()), "text": params.get("text", ""),
                    "chat": {"id": int(params["chat_id"]), "type": "private"}, "from": BOT_USER}
        return True

    def push(self, update: dict) -> None:
        """An update for a polling bot to fetch, as if a person had written."""
        with self._arrived:
            self._updates.append(update)
            self._arrived.notify_all()

    def updates_after(self, params: dict) -> list[dict]:
        """getUpdates: the updates from `offset` on (older ones are confirmed), waiting up to 1 s."""
        offset = int(params.get("offset") or 0)
        with self._arrived:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates:
                self._arrived.wait(min(float(params.get("timeout") or 0), 1.0))
            return list(self._updates)

    def sent(self, chat_id: int) -> list[dict]:
        with self._lock:
            return [p for m, p in self.calls if m == "sendMessage" and int(p["chat_id"]) == chat_id]

    def deleted(self, chat_id: int) -> list[int]:
        with self._lock:
            return [i for m, p in self.calls if m == "deleteMessages" and int(p["chat_id"]) == chat_id
                    for i in p["message_ids"]]

    def stop(self) -> None:
        self.server.shutdown()
