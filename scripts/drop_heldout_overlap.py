"""Removes from the training data any example that is also a held-out example (ignoring case,
accents and punctuation), so the held-out evaluation stays honest. Prints what it removed."""

import re
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bot.text import fold, plain_example


def norm(text: str) -> str:
    return re.sub(r"[^\w' ]+", "", fold(text)).strip()


def main() -> None:
    held = {norm(m.get("text")) for m in load_data("tests/nlu").intent_examples}
    removed = 0
    for f in sorted(Path("data/nlu").rglob("*.yml")):
        kept = []
        for line in f.read_text().splitlines(keepends=True):
            m = re.match(r"^\s*- (.*)$", line)
            if m and not line.lstrip().startswith("- intent:"):
                plain = plain_example(m.group(1))
                if norm(plain) in held:
                    removed += 1
                    print(f"removed from {f}: {plain}")
                    continue
            kept.append(line)
        f.write_text("".join(kept))
    print(f"{removed} removed")


if __name__ == "__main__":
    main()
