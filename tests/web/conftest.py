"""Real chromium (Debian's) against the real Rasa server and action server, loopback only."""

from __future__ import annotations

import pytest

from bench.browser import START_URL, launch, new_context


@pytest.fixture(scope="module")
def browser():
    # Per module, not per session: while Playwright's sync API runs, the main thread has a running
    # event loop, and tests elsewhere that call asyncio.run() would fail.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


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
