"""The translators' workflow: extract, update, compile, add a language, and check catalogs.

`make locales`, `make locale-add LANG=xx` and `make locales-check` call this module, so the same
steps run for a person, in the tests and in CI. Catalogs are ordinary gettext .po files; the checks
themselves are in bot/i18n/checks.py.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from bot.i18n.catalog_files import LOCALES, POT, ROOT, SOURCE, catalogs, po_path, released
from bot.i18n.checks import check


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
        po = po_path(lang, locales)
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
        po = po_path(lang, locales)
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
    if po_path(lang, locales).exists():
        raise SystemExit(f"locale-add: {lang} already exists at {po_path(lang, locales)}")
    _babel("init", "-i", str(pot), "-d", str(locales), "-l", lang, "--no-wrap")
    return po_path(lang, locales)


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
