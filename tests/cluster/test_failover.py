"""A Rasa server killed in the middle of conversations: nginx sends the next turns to the other
one, which carries on at the question each person was on; supervisord brings the dead one back.

(A message the server was reading at the very moment it died is lost with it and gets a 502: nginx
does not send a message twice. Telegram sends such an update again by itself.)"""

from __future__ import annotations

import os
import uuid

from bench.cluster_harness import wait


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_killed_rasa_server_loses_no_conversation(cluster):
    senders = [f"failover-{uuid.uuid4().hex}" for _ in range(4)]
    for sender in senders:
        assert "safe right now" in cluster.say(sender, "can i get a permit to stay?")
        assert "Are you in Canada now?" in cluster.say(sender, "yes")
    pid = int(cluster.ctl("pid", "rasa1").strip())
    cluster.ctl("signal", "KILL", "rasa1")
    assert wait(lambda: _gone(pid), 30, step=0.05)
    try:
        for sender in senders:
            answer = cluster.say(sender, "yes")
            assert "Are you a Canadian citizen or a permanent resident?" in answer
            assert "Are you in Canada now?" not in answer and "safe right now" not in answer
    finally:
        cluster.wait_for(cluster.rasa_url(0) + "/", 240)  # restarted by supervisord
    assert "RUNNING" in cluster.ctl("status", "rasa1")
    # The restarted server reads the same conversations.
    answer = cluster.say(senders[0], "no I'm from Mexico", base=cluster.rasa_url(0))
    assert "Are you a Canadian citizen" not in answer and "?" in answer
