"""Redis stopped: every server gives a clear answer (never a 500); when Redis is back, the service
is back without restarting anything."""

from __future__ import annotations

import json
import uuid

from bench.cluster_harness import SECRET, wait
from bench.servers import stored_id


def _pings(cluster) -> bool:
    try:
        return bool(cluster.redis().ping())
    except Exception:
        return False


def test_a_redis_outage_gets_a_clear_answer_and_heals_itself(cluster):
    cluster.ctl("stop", "redis")
    try:
        assert not _pings(cluster)
        for base in (cluster.url, cluster.rasa_url(0), cluster.rasa_url(1)):
            body = json.dumps({"sender": f"redis-{uuid.uuid4().hex}", "message": "how much does it cost?"})
            status, raw = cluster.post("/webhooks/rest/webhook", body.encode(), base=base)
            assert status == 200
            text = " ".join(m["text"] for m in json.loads(raw))
            assert "911" in text and "1-833-900-1010" in text and "1-888-242-2100" in text
        update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "hello",
                                              "chat": {"id": 4242, "type": "private"}}}
        status, _ = cluster.post("/webhooks/telegram/webhook", json.dumps(update).encode(),
                                 {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})
        assert status == 200
    finally:
        cluster.ctl("start", "redis")
    assert wait(lambda: _pings(cluster), 30)
    sender = f"redis-{uuid.uuid4().hex}"
    for base in (cluster.rasa_url(0), cluster.rasa_url(1)):
        assert "free" in cluster.say(sender, "how much does the permit cost?", base=base).lower()
    assert cluster.stored_events(stored_id(sender))
