"""The printable staff guide: data/screening.yml as a bilingual script, side by side.

Generated, never written by hand, so the guide and the assistant ask the same questions with the
same branching and notes. `python -m bot.screening.staff_guide` (make staff-guide) writes
docs/staff-guide.html; a test fails when it is out of date.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from babel.dates import format_date

from bot.facts import last_checked
from bot.i18n.patterns import LANGUAGES
from bot.screening.questionnaire import Question, Questionnaire, default_questionnaire
from bot.screening.result import Texts

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "staff-guide.html"

STYLE = """
body { font-family: sans-serif; margin: 1.5cm; color: #111; line-height: 1.35; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; width: 50%; padding: 0.3em 0.6em; border-top: 1px solid #bbb; }
.question { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1em; }
.ask { font-weight: bold; } .note { font-style: italic; } .when { color: #444; font-size: 0.9em; }
.contacts { border: 2px solid #111; padding: 0.5em; font-weight: bold; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _asked_when(t: Texts, questionnaire: Questionnaire, question: Question) -> str:
    if not question.ask_if:
        return _e(t.text("staff_guide.always"))
    parts = []
    for qid, allowed in question.ask_if.items():
        earlier = questionnaire.questions[qid]
        labels = [t.label(earlier, a) for a in allowed if a in earlier.options]
        parts.append(f"{_e(t.question(earlier))} → {_e(', '.join(labels))}")
    return _e(t.text("staff_guide.asked_when")) + "<br>" + "<br>".join(parts)


def _row(cells: dict[str, str], css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return "<tr>" + "".join(f"<td{cls} lang=\"{lang}\">{cells[lang]}</td>" for lang in LANGUAGES) + "</tr>"


def render(questionnaire: Questionnaire | None = None) -> str:
    questionnaire = questionnaire or default_questionnaire()
    texts = {lang: Texts(lang, questionnaire) for lang in LANGUAGES}
    checked = last_checked()
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{_e(texts['en'].text('staff_guide.title'))} / {_e(texts['fr'].text('staff_guide.title'))}</title>",
           f"<style>{STYLE}</style></head><body>",
           f"<h1>{_e(texts['en'].text('staff_guide.title'))} / {_e(texts['fr'].text('staff_guide.title'))}</h1>",
           "<table>", _row({lang: _e(t.text("staff_guide.how_to")) for lang, t in texts.items()}),
           _row({lang: _e(t.text("staff_guide.contacts")) for lang, t in texts.items()}, "contacts"), "</table>",
           # The diagram make diagram draws from the same file (docs/screening-flow.svg, beside this guide).
           '<p><img src="screening-flow.svg" style="max-width: 100%" alt="'
           + " / ".join(_e(t.text("staff_guide.flow")) for t in texts.values()) + '"></p>']
    for number, question in enumerate(questionnaire.questions.values(), start=1):
        out.append(f'<div class="question" id="{_e(question.id)}"><h2>{number}.</h2><table>')
        out.append(_row({lang: _e(t.question(question)) for lang, t in texts.items()}, "ask"))
        out.append(_row({lang: _asked_when(t, questionnaire, question) for lang, t in texts.items()}, "when"))
        out.append(_row({lang: _e(t.text("staff_guide.answers")) + "<ul>" + "".join(
            f"<li>{_e(t.label(question, oid))}</li>" for oid in question.options) + "</ul>"
            for lang, t in texts.items()}))
        out.append(_row({lang: f"{_e(t.text('staff_guide.note'))} {_e(t.staff_note(question))}"
                         for lang, t in texts.items()}, "note"))
        out.append("</table></div>")
    outcomes = [k for k in questionnaire.texts if k.startswith("outcome.")]
    out.append("<h2>" + " / ".join(_e(t.text("staff_guide.outcomes")) for t in texts.values()) + "</h2><table>")
    for key in outcomes:
        out.append(_row({lang: _e(t.text(key)) for lang, t in texts.items()}))
    out.append("</table>")
    notes = [k for k in questionnaire.texts if k.startswith("note.")]
    out.append("<h2>" + " / ".join(_e(t.text("staff_guide.notes")) for t in texts.values()) + "</h2><table>")
    for key in notes:
        out.append(_row({lang: _e(t.text(key)) for lang, t in texts.items()}))
    out.append(_row({lang: _e(t.text("checked", date=format_date(checked, format="long", locale=lang)))
                     for lang, t in texts.items()}, "when"))
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.write_text(render(), encoding="utf-8")
    print(f"staff-guide: wrote {target}")


if __name__ == "__main__":
    main()
