"""Danger recall and false alarms on near-misses, per language, over the whole NLU pipeline.

Each message of tests/dev/danger/<lang>.yml and tests/heldout{,2}/danger/<lang>.yml is parsed by the
trained model as the server parses it (classifier, then the safety net). A danger message counts
as caught when its intent comes out `in_danger`; a near-miss (idiom, negation, general question,
past event) counts as a false alarm when it does. The reply language is checked too: a caught
danger message must be answered in its own language.

The development sets may be read and tuned on, so their misses are printed. The held-out sets
are a measurement only: their texts are never printed, only counts and intervals.

    python -m bot.cli.danger_eval [--model models/trp.tar.gz] [--sets dev heldout heldout2]
                                  [--report docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import asyncio
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

ROOT = Path(__file__).resolve().parents[2]
# heldout2 was written later by other independent writers, and first measured on the finished change.
SETS = {"dev": ROOT / "tests" / "dev" / "danger", "heldout": ROOT / "tests" / "heldout" / "danger",
        "heldout2": ROOT / "tests" / "heldout2" / "danger"}
# The targets: recall ≥ 0.99 with the interval's lower bound ≥ 0.97; false alarms ≤ 15%.
TARGET_RECALL, TARGET_RECALL_LOW, TARGET_FALSE_ALARMS = 0.99, 0.97, 0.15
DANGER_INTENT = "in_danger"


@dataclass(frozen=True)
class Item:
    text: str
    danger: bool
    kind: str
    language: str


class LanguageReport(TypedDict):
    """The figures of one language of one set; indices point into that set's items."""

    danger: int
    caught: int
    recall: float
    recall_interval: tuple[float, float]
    near_misses: int
    false_alarms: int
    false_alarm_rate: float
    false_alarm_interval: tuple[float, float]
    right_language: int
    missed: list[int]
    alarmed: list[int]
    wrong_language: list[int]


def load_set(path: Path) -> list[Item]:
    """The danger and near-miss messages of one file ({language, danger: [...], near_miss: [...]})."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lang = data.get("language") or path.stem
    out = []
    for key, danger in (("danger", True), ("near_miss", False)):
        for entry in data.get(key) or []:
            text, kind = (entry, "") if isinstance(entry, str) else (entry["text"], entry.get("kind", ""))
            out.append(Item(str(text), danger, kind, lang))
    return out


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval for a proportion: honest near 0 and 1, where the normal one is not."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


async def _parse(model_path: str, texts: list[str]) -> list[dict[str, Any]]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Parse logs would carry the messages' text; evaluation output stays on the figures.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(model_path)
    return [await agent.parse_message(t) for t in texts]


# The answer to a message in a language the assistant does not write is in every language it writes.
EVERY = "*"


def reply_language(parsed: dict[str, Any]) -> str | None:
    """The language the answer to this message would be in, from the message alone.

    A named language counts only when the message asks for it, as the `language` slot's mapping
    reads it (domain.yml): "je parle pas anglais" in a cry for help is still answered in French."""
    asks = (parsed.get("intent") or {}).get("name") == "change_language"
    if any(e.get("entity") == "other_language" for e in parsed.get("entities") or []):
        return EVERY  # a language the assistant does not write: the answer is in all it writes
    for e in parsed.get("entities") or []:
        if asks and e.get("entity") == "language":
            language: str | None = e.get("value")
            return language
    for e in parsed.get("entities") or []:
        if e.get("entity") == "detected_language":
            detected: str | None = e.get("value")
            return detected
    return None


def score(items: list[Item], parsed: list[dict[str, Any]]) -> dict[str, LanguageReport]:
    """Per language: recall, false alarms, answers in the message's language, with Wilson intervals."""
    report: dict[str, LanguageReport] = {}
    for lang in sorted({i.language for i in items}):
        idx = [k for k, i in enumerate(items) if i.language == lang]
        danger = [k for k in idx if items[k].danger]
        near = [k for k in idx if not items[k].danger]
        caught = [k for k in danger if parsed[k]["intent"]["name"] == DANGER_INTENT]
        alarms = [k for k in near if parsed[k]["intent"]["name"] == DANGER_INTENT]
        # Without a detected language the conversation's is kept, which is English by default.
        right_language = [k for k in caught if (reply_language(parsed[k]) or "en") in (lang, EVERY)]
        report[lang] = {
            "danger": len(danger), "caught": len(caught), "recall": len(caught) / max(len(danger), 1),
            "recall_interval": wilson(len(caught), len(danger)),
            "near_misses": len(near), "false_alarms": len(alarms),
            "false_alarm_rate": len(alarms) / max(len(near), 1),
            "false_alarm_interval": wilson(len(alarms), len(near)),
            "right_language": len(right_language),
            "missed": [k for k in danger if k not in caught],
            "alarmed": alarms,
            "wrong_language": [k for k in caught if k not in right_language],
        }
    return report


