"""A message that is only a place asks for the office near it; a message that says more does not."""

import pytest

from bot.places.bare import only_a_place
from bot.places.location import POSTAL
from bot.places.matcher import default_matcher


def spans(text: str) -> list[tuple[int, int]]:
    found = [(m.start, m.end) for m in default_matcher().find(text)]
    found += [(m.start(), m.end()) for m in POSTAL.finditer(text)]
    return found


@pytest.mark.parametrize("text", [
    "H2X", "h2x 1y4", "Surrey BC", "im in surrey", "je suis à Laval", "Toronto?", "chu a Gatineau",
    "near Leamington, Ontario", "mon code postal est J4K",
])
def test_only_a_place(text):
    assert only_a_place(text, spans(text))


@pytest.mark.parametrize("text", [
    "he is hitting me in Toronto", "I want to leave Surrey", "is the office in Montreal open on sunday",
    "Toronto is expensive", "hello", "", "/start", "j'ai peur à Laval",
])
def test_more_than_a_place(text):
    assert not only_a_place(text, spans(text))
