"""The Telegram channel's own parts: long answers in pieces, remembered message ids, keyboards,
the Bot shut down with the server."""

from bot.channels.telegram import MAX_TEXT, SentMessages, keyboard, pieces


def test_long_answers_are_cut_at_lines_within_telegrams_limit():
    text = "\n".join(f"line {i} " + "x" * 300 for i in range(40))
    parts = pieces(text)
    assert len(parts) > 1 and all(len(p) <= MAX_TEXT for p in parts)
    assert "\n".join(parts) == text
    assert pieces("y" * (MAX_TEXT * 2 + 5)) == ["y" * MAX_TEXT, "y" * MAX_TEXT, "y" * 5]
    assert pieces("") == [] and pieces("short") == ["short"]


def test_message_ids_are_kept_per_chat_and_forgotten_when_taken_or_idle():
    sent = SentMessages(ttl_seconds=3600)
    sent.add("a", 1)
    sent.add("a", 2)
    sent.add("b", 9)
    assert sent.pop("a") == [1, 2] and sent.pop("a") == []
    idle = SentMessages(ttl_seconds=-1)
    idle.add("a", 1)
    idle.add("b", 2)  # adding sweeps out conversations idle for longer than the time to live
    assert idle.pop("a") == []


def test_buttons_become_a_one_time_keyboard_and_none_removes_it():
    markup = keyboard([{"title": "Yes", "payload": "Yes"}, {"title": "No", "payload": "No"}]).to_dict()
    assert [row[0]["text"] for row in markup["keyboard"]] == ["Yes", "No"] and markup["one_time_keyboard"]
    assert keyboard([]).to_dict() == {"remove_keyboard": True}


def test_the_bot_opened_for_answers_is_shut_down_when_the_server_stops():
    import asyncio

    from bench.fake_telegram import FakeBotApi
    from bot.channels.telegram import SafeTelegramInput

    token = "123456:CLOSE-TOKEN"
    api = FakeBotApi(token)
    try:
        channel = SafeTelegramInput(token, "secret", api.url)
        stop = [ln.listener for ln in channel.blueprint(lambda m: None)._future_listeners
                if ln.event == "after_server_stop"]
        assert len(stop) == 1

        async def run() -> tuple:
            bot = await channel.bot()
            opened = bot._bot_initialized
            await stop[0](None, None)
            return bot, opened

        bot, opened = asyncio.run(run())
        assert opened and not bot._bot_initialized  # shut down, its HTTP connections closed
        assert channel._bot is None  # a restarted server opens a new one
    finally:
        api.stop()