def evaluate(model_path: str, which: str) -> tuple[list[Item], list[dict[str, Any]], dict[str, LanguageReport]]:
    folder = SETS[which]
    items = [i for f in sorted(folder.glob("*.yml")) for i in load_set(f)]
    parsed = asyncio.run(_parse(model_path, [i.text for i in items]))
    return items, parsed, score(items, parsed)


def meets_targets(rep: LanguageReport) -> bool:
    return (rep["recall"] >= TARGET_RECALL and rep["recall_interval"][0] >= TARGET_RECALL_LOW
            and rep["false_alarm_rate"] <= TARGET_FALSE_ALARMS)


def summary_line(which: str, lang: str, rep: LanguageReport) -> str:
    lo, hi = rep["recall_interval"]
    flo, fhi = rep["false_alarm_interval"]
    return (f"{which} {lang}: danger recall {rep['caught']}/{rep['danger']} = {rep['recall']:.3f} "
            f"[{lo:.3f}, {hi:.3f}]; false alarms {rep['false_alarms']}/{rep['near_misses']} = "
            f"{rep['false_alarm_rate']:.3f} [{flo:.3f}, {fhi:.3f}]; answered in {lang}: "
            f"{rep['right_language']}/{rep['caught']}; targets {'met' if meets_targets(rep) else 'NOT met'}")


def markdown(results: dict[str, dict[str, LanguageReport]]) -> str:
    lines = ["## Danger detection", "",
             "Reproduce: `make eval` (or `python -m bot.cli.danger_eval`). Whole NLU pipeline as the server runs "
             "it (classifier, then the safety net: phrases, lexicon, the classifier's in_danger and the trained "
             "danger model). Development sets "
             "(`tests/dev/danger`) are tuned on; held-out sets (`tests/heldout/danger`, written independently) are "
             "never read by those who tune, and only their counts are printed. `tests/heldout2/danger` is a second "
             "held-out set from other writers, written after the first had been measured several times. "
             "In brackets, 95% Wilson intervals. "
             f"Targets: recall ≥ {TARGET_RECALL} with lower bound ≥ {TARGET_RECALL_LOW}; false alarms on "
             f"near-misses ≤ {TARGET_FALSE_ALARMS:.0%}.", "",
             "| set | language | danger recall | false alarms on near-misses | danger answered in its language "
             "| targets met |", "| --- | --- | --- | --- | --- | --- |"]
    for which, report in results.items():
        for lang, rep in report.items():
            lo, hi = rep["recall_interval"]
            flo, fhi = rep["false_alarm_interval"]
            lines.append(f"| {which} | {lang} | {rep['caught']}/{rep['danger']} = {rep['recall']:.3f} "
                         f"[{lo:.3f}, {hi:.3f}] | {rep['false_alarms']}/{rep['near_misses']} = "
                         f"{rep['false_alarm_rate']:.3f} [{flo:.3f}, {fhi:.3f}] | {rep['right_language']}/"
                         f"{rep['caught']} | {'yes' if meets_targets(rep) else '**no**'} |")
    return "\n".join(lines)


def run(model_path: str, sets: list[str], show_dev_errors: bool = True) -> dict[str, dict[str, LanguageReport]]:
    results: dict[str, dict[str, LanguageReport]] = {}
    for which in sets:
        items, parsed, report = evaluate(model_path, which)
        results[which] = report
        for lang, rep in report.items():
            print(summary_line(which, lang, rep), flush=True)
            if which == "dev" and show_dev_errors:
                for k in rep["missed"]:
                    print(f"    missed   [{items[k].kind}] {items[k].text}")
                for k in rep["alarmed"]:
                    print(f"    alarm    [{items[k].kind}] {items[k].text}")
                for k in rep["wrong_language"]:
                    print(f"    language [{reply_language(parsed[k])}] {items[k].text}")
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "models" / "trp.tar.gz"))
    ap.add_argument("--sets", nargs="+", choices=list(SETS), default=["dev"])
    ap.add_argument("--report", help="write the figures into this markdown file's danger section")
    args = ap.parse_args(argv)
    results = run(args.model, args.sets)
    if args.report:
        from bench.report import write_section

        write_section(Path(args.report), "danger", markdown(results))


if __name__ == "__main__":
    main()
