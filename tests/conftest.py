from __future__ import annotations

import pytest

from bench.servers import MODEL, Assistant, Conversation


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """The trained model served by a real Rasa server and action server (make test trains first)."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make test`, which trains it first")
    a = Assistant(tmp_path_factory.mktemp("assistant")).start()
    yield a
    a.stop()


@pytest.fixture
def chat(assistant):
    return Conversation(assistant)


@pytest.fixture(scope="session")
def assistant_without_actions(tmp_path_factory):
    """A Rasa server of its own whose action server is down, so no test stops the shared one."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make test`, which trains it first")
    a = Assistant(tmp_path_factory.mktemp("no-actions"), actions=False).start()
    yield a
    a.stop()
