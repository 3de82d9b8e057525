"""The REST channel's pure helpers: input cleaning and pseudonymous sender ids."""

from bot.channels.pipeline import clean, pseudonym


def test_clean_keeps_text_and_drops_control_characters():
    assert clean("  hi\x00 there\x7f ") == "hi  there"
    assert clean("ligne 1\nligne 2") == "ligne 1\nligne 2"
    assert clean(None) == "" and clean({"a": 1}) == "" and clean(42) == ""


def test_sender_ids_are_keyed_hashes():
    a, b = pseudonym("client-id-for-test"), pseudonym("client-id-for-test")
    assert a == b and len(a) == 32
    assert "client" not in a and a != pseudonym("someone else")
