"""Hostile and broken input on every entry point behind the balancer: every channel of
credentials.yml, each of its POST routes. Property-based (hypothesis) plus the classic cases.

Every request gets a 4xx or a kind answer, never a 5xx, and the servers keep answering others.
"""

from __future__ import annotations

import json
import uuid

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.cluster_harness import SECRET
from bench.servers import ROOT


def entry_points() -> list[tuple[str, str]]:
    """(channel name, path) of every POST route of every channel the servers are configured with."""
    from rasa.shared.utils.common import class_from_module_path

    found = []
    for key, value in (yaml.safe_load((ROOT / "credentials.yml").read_text()) or {}).items():
        if "." not in key:
            continue  # Rasa's own channels by short name: none in this project
        channel = class_from_module_path(key).from_credentials(value)

        async def handler(message):  # never called: only the routes are read
            return None

        for route in channel.blueprint(handler)._future_routes:
            if "POST" in route.methods:
                found.append((channel.name(), f"/webhooks/{channel.url_prefix()}{route.uri}"))
    return found


ENTRY_POINTS = entry_points()
WEIRD = st.sampled_from([
    "", " ", "\x00\x01\x02\x1b[31m", "\u202eevil\u202c", "a\u200b\u200c\u200d\ufeffb",
    "\u200f\u0645\u0631\u062d\u0628\u0627",
    "😀" * 3000, "👍🏽" * 500, "<script>alert(1)</script>", "<b>bold</b><img src=x onerror=alert(1)>",
    "**bold** _it_ [link](http://example.invalid) `code` ```block```", "x" * 20000, "/unknowncommand",
    "/start@otherbot extra", "/forget", "/help /stop /restart", "%s %n {0} ${jndi:ldap://x}", "'; DROP TABLE x;--",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), "\n" * 500, "ı̇̈" * 300,
])
TEXTS = st.one_of(WEIRD, st.text(max_size=300), st.text(alphabet=st.characters(blacklist_categories=()), max_size=50))
CONTENT_TYPES = st.sampled_from([
    "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz", "application/xml", "",
])


def _json_body(text: str, shape: int) -> bytes:
    sender, chat = f"fuzz-{uuid.uuid4().hex}", 700000 + uuid.uuid4().int % 100000
    shapes = [
        {"sender": sender, "message": text},
        {"sender": sender, "message": text, "metadata": {"x": text}},
        {"sender": None, "message": text},
        {"message": text},
        [text],
        text,
        {"sender": sender, "message": {"nested": text}},
        {"update_id": 1, "message": {
            "message_id": 1, "date": 0, "text": text, "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "x", "language_code": text[:8]}}},
        {"update_id": 2, "message": {"message_id": 2, "date": 0, "text": text, "chat": {"id": chat, "type": "group"}}},
        {"update_id": 3, "edited_message": {"message_id": 3, "date": 0, "text": text}},
        {"session": text, "sender": sender, "text": text, "message": text},
    ]
    # surrogatepass: a lone surrogate becomes invalid UTF-8, itself a hostile input
    return json.dumps(shapes[shape % len(shapes)], ensure_ascii=shape % 2 == 0).encode("utf-8", "surrogatepass")


BODIES = st.one_of(
    st.builds(_json_body, TEXTS, st.integers(0, 20)),
    st.binary(max_size=2000),
    st.sampled_from([b"", b"{", b"null", b"[]", b"\xff\xfe\xfa", b'{"sender": "a", "message": "\xc3\x28"}',
                     b"{" * 5000, b'{"sender": "a", "message": "hi"}' + b"\x00" * 10]),
)
SECRETS = st.sampled_from([SECRET, None, "", "wrong", SECRET + "x", "\u00e9" * 3])


def _check(cluster, channel: str, path: str, body: bytes, content_type: str, secret: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret.encode("utf-8").decode("latin-1")
    status, raw = cluster.post(path, body, headers)
    assert status < 500, f"{channel} {path} gave {status} for {body[:80]!r} ({content_type})"
    if channel == "rest" and status == 200:
        answers = json.loads(raw)
        assert answers and all(a.get("text") for a in answers)


@pytest.mark.parametrize("channel, path", ENTRY_POINTS)
def test_classic_bad_input_gets_4xx_or_a_kind_answer(cluster, channel, path):
    big_text = json.dumps({"sender": f"fuzz-{uuid.uuid4().hex}", "message": "word " * 200_000}).encode()
    for body, content_type, secret in [
        (b"", "application/json", SECRET), (b"", "", None), (b"x" * 1_000_000, "application/json", SECRET),
        (big_text, "application/json", SECRET), (b"not json", "application/json", SECRET),
        (b"\xff\xfe\x00bad utf8", "application/json", SECRET), (b"x" * 3_000_000, "text/plain", SECRET),
        (_json_body("hello", 0), "text/plain", SECRET), (_json_body("hello", 7), "application/json", "wrong"),
        (_json_body("hello", 7), "application/json", None),
    ]:
        _check(cluster, channel, path, body, content_type, secret)


@pytest.mark.parametrize("channel, path", ENTRY_POINTS)
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(body=BODIES, content_type=CONTENT_TYPES, secret=SECRETS)
def test_any_input_gets_4xx_or_a_kind_answer(cluster, channel, path, body, content_type, secret):
    _check(cluster, channel, path, body, content_type, secret)


def test_the_servers_still_answer_after_the_fuzzing(cluster):
    for i in range(2):
        assert "free" in cluster.say(f"after-{uuid.uuid4().hex}", "how much does the permit cost?",
                                     base=cluster.rasa_url(i)).lower()
