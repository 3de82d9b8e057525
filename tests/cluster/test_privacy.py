"""Under the cluster, a made-up name, phone number and address leave no trace in any log, and
none in Redis once the conversation is erased, whichever server takes the /forget."""

from __future__ import annotations

import json
import uuid

from bench.cluster_harness import SECRET
from bench.servers import stored_id

NAME = "Marisol Quintanilla-Verhoeven"
PHONE = "613-555-0142"
ADDRESS = "742 Rue des Erables-Rouges"
SECRETS = (NAME, PHONE, ADDRESS, "6135550142")


def _everything_in_redis(cluster) -> str:
    red, parts = cluster.redis(), []
    for key in red.scan_iter(count=1000):
        kind = red.type(key).decode()
        if kind == "string":
            parts.append(red.get(key) or b"")
        elif kind == "list":
            parts += red.lrange(key, 0, -1)
        elif kind == "hash":
            parts += [b"%s=%s" % kv for kv in red.hgetall(key).items()]
        elif kind == "zset":
            parts += red.zrange(key, 0, -1)
        parts.append(key)
    return b"\n".join(parts).decode("utf-8", "replace")


def _telegram(cluster, chat_id: int, message_id: int, text: str) -> None:
    update = {"update_id": message_id, "message": {
        "message_id": message_id, "date": 0, "text": text, "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": NAME.split()[0], "language_code": "en"}}}
    status, _ = cluster.post("/webhooks/telegram/webhook", json.dumps(update).encode(),
                             {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert status == 200


def test_personal_details_leave_no_trace(cluster):
    sender = f"privacy-{uuid.uuid4().hex}"
    for text in (f"my name is {NAME}", f"call me at {PHONE}", f"I live at {ADDRESS}, can i get a permit?"):
        cluster.say(sender, text, base=cluster.rasa_url(0))
    chat_id = 880000 + uuid.uuid4().int % 10000
    _telegram(cluster, chat_id, 1, f"I am {NAME}, my number is {PHONE}, I live at {ADDRESS}")
    stored = _everything_in_redis(cluster)
    assert NAME in stored and PHONE in stored  # what the check below looks for is really there

    cluster.say(sender, "/forget", base=cluster.rasa_url(1))  # erased by the other server
    _telegram(cluster, chat_id, 2, "/forget")
    stored = _everything_in_redis(cluster)
    assert not cluster.redis().exists(f"trp:tracker:{stored_id(sender)}")
    for secret in SECRETS:
        assert secret not in stored
    assert cluster.log_path.stat().st_size > 0
    logs = "\n".join(p.read_text(errors="replace") for p in cluster.log_path.parent.rglob("*")
                     if p.is_file() and p.suffix in (".log", ""))
    for secret in SECRETS:
        assert secret not in logs, f"found in a log: {secret[:3]}..."
