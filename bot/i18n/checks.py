"""Catalog checks: everything that would ship a broken or dangerous translation.

Each check is a Babel-style checker, `(catalog, message)` raising `TranslationError`, like those in
babel/messages/checkers.py, so a check reads one entry and says one thing. `check()` runs them over
every catalog and names each problem by language, context and entry; `make locales-check` prints them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message, TranslationError
from babel.messages.pofile import PoFileError, read_po

from bot.i18n import typography
from bot.i18n.catalog_files import LOCALES, POT, catalogs, po_path, released
from bot.i18n.patterns import PHONE_NUMBER
from bot.i18n.patterns import placeholders as find_placeholders

Checker = Callable[[Catalog | None, Message], None]

# Numbers that must reach a person exactly as written, whatever the language.
PROTECTED_NUMBERS = ("911", "1-833-900-1010", "1-888-242-2100")
_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')


@dataclass(frozen=True)
class Problem:
    lang: str
    context: str
    msgid: str
    what: str

    def __str__(self) -> str:
        short = self.msgid if len(self.msgid) < 60 else self.msgid[:57] + "..."
        return f"{self.lang}: [{self.context}] {short!r}: {self.what}"


def _singular(msgid: str | tuple[str, ...] | list[str]) -> str:
    """A plural entry's id is the tuple of its forms; its first form names it."""
    return msgid if isinstance(msgid, str) else msgid[0]


def _translation(message: Message) -> str:
    """The translated text (a plural entry's first form), or "" when there is none."""
    s = message.string
    return s if isinstance(s, str) else (s[0] if s else "")


# --- Completeness: only released languages (locales/LINGUAS) must pass these. ---

def fuzzy(catalog: Catalog | None, message: Message) -> None:
    """A fuzzy entry is a guess gettext will not show: someone must check it."""
    if message.fuzzy:
        raise TranslationError("fuzzy: check the translation and remove the fuzzy flag")


def translated(catalog: Catalog | None, message: Message) -> None:
    """An empty translation falls back to English, which the reader may not read."""
    if not _translation(message):
        raise TranslationError("not translated")


# --- Content: every translated entry of every language, draft or released. ---

def placeholders(catalog: Catalog | None, message: Message) -> None:
    """A renamed or dropped {placeholder} breaks the message or loses a phone number."""
    string = _translation(message)
    want = sorted(find_placeholders(_singular(message.id)))
    got = sorted(find_placeholders(string))
    if string and want != got:
        raise TranslationError(f"placeholders {want} became {got}")


def phone_numbers(catalog: Catalog | None, message: Message) -> None:
    """Phone numbers written in the text must come through unchanged."""
    string = _translation(message)
    want = sorted(PHONE_NUMBER.findall(_singular(message.id)))
    got = sorted(PHONE_NUMBER.findall(string))
    if string and want != got:
        raise TranslationError(f"phone numbers {want} became {got}")


def emergency_numbers(catalog: Catalog | None, message: Message) -> None:
    """911 and the two help lines appear as often in the translation as in the source."""
    string, msgid = _translation(message), _singular(message.id)
    changed = [n for n in PROTECTED_NUMBERS if string and msgid.count(n) != string.count(n)]
    if changed:
        raise TranslationError("; ".join(f"emergency/phone number {n} changed or dropped" for n in changed))


def french_typography(catalog: Catalog | None, message: Message) -> None:
    """Canadian French punctuation spacing (bot/i18n/typography.py), for French catalogs only."""
    string = _translation(message)
    if not string or catalog is None or not typography.applies_to(str(catalog.locale_identifier or "")):
        return
    found = typography.problems(string)
    if found:
        raise TranslationError("; ".join(f"typography: {p}" for p in found))


COMPLETENESS: tuple[Checker, ...] = (fuzzy, translated)
CONTENT: tuple[Checker, ...] = (placeholders, phone_numbers, emergency_numbers, french_typography)


def run_checkers(catalog: Catalog, message: Message, checkers: Sequence[Checker]) -> list[str]:
    """What each checker says about one entry (Message.check does the same with Babel's own list)."""
    said = []
    for checker in checkers:
        try:
            checker(catalog, message)
        except TranslationError as e:
            said.append(str(e))
    return said


def lint_syntax(po: Path) -> list[str]:
    """Lines a PO parser would accept but gettext's msgfmt rejects (an unclosed quote, say)."""
    errors, seen = [], set()
    key: list[str] = []
    for n, line in enumerate(po.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not _PO_LINE.match(stripped):
            errors.append(f"line {n}: {stripped[:40]!r}")
        if stripped.startswith("msgctxt"):
            key = [stripped]
        elif stripped.startswith("msgid ") and stripped != 'msgid ""':
            entry = (*key, stripped)
            if entry in seen:
                errors.append(f"line {n}: duplicate entry {stripped[:40]!r}")
            seen.add(entry)
            key = []
    return errors


def check(locales: Path = LOCALES, pot: Path = POT) -> list[Problem]:
    """Every problem in every catalog, entry by entry; released languages must also be complete."""
    problems: list[Problem] = []
    with pot.open("rb") as fh:
        template = read_po(fh)
    wanted = {(m.context, m.id) for m in template if m.id}
    complete = set(released(locales))
    for lang in catalogs(locales):
        po = po_path(lang, locales)
        syntax = lint_syntax(po)
        if syntax:
            problems += [Problem(lang, "-", str(po), f"syntax error: {e}") for e in syntax]
            continue
        try:
            with po.open("rb") as fh:
                cat: Catalog = read_po(fh, locale=lang, abort_invalid=True)
        except (PoFileError, ValueError, UnknownLocaleError) as e:
            problems.append(Problem(lang, "-", str(po), f"syntax error: {e}"))
            continue
        have = {(m.context, m.id): m for m in cat if m.id}
        for key in sorted(wanted - set(have), key=str):
            if lang in complete:
                problems.append(Problem(lang, key[0] or "-", _singular(key[1]), "missing (run make locales)"))
        checkers = (*COMPLETENESS, *CONTENT) if lang in complete else CONTENT
        for (ctx, msgid), m in have.items():
            problems += [Problem(lang, ctx or "-", _singular(msgid), what)
                         for what in run_checkers(cat, m, checkers)]
    return problems
