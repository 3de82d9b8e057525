"""Which messages ask to erase the conversation (data/privacy/forget.yml).

Read by the channel before the assistant sees the message: erasing must work whatever the model
understands, and the request itself is then never stored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalise import fold

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "privacy" / "forget.yml"
_END = re.compile(r"[\s.!?…]+$")
_SPACES = re.compile(r"[\s,;:]+")
# "merci beaucoup, effacez tout svp", "ok delete everything thanks": the courtesy around the request.
_COURTESY = (r"(merci|thanks|thank you|thx|ok|okay|d'accord|bon|alors|bonjour|salut|allo|hi|hello|hey)"
             r"( beaucoup| a lot| so much)?")
_BEFORE = re.compile(rf"^({_COURTESY} )+")
_AFTER = re.compile(rf"( {_COURTESY})+$")


class ForgetRequests:
    def __init__(self, commands: list[str], patterns: dict[str, list[str]]) -> None:
        self.commands = {c.lower() for c in commands}
        self._patterns = [re.compile(p) for items in patterns.values() for p in items]

    @classmethod
    def from_file(cls, path: Path = DEFAULT_FILE) -> ForgetRequests:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(data["commands"], data["patterns"])

    def matches(self, text: str) -> bool:
        folded = _SPACES.sub(" ", _END.sub("", fold(text or "").strip()))
        # "/forget@SomeBot" is how Telegram sends a command in a group: the name after @ is dropped.
        if folded.split("@")[0] in self.commands:
            return True
        bare = _AFTER.sub("", _BEFORE.sub("", folded))
        return any(p.match(folded) or p.match(bare) for p in self._patterns)


@lru_cache(maxsize=1)
def default_requests() -> ForgetRequests:
    return ForgetRequests.from_file()


def is_forget_request(text: str) -> bool:
    return default_requests().matches(text)
