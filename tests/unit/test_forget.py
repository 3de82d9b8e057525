"""Asking to erase the conversation is recognised in both languages; questions about it are not."""

import pytest

from bot.privacy.forget import is_forget_request


@pytest.mark.parametrize("text", [
    "/forget", "/FORGET", "/forget@TrpHelpBot", "/oublier", "/effacer ", "erase this conversation",
    "Delete our chat please", "delete my messages", "forget everything i said", "clear this chat now!",
    "can you delete this conversation?", "End and clear", "efface la conversation", "Effacez cette discussion svp",
    "oublie tout", "supprime mes messages", "s'il vous plaît, effacez notre conversation",
    "oubliez tout ce que j'ai dit",
    "Terminer et effacer", "  wipe   the chat  ", "effacer tout svp", "tout effacer", "erase it all please",
    "peux-tu supprimer tout maintenant",
    # Wrapped in thanks or an opening word.
    "merci beaucoup, effacez tout svp", "ok thanks, delete this chat", "erase everything please, thank you",
])
def test_requests_to_erase(text):
    assert is_forget_request(text)


@pytest.mark.parametrize("text", [
    "how do i delete my messages?", "do you keep what i write?", "i forgot my passport at home",
    "my boss deleted my messages", "est-ce que vous effacez les messages?", "j'ai oublié mes papiers",
    "forget it", "never mind", "", "/start", "/forgetful", "delete", "clear",
    "he made me delete my chat with my sister", "il a tout effacé de mon téléphone",
    "thanks, he deleted everything", "merci, mon boss a effacé mes messages",
])
def test_other_messages_are_read_as_usual(text):
    assert not is_forget_request(text)
