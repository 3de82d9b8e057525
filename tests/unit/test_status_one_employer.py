"""A permit said to be for one workplace, in everyday words, is a permit for one employer."""

import pytest

from bot.screening.questionnaire import default_questionnaire


def status(text: str):
    q = default_questionnaire()
    return q.read(q.questions["status"], text).answer


@pytest.mark.parametrize("text", [
    "only for one farm", "it's just for this greenhouse", "with one company only", "seulement pour une ferme",
    "chez un seul employeur", "juste pour ce restaurant",
])
def test_one_workplace_is_one_employer(text):
    assert status(text) == "employer_permit"


@pytest.mark.parametrize("text", ["i work at one farm but my permit is open", "permis ouvert"])
def test_an_open_permit_is_never_read_as_one_employer(text):
    assert status(text) != "employer_permit"
