"""The facts the assistant states (data/facts.yml): values for placeholders, sources for reviewers.

A fact's `checked` date is the last time someone compared it with one of the pages it names; a
page nobody compared it with is listed with no date. A value may differ by language (the French
page of a URL); a language without its own value gets the English one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

FACTS = Path(__file__).resolve().parents[1] / "data" / "facts.yml"
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Source:
    page: str  # the page's full address, or the stored document it is
    checked: dt.date | None  # when the fact was last compared with this page; None: never


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    sources: tuple[Source, ...]
    values: dict[str, str] = field(default_factory=dict)  # language -> value
    note: str | None = None  # where the wording rests on a secondary page, and what is unchecked

    @property
    def value(self) -> str | None:
        return self.values.get(DEFAULT_LANGUAGE)

    def value_in(self, lang: str) -> str | None:
        return self.values.get(lang) or self.value

    @property
    def source(self) -> str:
        """Every page, for reviewers: those never compared with the fact say so."""
        return "; ".join(s.page + ("" if s.checked else " (not yet checked)") for s in self.sources)

    @property
    def checked(self) -> dt.date | None:
        """The last time this fact was compared with one of its pages; None if never."""
        dates = [s.checked for s in self.sources if s.checked]
        return max(dates) if dates else None


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=4)
def load_facts(path: Path = FACTS) -> dict[str, Fact]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    facts = {}
    for fid, f in data["facts"].items():
        sources = tuple(Source(str(s["page"]), _date(s.get("checked"))) for s in f["sources"])
        raw = f.get("value")
        values = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else (
            {DEFAULT_LANGUAGE: str(raw)} if raw is not None else {})
        note = " ".join(f["note"].split()) if f.get("note") else None
        facts[fid] = Fact(fid, " ".join(f["statement"].split()), sources, values, note)
    return facts


def fact_values(lang: str = DEFAULT_LANGUAGE, path: Path = FACTS) -> dict[str, str]:
    """Placeholder values in `lang`: {hotline} -> 1-833-900-1010, {office_finder} -> the French page in French."""
    return {fid: value for fid, f in load_facts(path).items() if (value := f.value_in(lang)) is not None}


def unchecked_facts(path: Path = FACTS) -> list[str]:
    """Facts nobody has compared with any page they name: none may be stated as checked."""
    return [fid for fid, f in load_facts(path).items() if f.checked is None]


def last_checked(path: Path = FACTS) -> dt.date:
    """The oldest check date among the facts: what the assistant can honestly say it checked by.

    Refuses when a fact was never checked against its sources, rather than show a date for it.
    """
    never = unchecked_facts(path)
    if never:
        raise ValueError(f"facts never checked against their sources: {', '.join(never)}")
    return min(f.checked for f in load_facts(path).values() if f.checked is not None)
