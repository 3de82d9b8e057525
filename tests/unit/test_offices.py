"""Office lookup: every province, postal codes, misspellings, and places we know nothing about."""

import pytest
import yaml

from bot.places.gazetteer import default_gazetteer
from bot.places.offices import DATA, default_finder

PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "YT", "NT", "NU"]


@pytest.mark.parametrize("code", PROVINCES)
def test_every_province_gets_an_answer(code):
    name = default_gazetteer().provinces[code]["en"]
    match = default_finder().nearest(f"place:{name}")
    if code in {"BC", "AB", "QC", "ON", "PE", "NS", "MB"}:
        # Provinces with a known office: the answer names one in the same province.
        assert match.kind in {"found", "city_only"} and match.office.province == code
    else:
        # Elsewhere an office hundreds of km away is no answer: the finder and the phone are.
        assert match.kind == "unknown" or match.distance_km <= default_finder().MAX_KM


@pytest.mark.parametrize(
    "where, expected",
    [
        ("place:Montréal", "Complexe Guy-Favreau"),
        ("place:montreal", "Complexe Guy-Favreau"),
        ("place:Laval", "Complexe Guy-Favreau"),
        ("place:British Columbia", "Hornby"),
        ("place:Surrey", "King George"),
        ("place:Calgary", "Harry Hays"),
        ("postal:T2P", "Harry Hays"),
        ("postal:H2X", "Complexe Guy-Favreau"),
        ("postal:B3J", "Brunswick"),
        ("place:Charlottetown", "Kent St"),
        ("place:Mississauga", "Glen Erin"),
    ],
)
def test_nearest_office_with_a_checked_address(where, expected):
    match = default_finder().nearest(where)
    assert match.kind == "found" and expected in match.office.address


def test_cities_without_a_checked_address_are_named_without_one():
    match = default_finder().nearest("place:Winnipeg")
    assert match.kind == "city_only" and match.office.city == "Winnipeg" and match.office.address is None


def test_a_french_reply_gives_a_quebec_address_as_written_in_french():
    from bot.screening.result import Texts, office_line

    match = default_finder().nearest("place:Montréal")
    assert "boulevard René-Lévesque Ouest" in office_line(Texts("fr"), match)
    assert "René-Lévesque Blvd W" in office_line(Texts("en"), match)


def test_an_office_is_named_as_ircc_names_it():
    from bot.places.offices import OfficeMatch
    from bot.screening.result import Texts, office_line

    scarborough = next(o for o in default_finder().offices if o.id == "scarborough")
    line = office_line(Texts("en"), OfficeMatch("city_only", scarborough, 0.0, None))
    assert "office in Scarborough," in line and "Village" not in line


@pytest.mark.parametrize("where", ["place:Atlantis", "place:", "postal:Z9Z", "place:Iqaluit", "postal:X0A", None])
def test_unknown_or_far_places_get_the_finder(where):
    assert default_finder().nearest(where).kind == "unknown"


def test_no_office_lacks_a_source_and_no_address_is_invented():
    data = yaml.safe_load((DATA / "offices.yml").read_text())
    for oid, office in data["offices"].items():
        assert office.get("source"), oid
        assert office.get("checked"), oid
    for cid, contact in data["contacts"].items():
        assert contact.get("source") and contact.get("checked"), cid
    addresses = {o["address"] for o in data["offices"].values() if o.get("address")}
    # The verified addresses of the reference sheet, and nothing else.
    assert len(addresses) == 9


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_address_is_shown_with_the_year_of_its_source(lang):
    from bot.screening.result import Texts, office_line

    data = yaml.safe_load((DATA / "offices.yml").read_text())
    assert all(o.get("source_date") for o in data["offices"].values() if o.get("address"))
    line = office_line(Texts(lang), default_finder().nearest("place:Halifax"))
    assert "1741 Brunswick St" in line and "2005" in line and "{" not in line
