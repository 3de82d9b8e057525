"""Chat commands mean an intent the assistant has; anything else is read as text."""

from pathlib import Path

import pytest
import yaml

from bot.channels.commands import command_intent, commands

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_names_an_intent_of_the_domain():
    intents = set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"])
    assert commands() and set(commands().values()) <= intents


@pytest.mark.parametrize("text, intent", [
    ("/help", "greet"), ("/HELP ", "greet"), ("/start", "greet"), ("/aide@TrpHelpBot", "greet"),
    ("/arrêter", "stop"), ("/privacy", "ask_privacy"), ("/restart", "stop"), ("/recommencer", "stop"),
])
def test_commands(text, intent):
    assert command_intent(text) == intent


@pytest.mark.parametrize("text", ["help", "help me", "/help me now", "/unknown", "/forget", "", "/"])
def test_not_commands(text):
    assert command_intent(text) is None
