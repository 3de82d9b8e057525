"""`python -m bot.server run ...`: Rasa's own command line, with this project's runtime tuning.

Everything Rasa does is unchanged; the tuning (bot/runtime/) only removes repeated work.
"""

from __future__ import annotations

import sys

from bot.runtime import action_results


def main() -> None:
    action_results.install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
