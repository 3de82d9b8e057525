"""One cluster for the whole folder (Rasa servers take about 20 s each to load the model): Redis,
two Rasa servers, two action servers and nginx, under supervisord, with Telegram pointed at the
local fake Bot API. Tests that stop a process start it again and wait until it answers.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.cluster_harness import TOKEN, Cluster, wait
from bench.fake_telegram import FakeBotApi
from bench.servers import MODEL, free_port


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.cluster)


@pytest.fixture(scope="package")
def cluster(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("no trained model: run `make test`, which trains it first")
    api = FakeBotApi(TOKEN)
    c = Cluster(tmp_path_factory.mktemp("cluster"), api)
    try:
        yield c.start()
    finally:
        c.stop()
        api.stop()


@pytest.fixture(scope="package")
def redis_server(tmp_path_factory):
    """A bare Redis on a free port, for the stores' own tests."""
    from deploy.configs import redis_conf

    d = tmp_path_factory.mktemp("redis")
    port = free_port()
    (d / "redis.conf").write_text(redis_conf(d, port))
    proc = subprocess.Popen(["redis-server", str(d / "redis.conf")], stdout=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    assert wait(lambda: _pings(client), 20), "redis-server did not start"
    yield port
    proc.terminate()
    proc.wait(20)


def _pings(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False
