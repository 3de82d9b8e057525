"""The benchmark compares a writer's signs with the questionnaire's under one set of names: a sign
named otherwise ("threats_violence") must not count as a wrong one ("threats")."""

from bench.answers_eval import SIGN_NAMES, offered, signs_stated
from bot.screening.questionnaire import default_questionnaire


def test_every_other_name_is_a_sign_the_questionnaire_knows():
    options = default_questionnaire().questions["situation"].options
    assert set(SIGN_NAMES.values()) <= set(options)


def test_a_sign_written_otherwise_counts_as_the_same_sign():
    assert signs_stated("threats_violence") == ["threats"]
    assert signs_stated(["cannot_leave", "debt"]) == ["not_free", "debt"]
    assert signs_stated(None) is None
    text = "my boss keeps my passport and says he will hurt my family if I leave"
    counts = offered({"messages": [{"text": text, "facts": {"situation": ["threats_violence"]}}]})
    assert counts == {"stated": 1, "right": 1, "wrong": 0, "unstated": 0}
