"""The nearest IRCC office to a city, a province or a postal code, from data/offices.yml.

Only offices with a sourced address are shown with an address; cities IRCC lists without a
verified address are named with the office finder; anything else gets the finder and the phone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from bot.places.gazetteer import Gazetteer, Place, default_gazetteer

DATA = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Office:
    id: str
    city: str
    province: str
    address: str | None
    source: str
    latitude: float
    longitude: float
    source_year: int | None = None  # shown with the address: several sources are years old
    name: str | None = None  # IRCC's name for the place, when the gazetteer calls it otherwise
    address_fr: str | None = None  # the same address as written in French, where it differs

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


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class OfficeFinder:
    # Beyond this, "nearest" is not a useful answer: say we know none near there.
    MAX_KM = 400.0

    def __init__(self, gazetteer: Gazetteer, data_dir: Path = DATA) -> None:
        self.gazetteer = gazetteer
        raw = yaml.safe_load((data_dir / "offices.yml").read_text(encoding="utf-8"))
        self.postal = yaml.safe_load((data_dir / "places" / "postal.yml").read_text(encoding="utf-8"))["letters"]
        self.offices: list[Office] = []
        for oid, o in raw["offices"].items():
            if not isinstance(o.get("province"), str):
                raise ValueError(f"office {oid}: province must be a quoted code, got {o.get('province')!r}")
            city = gazetteer.get(o["city"])
            if city is None or city.latitude is None or city.longitude is None:
                raise ValueError(f"office {oid}: city {o['city']!r} is not in the gazetteer")
            self.offices.append(
                Office(oid, o["city"], o["province"], o.get("address"), o["source"], city.latitude, city.longitude,
                       o.get("source_date"), o.get("name"), o.get("address_fr"))
            )
        self.contacts: dict[str, dict[str, Any]] = raw.get("contacts", {})

    def reference_point(self, where: str) -> Place | None:
        """A city to measure from: the named city, a postal area's city, or a province's largest city."""
        if where.startswith("postal:"):
            letter = where.split(":", 1)[1][:1].upper()
            info = self.postal.get(letter)
            return self.gazetteer.get(info["near"]) if info else None
        name = where.split(":", 1)[1] if where.startswith("place:") else where
        place = self.gazetteer.get(name)
        if place is None or place.kind == "city":
            return place
        cities = [c for c in self.gazetteer.cities() if c.province == place.province]
        return max(cities, key=lambda c: c.population) if cities else None

    def nearest(self, where: str | None) -> OfficeMatch:
        point = self.reference_point(where) if where else None
        if point is None or point.latitude is None or point.longitude is None:
            return OfficeMatch("unknown", None, None, point)
        lat, lon = point.latitude, point.longitude
        # Prefer an office with a checked address when it is about as close as one without.
        ranked = sorted(
            self.offices,
            key=lambda o: _km(lat, lon, o.latitude, o.longitude) + (0 if o.address else 30),
        )
        best = ranked[0]
        distance = _km(lat, lon, best.latitude, best.longitude)
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
