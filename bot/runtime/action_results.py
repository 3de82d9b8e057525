"""Check action-server answers against Rasa's response schema with a validator built once.

Rasa 3.6 calls `jsonschema.validate(result, schema)` on every answer of the action server, and
jsonschema 4 checks the schema itself against its meta-schema on each call before checking the
answer. With two action calls in a screening turn that was three quarters of the Rasa server's
time (docs/benchmarks.md). The answer is still validated, with the same errors; only the
constant schema is no longer re-checked.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, as jsonschema.validate would on every call
    return cls(schema)


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """Same contract as RemoteAction._validate_action_result: True, or ValidationError."""
    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result

