"""A message without words is a yes or a no only when it is a plain yes or no sign."""

import pytest

from bot.short_answer import is_sure_short_answer


@pytest.mark.parametrize("text", ["😢😢😢", "😭", "🙏", "...", "?!", "❤️", "😡", "👍😢"])
def test_feelings_and_punctuation_are_not_agreement(text):
    assert not is_sure_short_answer(text, {"name": "affirm", "confidence": 0.95})
    assert not is_sure_short_answer(text, {"name": "stop", "confidence": 0.95})


@pytest.mark.parametrize("text", ["👍", "👍🏽", "👌 ", "✅"])
def test_a_thumbs_up_is_yes(text):
    assert is_sure_short_answer(text, {"name": "affirm", "confidence": 0.7})


def test_a_thumbs_down_is_no_not_yes():
    assert is_sure_short_answer("👎", {"name": "deny", "confidence": 0.7})
    assert not is_sure_short_answer("👎", {"name": "affirm", "confidence": 0.7})


def test_words_are_read_as_before():
    assert is_sure_short_answer("ok 👍", {"name": "affirm", "confidence": 0.9})
