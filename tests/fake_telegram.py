"""The Bot API stand-in lives in bench/ (the load benchmark uses it too); tests import it from here."""

from bench.fake_telegram import FakeBotApi

__all__ = ["FakeBotApi"]
