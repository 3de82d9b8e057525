"""The questionnaire as a diagram, generated from data/screening.yml, so nobody draws it by hand.

Each question in the order it is asked, a dashed edge from every earlier question its `ask_if`
depends on (labelled with the answers that lead to it), and the outcomes the answers can lead
to. `python -m bot.screening.flow_diagram` (make diagram) writes docs/screening-flow.dot and,
with Graphviz's `dot`, docs/screening-flow.svg; a test fails when either is out of date.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import textwrap
from pathlib import Path

from bot.screening.questionnaire import Questionnaire, default_questionnaire

DOCS = Path(__file__).resolve().parents[2] / "docs"
DOT_FILE = DOCS / "screening-flow.dot"
SVG_FILE = DOCS / "screening-flow.svg"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width))


def dot_source(questionnaire: Questionnaire | None = None) -> str:
    """Graphviz source of the flow: questions, order, ask_if conditions, outcomes."""
    questionnaire = questionnaire or default_questionnaire()
    lines = [
        "// Generated from data/screening.yml by `make diagram` (bot/screening/flow_diagram.py): do not edit.",
        "digraph screening {",
        '  graph [rankdir=TB, fontname="Helvetica", nodesep=0.4, ranksep=0.45];',
        '  node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
        '  start [shape=oval, fillcolor="#dde8f5", label="The person asks whether a permit may fit"];',
    ]
    ids = list(questionnaire.questions)
    for number, (qid, question) in enumerate(questionnaire.questions.items(), start=1):
        label = f"{number}. {qid}\n{_wrap(question.text)}"
        always = "" if question.ask_if else ", penwidth=2"
        lines.append(f"  q_{qid} [label={_quote(label)}{always}];")
    lines.append('  result [shape=oval, fillcolor="#dde8f5", label="Result: what may fit, why, and what to do next"];')
    # The order: each question is considered after the one before it (and skipped when its
    # conditions are not met).
    chain = ["start", *(f"q_{qid}" for qid in ids), "result"]
    for a, b in zip(chain, chain[1:], strict=False):
        lines.append(f'  {a} -> {b} [color="#888888"];')
    # ask_if: which earlier answers a question depends on.
    for qid, question in questionnaire.questions.items():
        for earlier, allowed in question.ask_if.items():
            label = "only if " + " / ".join(allowed)
            lines.append(f'  q_{earlier} -> q_{qid} [style=dashed, color="#1f5fa8", fontcolor="#1f5fa8", '
                         f"constraint=false, label={_quote(_wrap(label, 22))}];")
    outcomes = [key.removeprefix("outcome.") for key in questionnaire.texts if key.startswith("outcome.")]
    lines.append("  subgraph outcomes {")
    lines.append("    rank=same;")
    for outcome in outcomes:
        lines.append(f'    o_{outcome} [shape=note, fillcolor="#eef6e8", label={_quote(outcome.replace("_", " "))}];')
    lines.append("  }")
    for outcome in outcomes:
        lines.append(f"  result -> o_{outcome};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def fingerprint(source: str) -> str:
    """A hash of the .dot source, written into the SVG, so a test can tell which source it shows."""
    return "screening-flow " + hashlib.sha256(source.encode()).hexdigest()[:16]


def render_svg(source: str) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("diagram: Graphviz's `dot` is missing (scripts/install.sh installs it)")
    svg = subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, text=True, check=True).stdout
    # Graphviz's output differs a little between versions: the test compares this line, not the drawing.
    head, _, rest = svg.partition("\n")
    return f"{head}\n<!-- {fingerprint(source)} -->\n{rest}"


def main() -> None:
    source = dot_source()
    DOT_FILE.write_text(source, encoding="utf-8")
    SVG_FILE.write_text(render_svg(source), encoding="utf-8")
    print(f"diagram: wrote {DOT_FILE.relative_to(DOCS.parent)} and {SVG_FILE.relative_to(DOCS.parent)}")


if __name__ == "__main__":
    main()
