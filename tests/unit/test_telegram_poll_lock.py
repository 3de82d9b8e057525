"""One poller per bot token on a machine: Telegram refuses a second getUpdates reader (409)."""

from bot.channels.telegram_polling import _claim


def test_a_second_poller_for_the_same_token_is_refused_until_the_first_stops():
    first = _claim("1:unit-test-token")
    assert first is not None
    assert _claim("1:unit-test-token") is None
    other = _claim("2:another-token")
    assert other is not None
    first.close()
    again = _claim("1:unit-test-token")
    assert again is not None
    again.close()
    other.close()
