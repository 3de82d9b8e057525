"""The Telegram channel's own parts: long answers in pieces, remembered message ids, keyboards."""

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
