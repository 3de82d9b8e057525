"""Reports the offices whose source is older than five years: the list to re-source.

Their addresses are already withheld (the finder shows the city, the office finder and the phone);
this check says which sources a maintainer should replace. Exits 1 when any is listed.

    python -m bot.places.source_check
"""

from __future__ import annotations

import datetime as dt
import sys

import yaml

from bot.places.offices import DATA, MAX_SOURCE_AGE_YEARS, stale_sources


def main(today: dt.date | None = None) -> int:
    data = yaml.safe_load((DATA / "offices.yml").read_text(encoding="utf-8"))
    stale = stale_sources(data, today or dt.date.today())
    for line in stale:
        print(f"source older than {MAX_SOURCE_AGE_YEARS} years: {line}")
    if not stale:
        print("offices: every source is at most five years old")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
