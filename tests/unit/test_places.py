"""Places: the gazetteer finds Canadian cities and provinces however people write them."""

import pytest

from bot.places.gazetteer import default_gazetteer
from bot.places.matcher import default_matcher


@pytest.mark.parametrize(
    "text, value",
    [
        ("is there an office in Montréal?", "Montréal"),
        ("bureau a montreal svp", "Montréal"),
        ("i live in st-jerome", "Saint-Jérôme"),
        ("im in BC", "British Columbia"),
        ("je suis en colombie britannique", "British Columbia"),
        ("Prince Edward Island", "Prince Edward Island"),
        ("à l'Île-du-Prince-Édouard", "Prince Edward Island"),
        ("TORONTO", "Toronto"),
        ("in quebec city", "Québec"),
        ("Iqaluit", "Iqaluit"),
    ],
)
def test_finds_places(text, value):
    assert [m.value for m in default_matcher().find(text)] == [value]


@pytest.mark.parametrize("text", ["on my way", "i am on a farm", "the mission", "bc i have no papers", "/ask_office"])
def test_ordinary_words_are_not_places(text):
    assert default_matcher().find(text) == []


def test_mentions_point_at_the_original_text():
    text = "j'habite à Trois-Rivières maintenant"
    (m,) = default_matcher().find(text)
    assert text[m.start : m.end] == "Trois-Rivières"


def test_every_province_and_territory_is_known_with_coordinates_for_cities():
    g = default_gazetteer()
    provinces = {p.province for p in g.places.values() if p.kind == "province"}
    assert provinces == {"AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "YT", "NT", "NU"}
    for city in g.cities():
        assert city.latitude is not None and city.longitude is not None
    assert g.get("Montréal").province == "QC"
    assert g.get("Quebec").kind == "province"


@pytest.mark.parametrize("text, value", [("office in Montreall", "Montréal"), ("i live in edmonon", "Edmonton"),
                                         ("Sherbroke", "Sherbrooke"), ("vancover bc", "Vancouver")])
def test_misspelt_places_are_still_found(text, value):
    assert [m.value for m in default_matcher().find(text)] == [value]


@pytest.mark.parametrize(
    "text, town",
    [("Calgry AB", "Calgary"), ("Edmunston au NB", "Edmundston"), ("Sherbrok, Québec", "Sherbrooke")],
)
def test_a_misspelt_town_beside_its_province_is_the_town(text: str, town: str) -> None:
    assert [m.value for m in default_matcher().find(text)][0] == town


@pytest.mark.parametrize(
    "text, town",
    [("à l'usine de Caraquet", "Caraquet"), ("farm near Shediac", "Shediac"), ("chu à Rouyn", "Rouyn-Noranda")],
)
def test_small_fish_plant_and_farm_towns_are_known(text: str, town: str) -> None:
    found = default_matcher().find(text)
    assert [m.value for m in found] == [town]
    assert default_gazetteer().get(town).latitude is not None  # the nearest office can be found
