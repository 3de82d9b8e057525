"""axe-core (from the axe-playwright-python package) on the real page: no serious or critical issue."""

from __future__ import annotations

from bench.chat_page import ChatPage

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical")]


def test_the_empty_page(page, assistant):
    ChatPage(page, assistant)
    assert serious(page) == []


def test_in_the_middle_of_a_conversation(page, assistant):
    chat = ChatPage(page, assistant, "?staff=1")
    chat.say("check my options")
    chat.click("Yes, I'm safe")
    assert serious(page) == []


def test_in_french(page, assistant):
    chat = ChatPage(page, assistant, "?lang=fr")
    chat.say("bonjour")
    assert serious(page) == []
