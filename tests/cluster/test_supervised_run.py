"""`make run` (scripts/run.sh) supervises its two servers: when the action server dies the Rasa
server keeps answering and the action server comes back; when the Rasa server dies it comes back."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid

import pytest

from bench.cluster_harness import wait
from bench.servers import ROOT, Assistant, free_port, server_env
from deploy.cluster import wait_until_answering


@pytest.fixture(scope="module")
def supervised(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("run")
    rasa_port, actions_port = free_port(), free_port()
    env = server_env({"RASA_PORT": str(rasa_port), "ACTIONS_PORT": str(actions_port), "RUN_DIR": str(run_dir)})
    log = (run_dir / "run.log").open("ab")
    proc = subprocess.Popen([str(ROOT / "scripts" / "run.sh")], env=env, cwd=ROOT, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    client = Assistant(run_dir)
    client.rasa_port, client.actions_port, client.url = rasa_port, actions_port, f"http://127.0.0.1:{rasa_port}"
    try:
        assert wait_until_answering(f"{client.url}/", 240, proc), "make run did not start"
        yield client, run_dir, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _ctl(run_dir, *args: str) -> str:
    conf = run_dir / "supervisord.conf"
    return subprocess.run([str(ROOT / ".venv" / "bin" / "supervisorctl"), "-c", str(conf), *args],
                          capture_output=True, text=True, timeout=60).stdout


def _say(client, sender: str, text: str) -> str:
    return "\n".join(m.get("text", "") for m in client.send(sender, text))


def test_a_dead_action_server_is_restarted_and_the_rasa_server_keeps_answering(supervised):
    client, run_dir, _ = supervised
    _ctl(run_dir, "signal", "KILL", "actions")
    assert "911" in _say(client, f"run-{uuid.uuid4().hex}", "they are hurting me")
    assert "free" in _say(client, f"run-{uuid.uuid4().hex}", "how much does the permit cost?").lower()
    actions = f"http://127.0.0.1:{client.actions_port}/health"
    assert wait(lambda: wait_until_answering(actions, 1), 120), "the action server was not restarted"
    sender = f"run-{uuid.uuid4().hex}"
    _say(client, sender, "can i get a permit to stay?")
    assert "Are you in Canada now?" in _say(client, sender, "yes")


def test_a_dead_rasa_server_is_restarted(supervised):
    client, run_dir, proc = supervised
    _ctl(run_dir, "signal", "KILL", "rasa")
    assert wait_until_answering(f"{client.url}/", 240, proc), "the Rasa server was not restarted"
    assert "free" in _say(client, f"run-{uuid.uuid4().hex}", "how much does the permit cost?").lower()
    assert proc.poll() is None


def test_make_run_ends_by_printing_where_to_chat(supervised):
    client, run_dir, _ = supervised
    printed = ""
    for _ in range(120):  # run.sh prints once the server answers
        printed = (run_dir / "run.log").read_text(errors="replace")
        if "/webhooks/web/" in printed:
            break
        time.sleep(0.5)
    assert f"http://localhost:{client.rasa_port}/webhooks/web/" in printed
