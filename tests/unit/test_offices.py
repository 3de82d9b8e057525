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


# Every city where IRCC lists an office, by name and by a postal code of that city (its forward
# sortation area), and the places next door: the person's own office comes first.
OWN_OFFICE = [
    ("place:Vancouver", "postal:V6B 1A1", "vancouver_hornby"),
    ("place:Surrey", "postal:V3T", "surrey"),
    ("place:Calgary", "postal:T2P", "calgary"),
    ("place:Edmonton", "postal:T5J 0N3", "edmonton"),
    ("place:Winnipeg", "postal:R3C", "winnipeg"),
    ("place:Toronto", "postal:M5V", "toronto"),
    ("place:Scarborough", "postal:M1P", "scarborough"),
    ("place:Etobicoke", "postal:M9W", "etobicoke"),
    ("place:Mississauga", "postal:L5B", "mississauga"),
    ("place:Hamilton", "postal:L8P", "hamilton"),
    ("place:Niagara Falls", "postal:L2E", "niagara_falls"),
    ("place:Ottawa", "postal:K1P", "ottawa"),
    ("place:Montréal", "postal:H2X", "montreal"),
    ("place:Charlottetown", "postal:C1A", "charlottetown"),
    ("place:Halifax", "postal:B3J", "halifax"),
    # Next door: Gatineau (Hull, Aylmer) is across the river from Ottawa, not near Montréal.
    ("place:Gatineau", "postal:J8X", "ottawa"),
    ("place:Gatineau", "postal:J9H", "ottawa"),
    ("place:Laval", "postal:H7N", "montreal"),
    ("place:Burlington", "postal:L9H", "hamilton"),
]


@pytest.mark.parametrize("by_name, by_postal_code, office", OWN_OFFICE)
def test_the_office_in_the_persons_own_city_or_next_door_comes_first(by_name, by_postal_code, office):
    finder = default_finder()
    assert finder.nearest(by_name).office.id == office
    assert finder.nearest(by_postal_code).office.id == office


def test_a_postal_code_is_placed_by_its_first_three_characters_not_its_letter():
    # T5J (Edmonton) and T2P (Calgary) share a letter; so do L8P (Hamilton) and L5B (Mississauga).
    finder = default_finder()
    edmonton = finder.reference_point("postal:T5J")
    assert edmonton.kind == "postal area" and "Edmonton" in edmonton.name
    assert finder.nearest("postal:T5J").office.id != finder.nearest("postal:T2P").office.id
    assert finder.nearest("postal:L8P").office.id != finder.nearest("postal:L5B").office.id


def test_an_area_the_table_lacks_falls_back_to_its_letter():
    # "K9Z" is not in Canada Post's list of areas: the letter's region answers.
    finder = default_finder()
    assert finder.reference_point("postal:K9Z").name == "Ottawa"


def test_the_fsa_table_is_the_one_its_cited_source_gives():
    from bot.places.fsa_table import FSA_FILE, render

    assert FSA_FILE.read_text(encoding="utf-8") == render(), "run: python -m bot.places.fsa_table"


@pytest.mark.parametrize(
    "where, expected",
    [
        ("place:Vancouver", "Hornby"),
        ("place:British Columbia", "Hornby"),
        ("place:Surrey", "King George"),
        ("postal:V3T", "King George"),
    ],
)
def test_nearest_office_with_a_current_address(where, expected):
    match = default_finder().nearest(where)
    assert match.kind == "found" and expected in match.office.address


def test_cities_without_a_checked_address_are_named_without_one():
    match = default_finder().nearest("place:Winnipeg")
    assert match.kind == "city_only" and match.office.city == "Winnipeg" and match.office.address is None


def test_a_french_reply_gives_a_quebec_address_as_written_in_french(tmp_path):
    import datetime as dt

    from bot.places.offices import OfficeFinder
    from bot.screening.result import Texts, office_line

    # On a day its source was still current, Montréal's address is shown, in each language's form.
    finder = OfficeFinder(default_gazetteer(), today=dt.date(2020, 1, 1))
    match = finder.nearest("place:Montréal")
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


def test_every_office_names_its_page_and_when_it_was_published_and_checked():
    import datetime as dt

    data = yaml.safe_load((DATA / "offices.yml").read_text())
    for oid, office in data["offices"].items():
        assert office.get("source"), oid
        if office.get("address"):
            # An address names the page it comes from, its date, and when it was compared with it.
            assert office["source"].startswith(("https://", "http://")), oid
            assert office.get("source_date") and isinstance(office.get("checked"), dt.date), oid
        if isinstance(office.get("checked"), dt.date):
            assert office["source"].startswith(("https://", "http://")), f"{oid}: checked against what?"
    for cid, contact in data["contacts"].items():
        assert contact.get("source") and contact.get("checked"), cid


def test_no_address_is_shown_from_a_source_older_than_five_years():
    import datetime as dt

    from bot.places.offices import is_stale

    today = dt.date.today()
    for office in default_finder().offices:
        if office.address:
            assert not is_stale(office.source_date, today), office.id


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_halifax_is_shown_as_the_city_and_the_finder_not_a_2005_address(lang):
    from bot.screening.result import Texts, office_line

    match = default_finder().nearest("place:Halifax")
    line = office_line(Texts(lang), match)
    assert match.kind == "city_only" and "Halifax" in line and "Brunswick" not in line
    assert "https://www.canada.ca/" in line and "{" not in line


def test_the_source_age_check_reports_old_and_undated_sources_only():
    import datetime as dt

    from bot.places.offices import stale_sources

    data = {"offices": {
        "old": {"source": "https://example.org/a", "source_date": 2005},
        "month": {"source": "https://example.org/b", "source_date": "2021-06"},
        "fresh": {"source": "https://example.org/c", "source_date": dt.date(2024, 3, 1)},
        "undated": {"source": "a listing", "source_date": None},
    }}
    reported = " ".join(stale_sources(data, dt.date(2026, 12, 2)))
    assert "old:" in reported and "month:" in reported and "undated:" in reported
    assert "fresh:" not in reported
    assert stale_sources({"offices": {"fresh": data["offices"]["fresh"]}}, dt.date(2029, 3, 1)) == []
    assert stale_sources({"offices": {"fresh": data["offices"]["fresh"]}}, dt.date(2029, 3, 2))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_address_is_shown_with_the_year_of_its_source(lang):
    from bot.screening.result import Texts, office_line

    line = office_line(Texts(lang), default_finder().nearest("place:Surrey"))
    assert "King George" in line and "2022" in line and "{" not in line


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("by_name, by_postal_code, office", OWN_OFFICE)
def test_the_reply_names_the_persons_own_office_in_each_language(lang, by_name, by_postal_code, office):
    from bot.screening.result import Texts, office_line

    match = default_finder().nearest(by_postal_code)
    line = office_line(Texts(lang), match)
    assert match.office.place_name in line or (match.office.address_in(lang) or "\0") in line
    assert "1-888-242-2100" in line or match.kind == "found"
    assert "{" not in line


@pytest.mark.parametrize("typed, office", [("T5J 0N3", "edmonton"), ("j8x 3x7", "ottawa"), ("L8P4R5", "hamilton")])
def test_a_postal_code_typed_at_the_location_question_finds_the_local_office(typed, office):
    from bot.screening.questionnaire import default_questionnaire

    q = default_questionnaire()
    where = q.understand(q.questions["location"], typed)
    assert default_finder().nearest(where).office.id == office
