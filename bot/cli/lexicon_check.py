"""Recall and false alarms of the rule layer alone (phrases + lexicon), per language and per kind.

The classifier is left out (its probability is 0), so the figures say what the rules of
data/safety/danger.yml and data/safety/lexicon.yml catch by themselves, and which messages they
miss or wrongly alarm on. Reads the danger examples file ({languages: {xx: {danger, near_miss}}})
or a development set ({language, danger, near_miss}); never point it at a held-out set, since it
prints the texts.

    python -m bot.cli.lexicon_check data/safety/danger_examples.yml tests/dev/danger/en.yml [--quiet]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml


def load(path: Path) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """{language: {"danger"|"near_miss": [(text, kind)]}} from either file layout."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    langs = data["languages"] if "languages" in data else {data.get("language") or path.stem: data}
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for lang, spec in langs.items():
        out[lang] = {}
        for key in ("danger", "near_miss"):
            items = []
            for entry in spec.get(key) or []:
                text, kind = (entry, "") if isinstance(entry, str) else (entry["text"], entry.get("kind", ""))
                items.append((str(text), str(kind)))
            out[lang][key] = items
    return out


def check(path: Path, quiet: bool = False) -> list[str]:
    """Lines of the report for one file: figures per language and kind, then misses and alarms."""
    if "heldout" in path.parts:
        raise SystemExit("held-out sets are measured by bot.cli.danger_eval, which prints counts only")
    from bot.safety.detector import default_detector

    detector = default_detector()
    lines: list[str] = [f"== {path}"]
    for lang, sets in load(path).items():
        per_kind: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        wrong: list[str] = []
        for key, items in sets.items():
            danger = key == "danger"
            for text, kind in items:
                v = detector.verdict(text, danger_probability=0.0, detected_language=None)
                counts = per_kind[(key, kind)]
                counts[1] += 1
                if v.danger:
                    counts[0] += 1
                if v.danger != danger:
                    what = "MISS " if danger else f"ALARM [{v.source}: {v.detail[:60]}] "
                    wrong.append(f"  {lang} {kind:12} {what}{text!r}")
        for key, label in (("danger", "recall"), ("near_miss", "false alarms")):
            hit = sum(c[0] for (k, _), c in per_kind.items() if k == key)
            n = sum(c[1] for (k, _), c in per_kind.items() if k == key)
            lines.append(f"{lang} {label}: {hit}/{n} = {hit / max(n, 1):.1%}")
            for (k, kind), (h, m) in sorted(per_kind.items()):
                if k == key:
                    lines.append(f"    {kind or '-':14} {h}/{m}")
        if not quiet:
            lines.extend(sorted(wrong))
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--quiet", action="store_true", help="figures only, no texts")
    args = parser.parse_args(argv)
    for path in args.paths:
        print("\n".join(check(path, args.quiet)))


if __name__ == "__main__":
    main()
