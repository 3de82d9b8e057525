"""The translators' workflow: extract, update, compile, add a language, and check catalogs.

`make locales`, `make locale-add LANG=xx` and `make locales-check` call this module, so the same
steps run for a person, in the tests and in CI. Catalogs are ordinary gettext .po files.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po

from bot.i18n import typography

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"
DOMAIN = "messages"
SOURCE = "en"
# Numbers that must reach a person exactly as written, whatever the language.
PROTECTED_NUMBERS = ("911", "1-833-900-1010", "1-888-242-2100")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')
_NUMBER = re.compile(r"(?<![\d-])(?:911|\d-\d{3}-\d{3}-\d{4})(?![\d-])")


def _po(lang: str, locales: Path = LOCALES) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def released(locales: Path = LOCALES) -> list[str]:
    """Languages listed in locales/LINGUAS: these must be complete. Others are drafts in progress."""
    linguas = locales / "LINGUAS"
    if not linguas.exists():
        return []
    return [w for line in linguas.read_text().splitlines() for w in line.split("#")[0].split()]


def catalogs(locales: Path = LOCALES) -> list[str]:
    return sorted(p.parent.parent.name for p in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(root: Path = ROOT, pot: Path = POT) -> None:
    """Collect every user-facing string (domain, questionnaire, facts, offices, Python) into the template."""
    # From the repository, so references read "domain.yml:143" wherever the checkout is.
    with contextlib.chdir(root):
        _babel("extract", "-F", "babel.cfg", "-o", str(pot), "--sort-by-file", "-c", "TRANSLATORS:",
               "--project", "TRP assistant", "--no-wrap", ".")


def update(locales: Path = LOCALES, pot: Path = POT) -> None:
    """Bring every catalog up to date with the template; English is the source and copies itself."""
    for lang in catalogs(locales):
        _babel("update", "-i", str(pot), "-d", str(locales), "-l", lang, "--no-wrap", "--ignore-pot-creation-date")
    for lang in catalogs(locales):
        po = _po(lang, locales)
        with po.open("rb") as fh:
            cat = read_po(fh, locale=lang)
        if lang == SOURCE:
            for m in cat:
                if m.id:
                    m.string, m.flags = m.id, set(m.flags) - {"fuzzy"}
        # References name the file, not the line: an edit above an entry then changes no other
        # entry, and two people's catalog changes merge without conflicts.
        with po.open("wb") as fh:
            write_po(fh, cat, width=0, include_lineno=False)


def compile_all(locales: Path = LOCALES) -> None:
    for lang in catalogs(locales):
        po = _po(lang, locales)
        with po.open("rb") as fh:
            cat = read_po(fh, locale=lang)
        with po.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, cat, use_fuzzy=False)


def add_language(lang: str, locales: Path = LOCALES, pot: Path = POT) -> Path:
    """Start a catalog for a new language (a draft until listed in locales/LINGUAS)."""
    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError) as e:
        raise SystemExit(f"locale-add: {lang!r} is not a language code Babel knows ({e})") from e
    if _po(lang, locales).exists():
        raise SystemExit(f"locale-add: {lang} already exists at {_po(lang, locales)}")
    _babel("init", "-i", str(pot), "-d", str(locales), "-l", lang, "--no-wrap")
    return _po(lang, locales)


@dataclass(frozen=True)
class Problem:
    lang: str
    context: str
    msgid: str
    what: str

    def __str__(self) -> str:
        short = self.msgid if len(self.msgid) < 60 else self.msgid[:57] + "..."
        return f"{self.lang}: [{self.context}] {short!r}: {self.what}"


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
    """Everything that would ship a broken or dangerous translation, entry by entry."""
    problems: list[Problem] = []
    with pot.open("rb") as fh:
        template = read_po(fh)
    wanted = {(m.context, m.id) for m in template if m.id}
    complete = set(released(locales))
    for lang in catalogs(locales):
        po = _po(lang, locales)
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
        for (ctx, msgid), m in have.items():
            problems += _check_entry(lang, ctx or "-", _singular(msgid), m, lang in complete)
    return problems


def _singular(msgid: str | tuple[str, ...] | list[str]) -> str:
    """A plural entry's id is the tuple of its forms; its first form names it."""
    return msgid if isinstance(msgid, str) else msgid[0]


def _check_entry(lang: str, ctx: str, msgid: str, m: Message, must_be_complete: bool) -> list[Problem]:
    out = []
    string = m.string if isinstance(m.string, str) else (m.string[0] if m.string else "")
    if m.fuzzy and must_be_complete:
        out.append(Problem(lang, ctx, msgid, "fuzzy: check the translation and remove the fuzzy flag"))
    if not string:
        if must_be_complete:
            out.append(Problem(lang, ctx, msgid, "not translated"))
        return out
    want, got = sorted(_PLACEHOLDER.findall(msgid)), sorted(_PLACEHOLDER.findall(string))
    if want != got:
        out.append(Problem(lang, ctx, msgid, f"placeholders {want} became {got}"))
    want_n, got_n = sorted(_NUMBER.findall(msgid)), sorted(_NUMBER.findall(string))
    if want_n != got_n:
        out.append(Problem(lang, ctx, msgid, f"phone numbers {want_n} became {got_n}"))
    for number in PROTECTED_NUMBERS:
        if msgid.count(number) != string.count(number):
            out.append(Problem(lang, ctx, msgid, f"emergency/phone number {number} changed or dropped"))
    if typography.applies_to(lang):
        out += [Problem(lang, ctx, msgid, f"typography: {p}") for p in typography.problems(string)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("command", choices=["extract", "update", "compile", "all", "add", "check"])
    ap.add_argument("lang", nargs="?")
    args = ap.parse_args(argv)
    if args.command in ("extract", "all"):
        extract()
    if args.command in ("update", "all"):
        update()
    if args.command in ("compile", "all"):
        compile_all()
    if args.command == "add":
        if not args.lang:
            ap.error("add needs a language code, e.g. es or pt_BR")
        path = add_language(args.lang)
        update()
        compile_all()
        print(f"locale-add: created {path}. Translate it with any PO editor, then run make locales-check.")
    if args.command == "check":
        problems = check()
        for p in problems:
            print(p)
        if problems:
            print(f"locales-check: {len(problems)} problem(s)", file=sys.stderr)
            return 1
        print(f"locales-check: {', '.join(catalogs())} OK (complete: {', '.join(released()) or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
