"""The answer benchmark counts a place as read right when it is the same place, whatever language
the writer named it in; a different place is still a miss."""

from bench.answers_eval import _same


def test_a_province_named_in_french_is_the_place_the_bot_names_in_english() -> None:
    assert _same("place: Nouveau-Brunswick", "place:New Brunswick")
    assert _same("place: Colombie-Britannique", "place:British Columbia")


def test_a_town_with_its_province_is_read_right_as_the_town() -> None:
    assert _same("place: Kelowna, BC", "place:Kelowna")


def test_another_place_is_a_miss() -> None:
    assert not _same("place: Edmundston", "place:New Brunswick")
    assert not _same("place: Nouveau-Brunswick", "place:Nova Scotia")
    assert not _same("place: Gatineau", None)
