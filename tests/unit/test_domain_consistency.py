"""domain.yml must declare exactly the slots and ask-actions data/screening.yml needs."""

from pathlib import Path

import yaml

from actions.screening_form import ASK_ACTIONS
from bot.screening.questionnaire import default_questionnaire

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())


def test_form_slots_match_the_questionnaire():
    slots = default_questionnaire().slots
    assert DOMAIN["forms"]["screening_form"]["required_slots"] == slots
    for slot in slots:
        assert DOMAIN["slots"][slot]["mappings"] == [{"type": "custom"}]


def test_every_question_has_its_ask_action():
    for slot in default_questionnaire().slots:
        assert f"action_ask_{slot}" in DOMAIN["actions"]
        assert ASK_ACTIONS[slot]().name() == f"action_ask_{slot}"


def test_every_option_label_is_text_and_unique_within_its_question():
    for q in default_questionnaire().questions.values():
        labels = [o.label for o in q.options.values()]
        assert all(isinstance(x, str) and x for x in labels), q.id
        assert len(set(labels)) == len(labels), q.id
        assert q.staff_note, q.id
