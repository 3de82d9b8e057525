"""The web chat in real chromium against the real assistant: conversations, quick exit, no-JS, phone."""

from __future__ import annotations

import time

from bench.browser import EXIT_HOST, START_URL, new_context
from bench.chat_page import ChatPage

NUMBERS = ("911", "1-833-900-1010", "1-888-242-2100")


def test_a_whole_conversation_in_english_with_buttons_and_free_text(page, assistant):
    chat = ChatPage(page, assistant)
    assert chat.lang() == "en"
    assert "safe right now" in chat.say("can i get a permit to stay?")
    assert "Yes, I'm safe" in chat.buttons()
    chat.click("Yes, I'm safe")
    chat.click("Yes")
    said = [chat.say(t) for t in ["no I'm from Mexico", "my visa ran out in March", "more than 90 days ago", "no",
                                  "my boss took my passport and I owe him money", "no", "no", "no", "Calgary"]]
    out = "\n".join(said)
    assert "Temporary Resident Permit (TRP) for victims of human trafficking may fit" in out
    assert all(n in out for n in NUMBERS)
    assert chat.lang() == "en"
    # Focus stays in the message box after sending, for the next message.
    assert page.evaluate("document.activeElement.id") == "input"
    # The person's words are shown as they typed them, in their own bubbles.
    assert "my visa ran out in March" in page.locator("#log .msg.user").all_inner_texts()[-8]


def test_a_whole_conversation_in_french(page, assistant):
    chat = ChatPage(page, assistant, "?lang=fr")
    assert chat.lang() == "fr"
    assert page.locator("#form button[type=submit]").inner_text() == "Envoyer"
    assert "en sécurité" in chat.say("est-ce que je pourrais avoir un permis pour rester?")
    assert "Oui, je suis en sécurité" in chat.buttons()
    chat.click("Oui, je suis en sécurité")
    chat.click("Oui")
    out = "\n".join(chat.say(t) for t in ["non", "jamais eu de papiers", "non", "rien de tout ça", "non", "oui", "non",
                                           "passer"])
    assert "violence familiale" in out and "pourrait" in out
    assert chat.lang() == "fr"
    assert page.evaluate("document.title") == "Aide pour un permis de séjour temporaire"


def test_danger_in_the_middle_of_the_questions_gets_911_and_the_questions_wait(page, assistant):
    chat = ChatPage(page, assistant)
    chat.say("check my options")
    chat.click("Yes, I'm safe")
    answer = chat.say("wait someone is at the door, i'm scared he will hurt me")
    assert "911" in answer and "1-833-900-1010" in answer


def test_the_language_switch_changes_the_page_and_the_conversation(page, assistant):
    chat = ChatPage(page, assistant)
    chat.say("hello")
    assert chat.lang() == "en"
    before = page.locator("#log .msg.bot").count()
    page.locator("a.lang[data-lang=fr]").click()
    page.wait_for_function("n => document.querySelectorAll('#log .msg.bot').length > n", arg=before)
    assert chat.lang() == "fr"
    assert page.locator("#form button[type=submit]").inner_text() == "Envoyer"
    assert page.locator("a.lang[data-lang=fr]").get_attribute("aria-current") == "true"
    # The choice sticks: an English question is still answered in French.
    chat.say("how much does it cost?")
    assert chat.lang() == "fr"


def test_staff_mode_shows_each_questions_note(page, assistant):
    chat = ChatPage(page, assistant, "?staff=1")
    assert page.locator(".staff-banner").is_visible()
    chat.say("check my options")
    note = page.locator("#log .msg.staff-note").last.inner_text()
    assert "911" in note  # the safety question's note: give 911 and the hotline first


def test_the_persons_words_are_never_html(page, assistant):
    chat = ChatPage(page, assistant)
    chat.say('<img src=x id=injected> <b id="bold">hi</b>')
    assert page.locator("#injected, #bold").count() == 0
    assert "<b id=\"bold\">hi</b>" in page.locator("#log .msg.user").last.inner_text()


def _leave_and_check(page, assistant, chat: ChatPage, leave) -> None:
    chat.say("how much does the permit cost?")
    conversation = chat.conversation()
    assert conversation and chat.user_turns_on_server(conversation) == 1
    leave()
    page.wait_for_url(f"https://{EXIT_HOST}/**")
    # The server no longer holds the conversation.
    deadline = time.monotonic() + 10
    while chat.user_turns_on_server(conversation) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert chat.user_turns_on_server(conversation) == 0
    # The chat page replaced itself in history: Back goes to the page before it.
    page.go_back()
    assert page.url == START_URL
    # The tab's storage for the chat page is empty (sessionStorage lives as long as the tab).
    page.goto(chat.url)
    assert page.evaluate("sessionStorage.length") == 0
    assert page.locator("#log .msg").count() == 0


