"""`make eval` (answers part): screening answers read right, per question and language.

Patterns alone (the careful layer, with the option labels) against patterns with the answer
classifier (bot/screening/answer_classifier.py), on tests/dev/answers/<lang>.yml (misses printed,
for tuning) and tests/heldout{,2}/answers/<lang>.yml (counts and intervals only: nobody who tunes
reads those sets or their misses). A "not_an_answer" row is right when nothing is taken as an
answer. An outcome-changing misreading is an answer taken for another answer (asked again is not
one; a not_an_answer row read as an answer counts as one). On the safety question, a reading on
the careful side ("not safe" or "unsure" for someone who said safe, "not safe" for someone unsure)
changes no outcome: it only brings the 911 guidance first, as the question's `when_unclear` means
it to; it is a miss, counted apart as a careful safety reading. Multi-part messages
(tests/*/multipart.yml): facts stated in one message kept, and kept wrong; signs are never kept
unasked but offered back for confirmation at their question (bot/screening/remembered.py), counted
apart: offered with one in common, offered with none in common, offered where none was stated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from pathlib import Path
from typing import Any

import yaml

from bench.report import write_section
from bot.normalise import fold
from bot.screening.questionnaire import NOT_AN_ANSWER, default_questionnaire
from bot.screening.remembered import remembered_signs

ROOT = Path(__file__).resolve().parents[1]

TARGET = 0.95
KEPT_FACTS = ("in_canada", "citizen_pr", "status", "situation")


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion (sound at 0 and 1, unlike the normal one)."""
    if n == 0:
        return 0.0, 1.0
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def places(text: str) -> list[dict]:
    """The place entities the NLU gives (bot/nlu/place_extractor.py), without the model."""
    from bot.places.matcher import default_matcher

    return [{"entity": "place", "value": m.value, "start": m.start, "end": m.end}
            for m in default_matcher().find(text)]


def _same_place(expect: str, got: str) -> bool:
    """Accents and case aside ("Montréal", "montreal"); a writer's "Kelowna, BC" is read right as
    Kelowna (the place is the town, the province only says which one); a writer's
    "Nouveau-Brunswick" is the place the bot calls New Brunswick."""
    from bot.places.gazetteer import default_gazetteer

    want, have = fold(expect).strip(), fold(got).strip()
    town = want.split(",")[0].strip()
    if have in (want, town):
        return True
    named = default_gazetteer().get(town)
    return named is not None and fold(named.name) == have


def _same(expect: Any, got: Any) -> bool:
    if expect == NOT_AN_ANSWER:
        return got is None
    if isinstance(expect, str) and expect.startswith("place:"):
        return isinstance(got, str) and _same_place(expect.split(":", 1)[1], got.split(":", 1)[-1])
    if isinstance(expect, list):
        return isinstance(got, list) and set(got) == set(expect)
    return got == expect


# Readings of the safety question on the careful side: (question, what was meant, what was read).
_CAREFUL = {("safe_now", "yes", "unsure"), ("safe_now", "yes", "no"), ("safe_now", "unsure", "no")}


def score(rows: list[tuple[str, str, Any]], classify) -> dict:
    q = default_questionnaire()
    per_q: dict[str, list[int]] = {}
    misses, harmful, careful = [], 0, 0
    for qid, text, expect in rows:
        reading = q.read(q.questions[qid], text, None, places(text), classify=classify)
        got = "ambiguous" if reading.kind == "clarify" else reading.answer
        ok = _same(expect, got)
        per_q.setdefault(qid, []).append(int(ok))
        if not ok:
            misses.append((qid, text, expect, got))
            # Signs: any one leads to the same outcome, so a partial set is a miss but not harmful.
            partial = isinstance(expect, list) and isinstance(got, list) and set(expect) & set(got)
            if qid == "safe_now" and (expect, got) in {(e, g) for _, e, g in _CAREFUL}:
                careful += 1
            elif got is not None and got != "ambiguous" and not partial:
                harmful += 1
    right = sum(sum(v) for v in per_q.values())
    n = sum(len(v) for v in per_q.values())
    return {"right": right, "n": n, "per_question": {k: (sum(v), len(v)) for k, v in per_q.items()},
            "misses": misses, "answer_for_another": harmful, "careful_safety": careful}


