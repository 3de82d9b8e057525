"""The web channel over HTTP: safe headers on every answer, bad input answered kindly, never a 5xx."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

CONVERSATION = "c0ffee" * 4


def call(assistant, path: str, body: bytes | None = None, content_type: str = "application/json"):
    req = urllib.request.Request(f"{assistant.url}/webhooks/web/{path}", data=body,
                                 headers={"Content-Type": content_type} if body is not None else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def send(assistant, payload) -> tuple[int, dict, bytes]:
    return call(assistant, "message", json.dumps(payload).encode())


@pytest.mark.parametrize("path", ["", "static/chat.js", "static/chat.css", "texts?lang=fr", "static/nothing.js",
                                  "nothing/here", "message", "forget"])
def test_every_answer_carries_the_safe_headers(assistant, path):
    status, headers, _ = call(assistant, path)
    assert status in (200, 404, 405)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in headers


def test_messages_and_errors_carry_the_safe_headers_too(assistant):
    for _status, headers, _ in (send(assistant, {"conversation": CONVERSATION, "message": "hi"}),
                                call(assistant, "message", b"{not json")):
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert headers["Cache-Control"] == "no-store"


def test_the_page_has_no_inline_script_and_loads_nothing_from_another_host(assistant):
    _, _, body = call(assistant, "")
    html = body.decode()
    assert "<script>" not in html and "onclick" not in html and "style=" not in html
    assert '<script src="static/chat.js"' in html
    assert "http://" not in html and "//cdn" not in html


def test_the_page_follows_the_browsers_language(assistant):
    req = urllib.request.Request(f"{assistant.url}/webhooks/web/", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert '<html lang="fr">' in r.read().decode()


@pytest.mark.parametrize("body", [
    b"", b"{not json", b"\xff\xfe\x00binary\x00", b"[1, 2]", b'"text"', b"null",
    json.dumps({"message": "hi"}).encode(),
    json.dumps({"conversation": "short", "message": "hi"}).encode(),
    json.dumps({"conversation": "../../etc/passwd" * 2, "message": "hi"}).encode(),
    json.dumps({"conversation": ["a"], "message": "hi"}).encode(),
])
def test_bad_requests_get_a_kind_4xx(assistant, body):
    status, _, raw = call(assistant, "message", body)
    assert status == 400
    answer = json.loads(raw)
    assert "911" in answer["messages"][0]["text"]  # still told where to get help


def test_a_huge_body_gets_a_kind_413(assistant):
    status, _, raw = call(assistant, "message", b"a" * 200_000)
    assert status == 413 and "911" in json.loads(raw)["messages"][0]["text"]


@pytest.mark.parametrize("message", ["", "   ", None, 42, {"x": 1}, "\x00\x01\x02"])
def test_an_empty_message_gets_a_kind_answer(assistant, message):
    status, _, raw = send(assistant, {"conversation": CONVERSATION, "message": message})
    assert status == 200
    assert "911" in json.loads(raw)["messages"][0]["text"]


def test_a_very_long_message_is_read_and_answered(assistant):
    status, _, raw = send(assistant, {"conversation": CONVERSATION + "1", "message": "how much does it cost? " * 500})
    assert status == 200 and len(json.loads(raw)["messages"]) >= 2


def test_forget_with_a_bad_body_is_a_4xx(assistant):
    assert call(assistant, "forget", b"\x00\x01")[0] == 400
    assert call(assistant, "forget", json.dumps({"conversation": 1}).encode())[0] == 400


def test_the_answer_names_the_conversations_language(assistant):
    _, _, raw = send(assistant, {"conversation": CONVERSATION + "fr", "message": "bonjour, combien ça coûte ?"})
    assert json.loads(raw)["language"] == "fr"


def test_staff_notes_come_only_in_staff_mode(assistant):
    plain = json.loads(send(assistant, {"conversation": CONVERSATION + "a", "message": "check my options"})[2])
    staff = json.loads(send(assistant, {"conversation": CONVERSATION + "b", "message": "check my options",
                                        "staff": True})[2])
    assert not any("staff_note" in m for m in plain["messages"])
    assert any("staff_note" in m for m in staff["messages"])


def test_the_conversation_is_stored_under_a_keyed_hash_and_forget_erases_it(assistant):
    from bench.servers import stored_id

    conversation = "f00d" * 6
    send(assistant, {"conversation": conversation, "message": "how much does the permit cost?"})
    assert any(e.get("event") == "user" for e in assistant.tracker(stored_id(f"web:{conversation}"))["events"])
    assert not any(e.get("event") == "user" for e in assistant.tracker(conversation)["events"])  # never the raw id
    # Typing /forget in the page erases it, like on every channel.
    _, _, raw = send(assistant, {"conversation": conversation, "message": "/forget"})
    assert "erased" in json.loads(raw)["messages"][0]["text"]
    assert not any(e.get("event") == "user" for e in assistant.tracker(stored_id(f"web:{conversation}"))["events"])
