"""`make run-cluster`: Redis, two Rasa servers, two action servers and nginx in front, supervised.

    python -m deploy.cluster [--port 8080] [--servers 2] [--run-dir .run/cluster]

Conversations, their locks, the rate limit and Telegram's message ids live in Redis, so any Rasa
server can answer any message; supervisord restarts whatever exits. Refuses to start without
SENDER_HASH_KEY (every server must hash a person's id the same way).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from deploy.configs import ROOT, VENV_BIN, Program, action_server, nginx_conf, rasa_server, redis_conf, supervisord_conf


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Layout:
    """Which process listens where; every inner port is on loopback."""

    run_dir: Path
    public_port: int
    public_host: str = "0.0.0.0"
    servers: int = 2
    redis_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    rasa_ports: list[int] = field(default_factory=list)
    action_ports: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rasa_ports = self.rasa_ports or [free_port() for _ in range(self.servers)]
        self.action_ports = self.action_ports or [free_port() for _ in range(self.servers)]

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def server_env(self) -> dict[str, str]:
        """What every Rasa server reads (endpoints.cluster.yml, bot/stores/redis_client.py)."""
        return {
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(self.redis_port),
            "REDIS_URL": self.redis_url,
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.actions_port}/webhook",
        }

    def programs(self) -> list[Program]:
        d = self.run_dir
        progs = [
            Program("redis", [shutil.which("redis-server") or "redis-server", str(d / "redis.conf")], priority=10),
            Program("nginx", [_nginx(), "-p", str(d), "-c", str(d / "nginx.conf"), "-g", "daemon off;"],
                    priority=20),
        ]
        for i, port in enumerate(self.action_ports, 1):
            progs.append(Program(f"actions{i}", action_server(port), priority=100))
        endpoints = ROOT / "endpoints.cluster.yml"
        for i, port in enumerate(self.rasa_ports, 1):
            progs.append(Program(f"rasa{i}", rasa_server(port, endpoints, host="127.0.0.1"),
                                 env=self.server_env(), priority=200))
        return progs

    def write(self) -> Path:
        """Writes every configuration into run_dir; returns supervisord's."""
        d = self.run_dir
        d.mkdir(parents=True, exist_ok=True)
        (d / "redis.conf").write_text(redis_conf(d, self.redis_port))
        (d / "nginx.conf").write_text(nginx_conf(d, self.public_host, self.public_port, self.rasa_ports,
                                                 self.actions_port, self.action_ports))
        conf = d / "supervisord.conf"
        conf.write_text(supervisord_conf(d, self.programs()))
        return conf

    def supervisord(self) -> list[str]:
        return [str(VENV_BIN / "supervisord"), "-n", "-c", str(self.run_dir / "supervisord.conf")]

    def supervisorctl(self, *args: str) -> list[str]:
        return [str(VENV_BIN / "supervisorctl"), "-c", str(self.run_dir / "supervisord.conf"), *args]


def _nginx() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def check_ready_to_start() -> list[str]:
    """What is missing before a cluster can start, in words a person can act on."""
    problems = []
    if not os.environ.get("SENDER_HASH_KEY"):
        problems.append("SENDER_HASH_KEY is not set: export a long random value, the same for every server "
                        "(for example: export SENDER_HASH_KEY=$(openssl rand -hex 32))")
    if not shutil.which("redis-server"):
        problems.append("redis-server is missing (make install installs it)")
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        problems.append("nginx is missing (make install installs it)")
    if not (ROOT / "models" / "trp.tar.gz").exists():
        problems.append("no trained model (make train)")
    return problems


def wait_until_answering(url: str, seconds: float, proc: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLUSTER_PORT") or 8080))
    parser.add_argument("--host", default=os.environ.get("CLUSTER_HOST") or "0.0.0.0")
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".run" / "cluster")
    args = parser.parse_args(argv)
    problems = check_ready_to_start()
    if problems:
        for p in problems:
            print(f"run-cluster: {p}", file=sys.stderr)
        return 2
    layout = Layout(args.run_dir.resolve(), args.port, public_host=args.host, servers=args.servers)
    layout.write()
    proc = subprocess.Popen(layout.supervisord(), cwd=ROOT)

    def stop(*_: object) -> None:
        proc.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(f"run-cluster: starting Redis, {args.servers} Rasa servers, {args.servers} action servers and nginx "
          "(about a minute while the models load)...", flush=True)
    ready = wait_until_answering(f"http://127.0.0.1:{args.port}/", 300, proc) and all(
        wait_until_answering(f"http://127.0.0.1:{port}/health", 300, proc) for port in layout.action_ports)
    if ready:
        print(f"""
The cluster is ready on port {args.port} (nginx in front of {args.servers} Rasa servers):

  curl -s http://localhost:{args.port}/webhooks/rest/webhook \\
       -H 'Content-Type: application/json' \\
       -d '{{"sender": "any-made-up-id", "message": "how much does the permit cost?"}}'

Every channel is under http://localhost:{args.port}/webhooks/ (rest, web, telegram).
Processes: {' '.join(layout.supervisorctl('status'))}
Press Ctrl-C to stop.
""", flush=True)
    return proc.wait()


if __name__ == "__main__":
    sys.exit(main())
