"""The danger figures count the answer's language as the assistant would choose it."""

from bot.cli.danger_eval import Item, score


def parse(*entities):
    return {"intent": {"name": "in_danger"}, "entities": [{"entity": e, "value": v} for e, v in entities]}


def test_the_answer_language_is_the_messages_unless_another_language_is_asked_for():
    items = [Item("il me frappe", True, "violence", "fr")] * 4
    parsed = [
        parse(("detected_language", "fr")),
        parse(("detected_language", "en")),
        parse(),  # nothing detected: the conversation's language, English by default
        # A language the assistant does not write: the answer is in every language it writes.
        parse(("other_language", "ht")),
    ]
    report = score(items, parsed)["fr"]
    assert report["caught"] == 4 and report["wrong_language"] == [1, 2]
