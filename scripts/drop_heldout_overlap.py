"""Removes from the training data any example that is also a held-out or development message
(tests/nlu, tests/dev, tests/heldout), compared as the classifier reads text (case, accents,
apostrophes, hyphens and punctuation ignored), so the evaluations stay honest. Held-out messages
are never printed: only where they were removed from."""

import re
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bot.cli.danger_eval import SETS, load_set
from bot.normalise import overlap_key, plain_example


def unseen_messages() -> tuple[set[str], set[str]]:
    """Keys of the messages training must not contain: (printable ones, held-out ones)."""
    printable = {overlap_key(m.get("text")) for m in load_data("tests/nlu").intent_examples}
    printable |= {overlap_key(i.text) for f in sorted(SETS["dev"].glob("*.yml")) for i in load_set(f)}
    held = {overlap_key(i.text) for f in sorted(SETS["heldout"].glob("*.yml")) for i in load_set(f)}
    return printable, held


def main() -> None:
    printable, held = unseen_messages()
    removed = 0
    for f in sorted(Path("data/nlu").rglob("*.yml")):
        kept = []
        for line in f.read_text().splitlines(keepends=True):
            m = re.match(r"^\s*- (.*)$", line)
            if m and not line.lstrip().startswith("- intent:"):
                key = overlap_key(plain_example(m.group(1)))
                if key in held or key in printable:
                    removed += 1
                    shown = "(a held-out message)" if key in held else plain_example(m.group(1))
                    print(f"removed from {f}: {shown}")
                    continue
            kept.append(line)
        f.write_text("".join(kept))
    print(f"{removed} removed")


if __name__ == "__main__":
    main()
