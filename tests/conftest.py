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