def test_quick_exit_by_the_button_erases_everything(page, assistant):
    chat = ChatPage(page, assistant)
    _leave_and_check(page, assistant, chat, lambda: page.locator("#exit").click())


def test_quick_exit_by_pressing_shift_three_times(page, assistant):
    chat = ChatPage(page, assistant)

    def shift_three_times() -> None:
        page.keyboard.press("Shift")
        assert "2" in page.locator("#exit-status").inner_text()  # announced for screen readers
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")

    _leave_and_check(page, assistant, chat, shift_three_times)


def test_other_keys_between_shifts_do_not_exit(page, assistant):
    chat = ChatPage(page, assistant)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    assert page.url.startswith(chat.url)


def test_end_and_clear_erases_without_leaving(page, assistant):
    chat = ChatPage(page, assistant)
    chat.say("how much does the permit cost?")
    conversation = chat.conversation()
    assert chat.user_turns_on_server(conversation) == 1
    page.locator("#end").click()
    page.wait_for_function("() => document.querySelectorAll('#log .msg.bot').length === 1")
    assert chat.user_turns_on_server(conversation) == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert page.url.startswith(chat.url)
    assert "erased" in page.locator("#log").inner_text()
    assert page.evaluate("document.activeElement.id") == "input"


def test_without_javascript_the_page_still_gives_the_numbers(browser, assistant):
    context = new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{assistant.url}/webhooks/web/?lang=fr")
        text = page.locator("body").inner_text()
        assert all(n in text for n in NUMBERS)
        assert "JavaScript" in text
        assert page.locator("#exit").get_attribute("href").startswith(f"https://{EXIT_HOST}")
        assert not page.locator("#form").is_visible()
    finally:
        context.close()


def test_on_a_360_pixel_phone_screen(browser, assistant):
    context = new_context(browser, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        chat = ChatPage(page, assistant)
        chat.say("check my options")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing off the side
        for selector in ("#exit", "#input", "#form button[type=submit]", "#log .choices button"):
            box = page.locator(selector).first.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
        assert page.locator("#exit").is_visible()
    finally:
        context.close()


def test_at_200_percent_zoom_nothing_is_cut(browser, assistant):
    # 200% zoom of a 1280-pixel window: the page lays out in 640 CSS pixels.
    context = new_context(browser, viewport={"width": 640, "height": 450}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        ChatPage(page, assistant).say("hello")
        assert page.evaluate("document.documentElement.scrollWidth") <= 640
        assert page.locator("#exit").is_visible()
    finally:
        context.close()


def test_reduced_motion_is_respected(browser, assistant):
    context = new_context(browser, reduced_motion="reduce")
    try:
        page = context.new_page()
        ChatPage(page, assistant)
        assert page.evaluate("getComputedStyle(document.getElementById('log')).scrollBehavior") == "auto"
    finally:
        context.close()


def test_paragraphs_are_kept_and_official_addresses_are_safe_links(page, assistant):
    chat = ChatPage(page, assistant)
    chat.say("can i work with the permit?")
    answer = page.locator("#log .msg.bot").last
    assert answer.locator("p:not(.who)").count() >= 2  # the answer's paragraphs
    link = answer.locator("a[href^='https://www.canada.ca/']").first
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    # An address the person writes is never a link.
    chat.say("https://www.canada.ca/ is that right?")
    assert page.locator("#log .msg.user a").count() == 0


def test_the_keyboard_alone_is_enough(page, assistant):
    ChatPage(page, assistant)
    focused = []
    for _ in range(30):  # Tab from the top of the page until the message box
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
        if focused[-1] == "input":
            break
    assert focused[0] == "skip"  # the skip link to the exit button comes first
    assert focused[-1] == "input"
    # The focused element is visibly outlined.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("check my options")
    page.keyboard.press("Enter")
    page.wait_for_selector("#log .choices button")
    assert page.evaluate("document.activeElement.id") == "input"
    # Back (Shift+Tab) to the answer buttons, then Enter on one of them.
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.closest('.choices') !== null"):
            break
    before = page.locator("#log .msg.bot").count()
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('#log .msg.bot').length > n", arg=before)
    assert page.locator("#log .msg.user").count() == 2
