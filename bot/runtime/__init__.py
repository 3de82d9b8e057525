"""Runtime tuning of the Rasa server process (applied by `python -m bot.server`)."""
