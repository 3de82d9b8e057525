"""The q_location slot keeps its "place:X" / "postal:X" strings: stories and trackers stay valid."""

import pytest

from bot.places.location import POSTAL, Location


@pytest.mark.parametrize("text", ["place:Montréal", "place:Niagara Falls", "postal:H2X", "postal:V6B1A1"])
def test_a_slot_value_reads_back_unchanged(text):
    assert str(Location.parse(text)) == text


def test_a_bare_name_is_a_place_and_postal_codes_are_upper_case():
    assert Location.parse("Toronto") == Location.place("Toronto")
    assert Location.parse("postal:h2x") == Location.postal("H2X")


def test_a_typed_postal_code_keeps_only_its_area():
    m = POSTAL.search("my code is v6b 1a1")
    assert m and str(Location.from_postal_match(m)) == "postal:V6B"
