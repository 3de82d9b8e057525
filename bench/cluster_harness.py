"""The cluster under test: the very configuration of `make run-cluster` (deploy/), on free loopback ports."""

from __future__ import annotations

import json
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.fake_telegram import FakeBotApi
from bench.servers import free_port, server_env
from deploy.cluster import Layout, wait_until_answering

TOKEN = "123456:CLUSTER-TEST-TOKEN"
SECRET = secrets.token_hex(16)


class Cluster:
    def __init__(self, run_dir: Path, api: FakeBotApi) -> None:
        self.api = api
        self.layout = Layout(run_dir, free_port(), public_host="127.0.0.1")
        self.url = f"http://127.0.0.1:{self.layout.public_port}"
        self.log_path = run_dir / "cluster.log"
        self.env = server_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": SECRET,
                         "TELEGRAM_API_URL": api.url})
        self.proc: subprocess.Popen | None = None

    def start(self) -> Cluster:
        self.layout.write()
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(self.layout.supervisord(), env=self.env, stdout=log, stderr=subprocess.STDOUT)
        for port in self.layout.rasa_ports:
            self.wait_for(f"http://127.0.0.1:{port}/", 240)
        # The action servers train the answer classifier when they start: wait for them too, or the
        # first turns get the never-silent fallback instead of the questions.
        for port in self.layout.action_ports:
            self.wait_for(f"http://127.0.0.1:{port}/health", 240)
        self.wait_for(f"{self.url}/", 30)
        return self

    def wait_for(self, url: str, seconds: float) -> None:
        if not wait_until_answering(url, seconds, self.proc):
            raise TimeoutError(f"{url} did not answer in {seconds} s (see {self.log_path})")

    def ctl(self, *args: str) -> str:
        out = subprocess.run(self.layout.supervisorctl(*args), capture_output=True, text=True, timeout=60)
        return out.stdout

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def redis(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.layout.redis_port, socket_timeout=5)

    def post(self, path: str, body: bytes, headers: dict | None = None, base: str | None = None,
             timeout: float = 90) -> tuple[int, bytes]:
        req = urllib.request.Request(f"{base or self.url}{path}", data=body, method="POST",
                                     headers=headers or {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def send(self, sender: str, message: str, base: str | None = None) -> list[dict]:
        status, body = self.post("/webhooks/rest/webhook", json.dumps({"sender": sender, "message": message}).encode(),
                                 base=base)
        assert status == 200, (status, body[:200])
        return json.loads(body)

    def say(self, sender: str, message: str, base: str | None = None) -> str:
        return "\n".join(m.get("text", "") for m in self.send(sender, message, base))

    def rasa_url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.layout.rasa_ports[i]}"

    def stored_events(self, stored_sender: str) -> list[dict]:
        raw = self.redis().get(f"trp:tracker:{stored_sender}")
        return json.loads(raw)["events"] if raw else []


def wait(predicate, seconds: float, step: float = 0.5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False
