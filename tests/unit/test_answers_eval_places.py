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


def test_a_careful_safety_reading_is_a_miss_but_not_an_answer_taken_for_another() -> None:
    from bench.answers_eval import score

    res = score([("safe_now", "not really, he's in the next room", "yes"),
                 ("safe_now", "yes, I'm safe here", "no")], None)
    assert res["right"] == 0
    assert res["careful_safety"] == 1  # read "not safe" for someone who meant safe
    assert res["answer_for_another"] == 1  # read "safe" for someone who meant not safe
