"""The nearest IRCC office to a city, a province or a postal code, from data/offices.yml.

Only offices whose address comes from a named page at most five years old are shown with an
address; cities IRCC lists without such an address are named with the office finder; anything
else gets the finder and the phone. A postal code is placed by its forward sortation area (the
first three characters, data/places/fsa.yml), and an office in the person's own city or next door
is preferred to a farther one with an address.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from bot.places.gazetteer import Gazetteer, Place, default_gazetteer
from bot.places.location import Location

DATA = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Office:
    id: str
    city: str
    province: str
    address: str | None  # the address shown: None when unsourced or its source is too old
    source: str
    latitude: float
    longitude: float
    source_date: dt.date | None = None  # when the source page was published (or last updated)
    name: str | None = None  # IRCC's name for the place, when the gazetteer calls it otherwise
    address_fr: str | None = None  # the same address as written in French, where it differs

    @property
    def source_year(self) -> int | None:
        """Shown with the address: a person can judge how fresh it is."""
        return self.source_date.year if self.source_date else None

    def address_in(self, lang: str) -> str | None:
        return self.address_fr if lang == "fr" and self.address_fr else self.address

    @property
    def place_name(self) -> str:
        return self.name or self.city


@dataclass(frozen=True)
class OfficeMatch:
    kind: str  # "found" (address known), "city_only" (no checked address), "unknown"
    office: Office | None
    distance_km: float | None
    place: Place | None


# An address whose source is older than this is not shown (and `stale_sources` reports it).
MAX_SOURCE_AGE_YEARS = 5


def source_date(value: object) -> dt.date | None:
    """A source's date as written in the data: 2022-05-16, "2022-05" or 2022 (then 1 January)."""
    if value is None or isinstance(value, dt.date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])


def is_stale(published: dt.date | None, today: dt.date) -> bool:
    """True when a source is missing or more than MAX_SOURCE_AGE_YEARS old on `today`."""
    if published is None:
        return True
    try:
        limit = published.replace(year=published.year + MAX_SOURCE_AGE_YEARS)
    except ValueError:  # 29 February
        limit = published.replace(year=published.year + MAX_SOURCE_AGE_YEARS, day=28)
    return today > limit


def stale_sources(data: dict[str, Any], today: dt.date) -> list[str]:
    """Offices whose source is older than five years (or undated): the list to re-source."""
    return [
        f"{oid}: source {o.get('source')!r} dated {o.get('source_date') or 'never'}"
        for oid, o in data["offices"].items()
        if is_stale(source_date(o.get("source_date")), today)
    ]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class OfficeFinder:
    # Beyond this, "nearest" is not a useful answer: say we know none near there.
    MAX_KM = 400.0
    # An office this close is in the person's own city or next door (Gatineau and Ottawa): it is
    # the answer even without a shown address, before a farther office that has one.
    LOCAL_KM = 25.0
    # Farther away, an office with a shown address is preferred when it is about as close.
    ADDRESS_BONUS_KM = 30.0

    def __init__(self, gazetteer: Gazetteer, data_dir: Path = DATA, today: dt.date | None = None) -> None:
        self.gazetteer = gazetteer
        today = today or dt.date.today()
        raw = yaml.safe_load((data_dir / "offices.yml").read_text(encoding="utf-8"))
        self.postal = yaml.safe_load((data_dir / "places" / "postal.yml").read_text(encoding="utf-8"))["letters"]
        fsa_file = data_dir / "places" / "fsa.yml"
        self.fsa: dict[str, list[Any]] = yaml.safe_load(fsa_file.read_text(encoding="utf-8"))["fsa"]
        self.offices: list[Office] = []
        for oid, o in raw["offices"].items():
            if not isinstance(o.get("province"), str):
                raise ValueError(f"office {oid}: province must be a quoted code, got {o.get('province')!r}")
            city = gazetteer.get(o["city"])
            if city is None or city.latitude is None or city.longitude is None:
                raise ValueError(f"office {oid}: city {o['city']!r} is not in the gazetteer")
            published = source_date(o.get("source_date"))
            shown = o.get("address") if o.get("address") and not is_stale(published, today) else None
            self.offices.append(
                Office(oid, o["city"], o["province"], shown, o["source"], city.latitude, city.longitude,
                       published, o.get("name"), o.get("address_fr") if shown else None)
            )
        self.contacts: dict[str, dict[str, Any]] = raw.get("contacts", {})

    def reference_point(self, where: str) -> Place | None:
        """Where to measure from: the named city, a postal area, or a province's largest city."""
        location = Location.parse(where)
        if location.kind == "postal":
            code = location.value
            row = self.fsa.get(code[:3])
            if row:
                name, province, lat, lon = row
                return Place(name, "postal area", province, float(lat), float(lon))
            info = self.postal.get(code[:1])  # an area the table lacks: the letter's region
            return self.gazetteer.get(info["near"]) if info else None
        place = self.gazetteer.get(location.value)
        if place is None or place.kind == "city":
            return place
        cities = [c for c in self.gazetteer.cities() if c.province == place.province]
        return max(cities, key=lambda c: c.population) if cities else None

    def nearest(self, where: str | None) -> OfficeMatch:
        point = self.reference_point(where) if where else None
        if point is None or point.latitude is None or point.longitude is None:
            return OfficeMatch("unknown", None, None, point)
        distances = {o.id: _km(point.latitude, point.longitude, o.latitude, o.longitude) for o in self.offices}
        local = [o for o in self.offices if distances[o.id] <= self.LOCAL_KM]
        if local:
            best = min(local, key=lambda o: distances[o.id])
        else:
            best = min(self.offices, key=lambda o: distances[o.id] + (0 if o.address else self.ADDRESS_BONUS_KM))
        distance = distances[best.id]
        if distance > self.MAX_KM:
            return OfficeMatch("unknown", None, distance, point)
        return OfficeMatch("found" if best.address else "city_only", best, distance, point)

    def provincial_contacts(self, province: str | None, outcomes: Iterable[str] = ()) -> list[dict[str, Any]]:
        """The province's own lines; some only matter for certain outcomes (family violence, say)."""
        outcomes = set(outcomes)
        return [
            c
            for c in self.contacts.values()
            if province and c.get("province") == province and (not c.get("outcomes") or outcomes & set(c["outcomes"]))
        ]


@lru_cache(maxsize=1)
def default_finder() -> OfficeFinder:
    return OfficeFinder(default_gazetteer())
