"""Screenshots of the web chat for the README (make screenshots): English, French, phone width.

Starts the real assistant on free ports, talks to it in Debian's chromium, writes docs/web-chat-*.png.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.browser import launch, new_context
from bench.chat_page import ChatPage
from bench.servers import Assistant

ROOT = Path(__file__).resolve().parents[1]

SHOTS = [  # file, viewport, query, what the person does
    ("web-chat-en.png", {"width": 1000, "height": 900}, "", ["hi", "check my options", "@Yes, I'm safe"]),
    ("web-chat-fr.png", {"width": 1000, "height": 900}, "?lang=fr",
     ["combien coûte le permis ?", "je veux vérifier mes options", "@Oui, je suis en sécurité"]),
    ("web-chat-phone.png", {"width": 360, "height": 740}, "", ["check my options"]),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        assistant = Assistant(Path(work)).start()
        try:
            with sync_playwright() as p:
                browser = launch(p)
                for name, viewport, query, steps in SHOTS:
                    context = new_context(browser, viewport=viewport, reduced_motion="reduce")
                    page = context.new_page()
                    page.set_default_timeout(60_000)
                    chat = ChatPage(page, assistant, query)
                    for step in steps:
                        chat.click(step[1:]) if step.startswith("@") else chat.say(step)
                    page.mouse.move(0, 0)
                    page.evaluate("window.scrollTo(0, 0)")  # the sticky exit bar at the top
                    page.screenshot(path=str(ROOT / "docs" / name), full_page=True)
                    print(f"screenshots: docs/{name}")
                    context.close()
                browser.close()
        finally:
            assistant.stop()


if __name__ == "__main__":
    main()
