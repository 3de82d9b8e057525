"""Where the translation catalogs live and which of them are released.

Shared by the translators' workflow (bot/i18n/workflow.py) and the catalog checks (bot/i18n/checks.py).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"
# The gettext domain: every catalog is <lang>/LC_MESSAGES/messages.po.
CATALOG_NAME = "messages"
SOURCE = "en"


def po_path(lang: str, locales: Path = LOCALES) -> Path:
    """The catalog file of one language."""
    return locales / lang / "LC_MESSAGES" / f"{CATALOG_NAME}.po"


def released(locales: Path = LOCALES) -> list[str]:
    """Languages listed in locales/LINGUAS: these must be complete. Others are drafts in progress."""
    linguas = locales / "LINGUAS"
    if not linguas.exists():
        return []
    return [w for line in linguas.read_text().splitlines() for w in line.split("#")[0].split()]


def catalogs(locales: Path = LOCALES) -> list[str]:
    """Every language with a catalog, released or draft."""
    return sorted(p.parent.parent.name for p in locales.glob(f"*/LC_MESSAGES/{CATALOG_NAME}.po"))
