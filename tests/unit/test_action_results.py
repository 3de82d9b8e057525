"""The project's action-result check must accept and reject exactly what Rasa's own check does."""

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction

from bot.runtime.action_results import validate_action_result

GOOD = {
    "events": [
        {"event": "slot", "name": "q_in_canada", "value": "yes", "timestamp": None},
        {"event": "active_loop", "name": None},
    ],
    "responses": [{"text": "Are you in Canada now?", "buttons": [{"title": "Yes", "payload": "/affirm"}]}],
}
BAD = [
    {"events": [{"name": "no event type"}]},
    {"events": "not a list"},
    {"events": [{"event": "slot", "timestamp": "yesterday"}]},
    {"responses": [{"text": "hi"}], "events": [{"event": 42}]},
]


def test_a_valid_answer_passes() -> None:
    assert validate_action_result(RemoteAction("action_x", None), GOOD) is True


@pytest.mark.parametrize("result", BAD)
def test_an_invalid_answer_is_rejected_like_rasa_does(result: dict) -> None:
    with pytest.raises(ValidationError) as rasa_error:
        validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(ValidationError) as ours:
        validate_action_result(RemoteAction("action_x", None), result)
    assert ours.value.message.startswith(rasa_error.value.message)
    assert "Failed to validate Action server response" in ours.value.message
