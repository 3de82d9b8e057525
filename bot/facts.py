"""The facts the assistant states (data/facts.yml): values for placeholders, sources for reviewers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

FACTS = Path(__file__).resolve().parents[1] / "data" / "facts.yml"


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    source: str
    checked: dt.date
    value: str | None = None


@lru_cache(maxsize=4)
def load_facts(path: Path = FACTS) -> dict[str, Fact]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    facts = {}
    for fid, f in data["facts"].items():
        checked = f["checked"]
        if isinstance(checked, str):
            checked = dt.date.fromisoformat(checked)
        facts[fid] = Fact(fid, " ".join(f["statement"].split()), f["source"], checked, f.get("value"))
    return facts


def fact_values(path: Path = FACTS) -> dict[str, str]:
    """Placeholder values: {hotline} -> 1-833-900-1010."""
    return {fid: f.value for fid, f in load_facts(path).items() if f.value is not None}


def last_checked(path: Path = FACTS) -> dt.date:
    """The oldest check date among the facts: what the assistant can honestly say it checked by."""
    return min(f.checked for f in load_facts(path).values())
