"""A model is retrained when what it depends on changes, and only then."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(config: str) -> str:
    return subprocess.run([str(ROOT / "scripts" / "fingerprint.sh"), config], capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout.strip()


def test_the_same_config_named_two_ways_has_one_fingerprint():
    assert fingerprint("config.yml") == fingerprint(str(ROOT / "config.yml"))
    assert fingerprint("bench/stock_config.yml") == fingerprint(str(ROOT / "bench" / "stock_config.yml"))


def test_the_project_and_the_stock_configurations_differ():
    assert fingerprint("config.yml") != fingerprint("bench/stock_config.yml")
