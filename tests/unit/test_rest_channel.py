"""The REST channel's pure helpers: input cleaning and pseudonymous sender ids."""

import hashlib

from bot.channels import pipeline
from bot.channels.pipeline import clean, pseudonym


def test_clean_keeps_text_and_drops_control_characters():
    assert clean("  hi\x00 there\x7f ") == "hi  there"
    assert clean("ligne 1\nligne 2") == "ligne 1\nligne 2"
    assert clean(None) == "" and clean({"a": 1}) == "" and clean(42) == ""


def test_sender_ids_are_keyed_hashes(monkeypatch):
    sender = "client-id-for-test"
    a, b = pseudonym(sender), pseudonym(sender)
    assert a == b and len(a) == 32 and a != pseudonym("someone else")
    # Keyed: whoever holds a list of sender ids (phone numbers, say) cannot recompute the stored ids.
    assert a != hashlib.sha256(sender.encode()).hexdigest()[:32]
    monkeypatch.setattr(pipeline, "_KEY", b"another deployment's key")
    assert pseudonym(sender) != a
