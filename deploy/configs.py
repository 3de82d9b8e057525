"""Configuration files for the processes of one machine: supervisord, Redis and nginx.

Pure text from a layout of ports and folders, so `make run`, `make run-cluster` and the cluster
tests run exactly the same configuration. Nothing here logs or stores what people write: nginx
keeps no access log (it would hold addresses), Redis writes nothing to disk.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"


@dataclass
class Program:
    name: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    priority: int = 500


def supervisord_conf(run_dir: Path, programs: list[Program]) -> str:
    """Every program restarted whenever it exits; output to supervisord's own (the terminal)."""
    sock = run_dir / "supervisor.sock"
    parts = [
        "[supervisord]",
        "nodaemon=true",
        "logfile=/dev/null",
        "logfile_maxbytes=0",
        "loglevel=info",
        f"pidfile={run_dir / 'supervisord.pid'}",
        f"childlogdir={run_dir}",
        "",
        "[unix_http_server]",
        f"file={sock}",
        "chmod=0700",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[supervisorctl]",
        f"serverurl=unix://{sock}",
    ]
    for p in programs:
        env = ",".join(f'{k}="{v}"' for k, v in p.env.items())
        parts += [
            "",
            f"[program:{p.name}]",
            f"command={shlex.join(p.command)}",
            f"directory={ROOT}",
            f"priority={p.priority}",
            "autostart=true",
            "autorestart=true",
            "startsecs=1",
            "startretries=1000",
            "stopasgroup=true",
            "killasgroup=true",
            "stopwaitsecs=20",
            "redirect_stderr=true",
            "stdout_logfile=/dev/stdout",
            "stdout_logfile_maxbytes=0",
        ]
        if env:
            parts.append(f"environment={env}")
    return "\n".join(parts) + "\n"


def action_server(port: int) -> list[str]:
    return [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(port), "--actions", "actions"]


def rasa_server(port: int, endpoints: Path, host: str = "0.0.0.0") -> list[str]:
    return [
        str(VENV_BIN / "python"), "-m", "bot.server", "run", "--model", str(ROOT / "models" / "trp.tar.gz"),
        "--interface", host, "--port", str(port), "--endpoints", str(endpoints),
        "--credentials", str(ROOT / "credentials.yml"),
    ]


def redis_conf(run_dir: Path, port: int) -> str:
    """Loopback only, nothing on disk: conversations live only as long as their time to live."""
    return "\n".join([
        f"port {port}",
        "bind 127.0.0.1",
        "protected-mode yes",
        "daemonize no",
        f"dir {run_dir}",
        'save ""',
        "appendonly no",
        'logfile ""',
        "loglevel warning",
        "",
    ])


def nginx_conf(run_dir: Path, public_host: str, public_port: int, rasa_ports: list[int],
               actions_port: int, action_ports: list[int]) -> str:
    """One public port for every channel (/webhooks/...), and an inner one for the action servers.

    A Rasa server that refuses connections (dead, restarting) is skipped and the message goes to
    another: nginx retries a POST only when it was never delivered, so no turn is
    handled twice. Actions have no side effects, so they may be retried after any failure.
    """
    user = "user root root;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    temp = "\n".join(f"  {kind}_temp_path {run_dir / ('nginx-' + kind)};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # max_fails=0: never set a server aside. On loopback a dead one refuses at once and the next is
    # tried; set aside, a server back from a restart would get nothing for a while, and with every
    # server set aside nginx would answer 502 even after they are back.
    rasa = "\n".join(f"    server 127.0.0.1:{p} max_fails=0;" for p in rasa_ports)
    actions = "\n".join(f"    server 127.0.0.1:{p} max_fails=0;" for p in action_ports)
    return f"""{user}worker_processes 1;
pid {run_dir / 'nginx.pid'};
error_log stderr crit;
events {{ worker_connections 2048; }}
http {{
  access_log off;
{temp}
  client_max_body_size 2m;
  client_body_buffer_size 2m;
  # No kept-alive connections to the Rasa servers: a message on a fresh connection to a dead server
  # is refused before it is sent, so nginx may give it to another server without doing it twice.
  upstream rasa {{
{rasa}
  }}
  upstream actions {{
{actions}
    keepalive 16;
  }}
  server {{
    listen {public_host}:{public_port};
    location /webhooks/ {{
      proxy_pass http://rasa;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
    }}
    location = / {{
      proxy_pass http://rasa;
      proxy_next_upstream error timeout http_502 http_503;
    }}
    location / {{ return 404; }}
  }}
  server {{
    listen 127.0.0.1:{actions_port};
    location / {{
      proxy_pass http://actions;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }}
  }}
}}
"""
