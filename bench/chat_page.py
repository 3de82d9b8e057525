"""Driving the chat page as a person does: typing, pressing Enter, clicking buttons."""

from __future__ import annotations

from bench.servers import stored_id


class ChatPage:
    def __init__(self, page, assistant, query: str = "") -> None:
        self.page, self.assistant = page, assistant
        self.url = f"{assistant.url}/webhooks/web/"
        page.goto(self.url + query)
        page.wait_for_selector("#chat:not([hidden])")

    def _answers(self) -> int:
        return self.page.locator("#log .msg.bot").count()

    def _wait_for_answer(self, before: int) -> str:
        self.page.wait_for_function(
            "n => document.querySelectorAll('#log .msg.bot').length > n && document.activeElement.id === 'input'",
            arg=before,
        )
        return "\n".join(self.page.locator("#log .msg.bot").all_inner_texts()[before:])

    def say(self, text: str) -> str:
        """Types a message and presses Enter; returns what the assistant answered."""
        before = self._answers()
        self.page.fill("#input", text)
        self.page.press("#input", "Enter")
        return self._wait_for_answer(before)

    def click(self, title: str) -> str:
        """Clicks one of the answer buttons the assistant offered."""
        before = self._answers()
        self.page.locator("#log .choices").get_by_role("button", name=title, exact=True).first.click()
        return self._wait_for_answer(before)

    def buttons(self) -> list[str]:
        return self.page.locator("#log .choices button").all_inner_texts()

    def lang(self) -> str:
        return self.page.evaluate("document.documentElement.lang")

    def conversation(self) -> str | None:
        return self.page.evaluate("sessionStorage.getItem('conversation')")

    def user_turns_on_server(self, conversation: str) -> int:
        events = self.assistant.tracker(stored_id(f"web:{conversation}")).get("events") or []
        return sum(1 for e in events if e.get("event") == "user")
