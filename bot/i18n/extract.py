"""Babel extractors for the YAML files that hold user-facing text (registered in babel.cfg).

Every message gets a context (the response, question or fact id) so that the same English words
used in two places can be translated differently, and a translator comment naming the
placeholders that must be kept.
"""

from __future__ import annotations

from typing import Any, BinaryIO, Iterator

import yaml

from bot.i18n.patterns import PHONE_NUMBER, placeholders

Extracted = Iterator[tuple[int, str, tuple[str, str], list[str]]]


def _root(fileobj: BinaryIO) -> yaml.Node | None:
    return yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)


def _get(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def _notes(text: str, *extra: str) -> list[str]:
    notes = [e for e in extra if e]
    found = sorted(set(placeholders(text)))
    if found:
        notes.append("Keep " + ", ".join(found) + " exactly as written: filled in automatically.")
    if PHONE_NUMBER.search(text):
        notes.append("Phone numbers must stay exactly as written.")
    return notes


def _message(context: str, node: yaml.ScalarNode, *notes: str) -> tuple[int, str, tuple[str, str], list[str]]:
    text = str(node.value)
    return node.start_mark.line + 1, "pgettext", (context, text), _notes(text, *notes)


def extract_domain(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any) -> Extracted:
    """domain.yml: the text and button titles of every response."""
    responses = _get(_root(fileobj), "responses")
    if responses is None:
        return
    for name_node, variations in responses.value:
        name = name_node.value
        for variation in variations.value:
            text = _get(variation, "text")
            if text is not None:
                yield _message(name, text, f"Response {name}.")
            buttons = _get(variation, "buttons")
            for button in buttons.value if buttons is not None else []:
                title = _get(button, "title")
                if title is not None:
                    yield _message(name, title, "A button label: keep it short.")


def extract_screening(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any) -> Extracted:
    """data/screening.yml: questions, answer labels, staff notes and outcome texts."""
    root = _root(fileobj)
    questions = _get(root, "questions")
    for qid_node, q in questions.value if questions is not None else []:
        qid = qid_node.value
        for key, context, note in (
            ("text", f"screening.{qid}", "A screening question, asked one at a time."),
            ("staff_note", f"screening.{qid}.staff_note", "A note for hotline staff, shown in the printed guide."),
        ):
            node = _get(q, key)
            if node is not None:
                yield _message(context, node, note)
        options = _get(q, "options")
        for opt_id, opt in options.value if options is not None else []:
            label = _get(opt, "label")
            if label is not None:
                yield _message(f"screening.{qid}.{opt_id.value}", label, "An answer button: keep it short.")
            reason = _get(opt, "reason")
            if reason is not None:
                yield _message(
                    f"screening.{qid}.{opt_id.value}.reason", reason, "A reason shown with a result: one sentence."
                )
    texts = _get(root, "texts")
    for key_node, node in texts.value if texts is not None else []:
        yield _message(f"screening.{key_node.value}", node)


def extract_facts(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any) -> Extracted:
    """data/facts.yml and data/offices.yml: statements shown when a person asks for sources."""
    root = _root(fileobj)
    for section in ("facts", "contacts"):
        items = _get(root, section)
        for id_node, item in items.value if items is not None else []:
            for key in ("statement", "label", "hours"):
                node = _get(item, key)
                if node is not None:
                    yield _message(f"{section}.{id_node.value}.{key}", node, "A fact with a public source.")


def extract_texts(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any) -> Extracted:
    """data/system_texts.yml: what the channel says when it cannot answer normally."""
    texts = _get(_root(fileobj), "texts")
    for key_node, node in texts.value if texts is not None else []:
        yield _message(f"system.{key_node.value}", node)


def extract_web_texts(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any) -> Extracted:
    """data/web_texts.yml: the web chat page's own words (title, buttons, privacy note)."""
    texts = _get(_root(fileobj), "texts")
    for key_node, node in texts.value if texts is not None else []:
        yield _message(f"web.{key_node.value}", node, "Words of the web chat page.")
