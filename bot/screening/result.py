"""Turn an assessment into the messages a person reads, in their language.

Every sentence comes from data/screening.yml (translated through the catalogs) with facts filled
in from data/facts.yml; the "last checked" date is formatted for the language by Babel.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from babel.dates import format_date

from actions.eligibility import Assessment
from bot.facts import fact_values, last_checked
from bot.i18n.catalogs import Catalogs, default_catalogs
from bot.i18n.negotiate import negotiate
from bot.placeholders import fill
from bot.places.offices import OfficeFinder, OfficeMatch, default_finder
from bot.screening.legal_help import for_province
from bot.screening.questionnaire import Question, Questionnaire, default_questionnaire


class Texts:
    """Questionnaire text in one language, facts filled in."""

    def __init__(self, lang: str, questionnaire: Questionnaire | None = None, catalogs: Catalogs | None = None):
        self.questionnaire = questionnaire or default_questionnaire()
        self.catalogs = catalogs or default_catalogs()
        # A language without a catalog reads English throughout, dates included.
        self.lang = negotiate([lang], self.catalogs.languages)
        self.values = fact_values(self.lang)

    def translate(self, context: str, text: str, **extra: Any) -> str:
        """`text` in this language (catalog entry `context`), facts and `extra` filled in."""
        return fill(self.catalogs.pgettext(self.lang, context, text), {**self.values, **extra})

    def text(self, key: str, **extra: Any) -> str:
        return self.translate(f"screening.{key}", self.questionnaire.texts[key], **extra)

    def question(self, question: Question) -> str:
        return self.translate(f"screening.{question.id}", question.text)

    def staff_note(self, question: Question) -> str:
        return self.translate(f"screening.{question.id}.staff_note", question.staff_note)

    def label(self, question: Question, option_id: str) -> str:
        return self.translate(f"screening.{question.id}.{option_id}", question.options[option_id].label)

    def reason(self, question_id: str, option_id: str) -> str | None:
        option = self.questionnaire.questions[question_id].options.get(option_id)
        if option is None or not option.reason:
            return None
        return self.translate(f"screening.{question_id}.{option_id}.reason", option.reason)

    def date(self, day: dt.date) -> str:
        return format_date(day, format="long", locale=self.lang)


def office_line(texts: Texts, match: OfficeMatch) -> str:
    office = match.office
    if match.kind == "found" and office:
        return texts.text("office.found", office=office.address_in(texts.lang), year=office.source_year)
    if match.kind == "city_only" and office:
        return texts.text("office.city_only", office=office.place_name)
    return texts.text("office.unknown")


def province_of(location: str | None, finder: OfficeFinder | None = None) -> str | None:
    """The province of a location answer ("place:Montréal", "postal:H2X"), if known."""
    if not location:
        return None
    match = (finder or default_finder()).nearest(location)
    return match.place.province if match.place else None


def legal_help_lines(t: Texts, province: str | None) -> list[str]:
    """Free or low-cost legal help near the person, or legal aid in their province with the hotline."""
    lines = [t.text("legal_help.title")]
    entries = for_province(province)
    for h in entries:
        lines.append(f"• {t.text('legal_help.entry', name=h.name, how=h.how)}" if h.how else f"• {h.name}")
    # Even with a named organization, a legal clinic or the hotline may be nearer or sooner.
    lines.append(f"• {t.text('legal_help.more' if entries else 'legal_help.unknown')}")
    return lines


def render(
    assessment: Assessment,
    lang: str,
    location: str | None = None,
    finder: OfficeFinder | None = None,
    texts: Texts | None = None,
) -> list[str]:
    """The result as a few short messages: what may fit and why, what to know, next steps,
    contacts (with free legal help when a step sends the person to a lawyer), checked date."""
    t = texts or Texts(lang)
    finder = finder or default_finder()
    messages = [t.text("result_intro")]
    for outcome in assessment.outcomes:
        lines = [t.text(f"outcome.{outcome.id}")]
        reasons = [r for r in (t.reason(x.question, x.answer) for x in outcome.reasons) if r]
        if reasons:
            lines.append(t.text("why"))
            lines += [f"• {r}" for r in reasons]
        messages.append("\n".join(lines))
    messages += [t.text(f"note.{n}") for n in assessment.notes]
    steps = assessment.steps
    if steps:
        messages.append("\n".join([t.text("next_steps_title")] + [f"• {t.text('step.' + s)}" for s in steps]))
    contacts = [t.text("contacts_title"), f"• {t.text('contact.emergency')}", f"• {t.text('contact.hotline')}",
                f"• {t.text('contact.ircc')}"]
    province = None
    if location:
        match = finder.nearest(location)
        contacts.append(f"• {office_line(t, match)}")
        province = match.place.province if match.place else None
        for c in finder.provincial_contacts(province, assessment.ids):
            label = t.translate(f"contacts.{_contact_id(finder, c)}.label", c["label"])
            contacts.append(f"• {t.text('contact.provincial', label=label, phone=c['phone'])}")
    messages.append("\n".join(contacts))
    if assessment.needs_legal_help:
        messages.append("\n".join(legal_help_lines(t, province)))
    messages.append(t.text("checked", date=t.date(last_checked())))
    return messages


def _contact_id(finder: OfficeFinder, contact: Mapping[str, Any]) -> str:
    return next(k for k, v in finder.contacts.items() if v is contact)
