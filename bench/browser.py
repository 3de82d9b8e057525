"""Debian's chromium driven by Playwright for Python (never Playwright's own browser download)."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


# Pages outside the machine are answered by the test itself: nothing reaches the internet.
START_URL = "https://start.test/"
EXIT_HOST = "weather.gc.ca"  # the page's default neutral page (bot/channels/web_page.py)


def _offline(route) -> None:
    host = urlsplit(route.request.url).hostname or ""
    if host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.fulfill(status=200, content_type="text/html", body=f"<title>{host}</title><p>{host}</p>")


def new_context(browser, **kw):
    """A browser context in which every page outside the machine is answered locally."""
    context = browser.new_context(**kw)
    context.route("**/*", _offline)
    return context
