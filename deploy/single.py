"""`make run` on one machine: the action server and the Rasa server, each restarted when it exits.

    python -m deploy.single --rasa-port 5005 --actions-port 5055 --endpoints endpoints.yml --run-dir DIR

Writes supervisord's configuration into DIR and prints its path (scripts/run.sh starts supervisord).
When the action server dies, the Rasa server keeps answering (911, the hotline, IRCC and every
answer that needs no action) while supervisord starts the action server again.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from deploy.configs import Program, action_server, rasa_server, supervisord_conf


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa-port", type=int, required=True)
    parser.add_argument("--actions-port", type=int, required=True)
    parser.add_argument("--endpoints", type=Path, required=True)
    parser.add_argument("--run-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    args.run_dir.mkdir(parents=True, exist_ok=True)
    conf = args.run_dir.resolve() / "supervisord.conf"
    conf.write_text(supervisord_conf(args.run_dir.resolve(), [
        Program("actions", action_server(args.actions_port), priority=100),
        Program("rasa", rasa_server(args.rasa_port, args.endpoints.resolve()), priority=200),
    ]))
    print(conf)


if __name__ == "__main__":
    main()
