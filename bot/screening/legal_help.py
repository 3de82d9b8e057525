"""Free or low-cost legal help by province (data/legal_help.yml): where "have a lawyer check" goes.

Pure data access, no Rasa imports. Only organizations with a source are listed; for a province
without one, the result says "legal aid in your province" with the hotline instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LEGAL_HELP = Path(__file__).resolve().parents[2] / "data" / "legal_help.yml"


@dataclass(frozen=True)
class LegalHelp:
    id: str
    name: str
    province: str
    phone: str | None
    url: str | None
    source: str
    checked: dt.date
    source_kind: str = "primary"

    @property
    def how(self) -> str:
        """How to reach it, as the source gives it: phone, then web address."""
        return ", ".join(x for x in (self.phone, self.url) if x)


@lru_cache(maxsize=2)
def load_legal_help(path: Path = LEGAL_HELP) -> dict[str, LegalHelp]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = {}
    for hid, h in data["legal_help"].items():
        checked = h["checked"]
        if isinstance(checked, str):
            checked = dt.date.fromisoformat(checked)
        out[hid] = LegalHelp(hid, h["name"], str(h["province"]), h.get("phone"), h.get("url"),
                             " ".join(str(h.get("source") or "").split()), checked, h.get("source_kind", "primary"))
    return out


def for_province(province: str | None) -> list[LegalHelp]:
    """The sourced legal help in a province (empty when the province is unknown or has none)."""
    if not province:
        return []
    return [h for h in load_legal_help().values() if h.province == province]
