"""Both action servers stopped: danger still gets 911, everything else the hotline and IRCC; once
they are back, the questions resume where they were."""

from __future__ import annotations

import uuid

from bench.cluster_harness import wait


def _up(cluster) -> bool:
    import urllib.request

    try:
        for port in cluster.layout.action_ports:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
        return True
    except OSError:
        return False


def test_without_action_servers_the_assistant_is_never_silent(cluster):
    sender = f"actions-{uuid.uuid4().hex}"
    cluster.say(sender, "can i get a permit to stay?")
    assert "Are you in Canada now?" in cluster.say(sender, "yes")
    cluster.ctl("stop", "actions1", "actions2")
    try:
        danger = cluster.say(f"actions-{uuid.uuid4().hex}", "they are hurting me")
        assert "911" in danger
        answer = cluster.say(sender, "yes")
        assert "911" in answer and "1-833-900-1010" in answer and "1-888-242-2100" in answer
        french = cluster.say(f"actions-{uuid.uuid4().hex}", "est-ce que je peux avoir un permis")
        assert "911" in french and "1-833-900-1010" in french
    finally:
        cluster.ctl("start", "actions1", "actions2")
    assert wait(lambda: _up(cluster), 120)
    answer = cluster.say(sender, "yes")
    assert "Are you a Canadian citizen or a permanent resident?" in answer
