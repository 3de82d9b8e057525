"""Which language to answer in: the person's explicit choice, else what their messages show."""

from __future__ import annotations

from typing import Iterable

from babel import negotiate_locale

DEFAULT_LANGUAGE = "en"


def negotiate(preferences: Iterable[str | None], available: Iterable[str]) -> str:
    """Best available language for an ordered list of preferences ("fr-CA" falls back to "fr")."""
    available = list(available)
    wanted = [p.replace("_", "-") for p in preferences if p]
    if wanted:
        found = negotiate_locale(wanted, [a.replace("_", "-") for a in available], sep="-")
        if found:
            return found.replace("-", "_")
    return DEFAULT_LANGUAGE


def conversation_language(
    chosen: str | None, detected: str | None, available: Iterable[str], hint: str | None = None
) -> str:
    """An explicit choice sticks; otherwise the last confidently detected language; then the channel's hint."""
    return negotiate([chosen, detected, hint], available)