def rows_of(path: Path) -> list[tuple[str, str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(qid, r["text"], r["expect"]) for qid, rs in data["questions"].items() for r in rs]


# The first held-out multi-part set (written before the sign names settled) names three signs
# otherwise; the questionnaire's names are data/screening.yml's option ids.
SIGN_NAMES = {"cannot_leave": "not_free", "threats_violence": "threats", "lied_about_job": "deceived"}


def signs_stated(value: Any) -> list[str] | None:
    """A writer's signs, one or a list, in the questionnaire's names."""
    if value is None:
        return None
    return [SIGN_NAMES.get(str(v), str(v)) for v in ([value] if isinstance(value, str) else value)]


def multipart(path: Path) -> dict:
    """Facts stated in one message (in Canada, citizen, status, signs) kept by the questionnaire;
    kept wrong: a fact kept with another value than the one stated (signs: none in common)."""
    q = default_questionnaire()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    stated = kept = wrong = 0
    per_key: dict[str, list[int]] = {k: [0, 0, 0] for k in KEPT_FACTS}
    for m in data.get("messages", []):
        known = q.known_answers([(m["text"], places(m["text"]))])
        for key in KEPT_FACTS:
            if key not in (m.get("facts") or {}):
                continue
            stated += 1
            per_key[key][0] += 1
            if key in known:
                expect, got = m["facts"][key], known[key]
                if key == "situation":
                    expect = signs_stated(expect)  # one sign may be written without a list
                # Signs: any one leads to the same outcome, so an overlap is kept right.
                if _same(expect, got) or (isinstance(expect, list) and set(expect) & set(got or [])):
                    kept += 1
                    per_key[key][1] += 1
                else:
                    wrong += 1
                    per_key[key][2] += 1
    return {"stated": stated, "kept": kept, "wrong": wrong, "per_key": per_key, "offered": offered(data)}


def offered(data: dict) -> dict:
    """Signs offered back for confirmation: "right" shares a sign with those stated, "wrong" shares
    none (the person has to say no), "unstated" offers signs where the writer stated none."""
    q = default_questionnaire()
    counts = {"stated": 0, "right": 0, "wrong": 0, "unstated": 0}
    for m in data.get("messages", []):
        expect = signs_stated((m.get("facts") or {}).get("situation"))
        got = remembered_signs(q, [m["text"]])
        if expect:
            counts["stated"] += 1
            if set(expect) & set(got):
                counts["right"] += 1
            elif got:
                counts["wrong"] += 1
        elif got:
            counts["unstated"] += 1
    return counts


def report(label: str, rows, classify, show_misses: bool) -> dict:
    res = score(rows, classify)
    lo, hi = wilson(res["right"], res["n"])
    print(f"  {label}: {res['right']}/{res['n']} = {res['right'] / max(res['n'], 1):.3f} "
          f"[{lo:.3f}, {hi:.3f}]; answer taken for another: {res['answer_for_another']}; "
          f"careful safety readings: {res['careful_safety']}")
    for qid, (r, n) in res["per_question"].items():
        a, b = wilson(r, n)
        print(f"      {qid:15s} {r:3d}/{n:3d} = {r / n:.3f} [{a:.3f}, {b:.3f}]")
    if show_misses:
        for qid, text, expect, got in res["misses"]:
            print(f"      miss {qid}: {text!r} expected {expect} got {got}")
    return res


def per_question_table(per_question: dict[str, dict[str, str]]) -> list[str]:
    """Markdown rows: one per question, one column per set and language measured."""
    columns = sorted({c for cells in per_question.values() for c in cells})
    rows = ["| question | " + " | ".join(columns) + " |", "| --- |" + " --- |" * len(columns)]
    for qid, cells in per_question.items():
        rows.append(f"| {qid} | " + " | ".join(cells.get(c, "-") for c in columns) + " |")
    return rows


# heldout2: written later by other independent writers (see tests/heldout2/README.md).
SPLITS = ("dev", "heldout", "heldout2")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--misses", action="store_true", help="print the development set's misses")
    ap.add_argument("--report", help="write the figures as the 'answers' section of this Markdown file")
    ap.add_argument("--sets", choices=(*SPLITS, "all"), default="all",
                    help="which sets to measure (tuning reads dev only)")
    args = ap.parse_args(argv)
    table = ["| set | language | answers | patterns alone | patterns + classifier [95% interval] | "
             "answer taken for another | careful safety readings |", "| --- | --- | --- | --- | --- | --- | --- |"]
    facts = []
    per_question: dict[str, dict[str, str]] = {}  # question -> "split lang" -> "alone / with classifier"
    from bot.screening.answer_classifier import default_classifier

    classify = default_classifier().classify
    met = True
    for split in (SPLITS if args.sets == "all" else (args.sets,)):
        for lang in ("en", "fr"):
            path = ROOT / "tests" / split / "answers" / f"{lang}.yml"
            if not path.exists():
                print(f"answers {split}/{lang}: no set at {path.relative_to(ROOT)}")
                continue
            rows = rows_of(path)
            print(f"answers {split}/{lang} ({len(rows)} typed answers)")
            alone = report("patterns alone", rows, None, False)
            res = report("patterns + classifier", rows, classify, args.misses and split == "dev")
            lo, hi = wilson(res["right"], res["n"])
            table.append(f"| {split} | {lang} | {res['n']} | {alone['right'] / max(alone['n'], 1):.3f} | "
                         f"{res['right'] / max(res['n'], 1):.3f} [{lo:.3f}, {hi:.3f}] | {res['answer_for_another']} | "
                         f"{res['careful_safety']} |")
            for qid, (r, n) in res["per_question"].items():
                a = alone["per_question"].get(qid, (0, n))[0]
                per_question.setdefault(qid, {})[f"{split} {lang}"] = f"{a / n:.2f} / {r / n:.2f} ({n})"
            ok = res["right"] / max(res["n"], 1) >= TARGET and res["answer_for_another"] == 0
            met &= ok
            print(f"  target (>= {TARGET}, no answer taken for another): {'met' if ok else 'NOT met'}")
        path = ROOT / "tests" / split / "multipart.yml"
        if path.exists():
            mp = multipart(path)
            lo, hi = wilson(mp["kept"], mp["stated"])
            print(f"multipart {split}: facts kept {mp['kept']}/{mp['stated']} [{lo:.3f}, {hi:.3f}], "
                  f"kept wrong {mp['wrong']}")
            facts.append(f"- {split}: facts stated in one message and kept {mp['kept']}/{mp['stated']} "
                         f"[{lo:.3f}, {hi:.3f}], kept with a wrong value {mp['wrong']}")
            for key, (n, k, w) in mp["per_key"].items():
                print(f"      {key:15s} stated {n:3d}, kept {k:3d}, kept wrong {w:3d}")
            o = mp["offered"]
            print(f"multipart {split}: signs offered back for confirmation {o['right']}/{o['stated']}, "
                  f"none in common {o['wrong']}, offered where none stated {o['unstated']}")
            facts.append(f"- {split}: signs stated and offered back for confirmation {o['right']}/{o['stated']}, "
                         f"offered with none in common {o['wrong']}, offered where none was stated {o['unstated']}")
    if args.report:
        body = "\n".join([
            f"## Screening answers typed in free text ({dt.date.today().isoformat()})", "",
            "Each typed answer read as the assistant reads it at its question (bot/screening), against the "
            "reading a careful lawyer gave it. tests/dev is the tuning set; tests/heldout was written "
            "by other writers and only its counts are ever printed; tests/heldout2, by yet others, was "
            "written after the first had guided training material, and first measured on the finished change. "
            "Target: at least 0.95 per language and "
            "no answer taken for another. A careful safety reading (\"not safe\" or \"unsure\" read for "
            "someone who meant safe or unsure) is a miss but changes no outcome: it brings the 911 "
            "guidance first, as the safety question is meant to when in doubt; it is counted apart. "
            "Reproduce: `python -m bench.answers_eval --report docs/benchmarks.md` "
            "(part of `make eval`).", "", *table, "", "Facts said in a multi-part message and kept for the questions:",
            *facts, "", f"Target met: {'yes' if met else '**no**'}.", "",
            "Per question, patterns alone / patterns + classifier (answers):", "",
            *per_question_table(per_question)])
        write_section(Path(args.report), "answers", body)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

