"""Starts the real action server and Rasa server on free loopback ports, and talks to them over REST.

Used by the conversation tests and by the benchmarks, so it lives in the package, not in tests/."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "trp.tar.gz"


_GIVEN: set[int] = set()


def free_port() -> int:
    """A free loopback port not handed out before in this process: two ports asked for in a row
    (a Rasa server and its action server) once came back equal, and the second server never started."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port not in _GIVEN:
            _GIVEN.add(port)
            return port


# The servers hash sender ids with this key, so a test can find a conversation in the store.
SENDER_HASH_KEY = secrets.token_hex(16)


def stored_id(sender: str) -> str:
    """The id the tracker store keeps for a client's sender id (bot/channels/pipeline.py)."""
    return hmac.new(SENDER_HASH_KEY.encode(), sender.encode(), hashlib.sha256).hexdigest()[:32]


def server_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    # Only what a test gives: a developer's own Telegram settings must not reach the test servers.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(extra or {})
    env.update(
        SENDER_HASH_KEY=SENDER_HASH_KEY,
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        LOG_LEVEL="WARNING",
    )
    return env


def _wait(url: str, proc: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {seconds} s")


class Assistant:
    """One Rasa server and one action server on free loopback ports."""

    def __init__(self, workdir: Path, model: Path = MODEL, actions: bool = True, stock: bool = False,
                 env: dict[str, str] | None = None) -> None:
        self.workdir = workdir
        self.env = env
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.procs: dict[str, subprocess.Popen] = {}
        self.model = model
        self.start_actions = actions
        # Stock Rasa (its command, REST channel and stores) for the baseline of the benchmarks.
        self.stock = stock

    def endpoints(self) -> Path:
        import yaml

        config = yaml.safe_load((ROOT / "endpoints.yml").read_text())
        config["action_endpoint"]["url"] = f"http://127.0.0.1:{self.actions_port}/webhook"
        if self.stock:
            config.pop("tracker_store", None)
        text = yaml.safe_dump(config, sort_keys=False)
        path = self.workdir / "endpoints.yml"
        path.write_text(text)
        return path

    def credentials(self) -> Path:
        if not self.stock:
            return ROOT / "credentials.yml"
        path = self.workdir / "credentials.yml"
        path.write_text("rest:\n")
        return path

    def start(self) -> Assistant:
        log = (self.workdir / "servers.log").open("ab")
        if self.start_actions:
            self.start_action_server()
        # The stock baseline runs Rasa's own command and REST channel; the project its tuned server.
        python = str(ROOT / ".venv" / "bin" / "python")
        server = [str(ROOT / ".venv" / "bin" / "rasa")] if self.stock else [python, "-m", "bot.server"]
        self.procs["rasa"] = subprocess.Popen(
            [*server, "run", "--model", str(self.model), "--enable-api", "--port", str(self.rasa_port),
             "--endpoints", str(self.endpoints()), "--credentials", str(self.credentials())],
            cwd=ROOT, env=server_env(self.env), stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait(f"{self.url}/status", self.procs["rasa"], 180)
        except Exception:
            self.stop()  # leave no action server behind
            raise
        return self

    def start_action_server(self) -> None:
        rasa = str(ROOT / ".venv" / "bin" / "rasa")
        log = (self.workdir / "actions.log").open("ab")
        self.procs["actions"] = subprocess.Popen(
            [rasa, "run", "actions", "--port", str(self.actions_port), "--actions", "actions"],
            cwd=ROOT, env=server_env(), stdout=log, stderr=subprocess.STDOUT,
        )
        _wait(f"http://127.0.0.1:{self.actions_port}/health", self.procs["actions"], 120)

    def stop_action_server(self) -> None:
        proc = self.procs.pop("actions", None)
        if proc:
            proc.terminate()
            proc.wait(30)

    def stop(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()

    def send(self, sender: str, message: str) -> list[dict]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        req = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"[]")

    def parse(self, text: str) -> dict:
        req = urllib.request.Request(
            f"{self.url}/model/parse", data=json.dumps({"text": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())

    def tracker(self, sender: str) -> dict:
        with urllib.request.urlopen(f"{self.url}/conversations/{sender}/tracker", timeout=30) as r:
            return json.loads(r.read())


class Conversation:
    """A fresh conversation: say() returns the bot's texts joined, buttons() the last buttons."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.sender = "test-" + uuid.uuid4().hex
        self.last: list[dict] = []

    def say(self, message: str) -> str:
        self.last = self.assistant.send(self.sender, message)
        return "\n".join(m.get("text", "") for m in self.last)

    def buttons(self) -> list[dict]:
        return [b for m in self.last for b in m.get("buttons", [])]
