"""Keys pressed at random are "not understood", never a question out of scope; words are words."""

import pytest

from bot.keyboard_mash import is_keyboard_mash


@pytest.mark.parametrize("text", ["asdfghjkl", "ZXCVBN", "qwertyuiop!!", "lkjhgf", "sdfsdf dfgdfg", "wxcvbn"])
def test_keys_side_by_side_are_not_words(text):
    assert is_keyboard_mash(text)


@pytest.mark.parametrize("text", [
    # Real words with runs of consonants or of top-row letters, places, texting.
    "strengths", "liberty", "poverty", "rhythms", "Lethbridge", "Chicoutimi", "Saskatchewan",
    "svp", "pls", "hmm", "lol", "idk", "ok", "jsp", "",
    # Longer messages are left to the classifier.
    "asdf asdf asdf asdf", "help me asdfgh",
])
def test_words_are_not_mash(text):
    assert not is_keyboard_mash(text)
