"""Real chromium (Debian's) against the real Rasa server and action server, loopback only."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import launch  # noqa: E402

# Pages outside the machine are answered by the test itself: nothing reaches the internet.
START_URL = "https://start.test/"
EXIT_HOST = "weather.gc.ca"  # the page's default neutral page (bot/channels/web_page.py)


@pytest.fixture(scope="module")
def browser():
    # Per module, not per session: while Playwright's sync API runs, the main thread has a running
    # event loop, and tests elsewhere that call asyncio.run() would fail.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def _offline(route) -> None:
    host = urlsplit(route.request.url).hostname or ""
    if host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.fulfill(status=200, content_type="text/html", body=f"<title>{host}</title><p>{host}</p>")


def new_context(browser, **kw):
    context = browser.new_context(**kw)
    context.route("**/*", _offline)
    return context


@pytest.fixture
def context(browser):
    c = new_context(browser, viewport={"width": 1000, "height": 900})
    yield c
    c.close()


@pytest.fixture
def page(context, assistant):
    p = context.new_page()
    p.set_default_timeout(60_000)
    p.goto(START_URL)
    yield p
