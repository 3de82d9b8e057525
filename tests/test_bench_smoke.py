"""`make bench` and `make eval` start and write their reports (tiny settings: a smoke test, not a measurement)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(module, tmp_path, *extra):
    report = tmp_path / "benchmarks.md"
    out = subprocess.run([sys.executable, "-m", module, "--tiny", "--report", str(report), *extra], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return report.read_text()


def test_eval_writes_its_report(tmp_path):
    text = run("bench.eval", tmp_path, "--chart", str(tmp_path / "confusion.png"))
    assert "## Understanding" in text and "macro-F1" in text and "in_danger" in text
    assert (tmp_path / "confusion.png").stat().st_size > 1000


def test_bench_writes_its_report(tmp_path):
    text = run("bench.run", tmp_path, "--chart", str(tmp_path / "bench.png"))
    assert "## Speed and memory" in text and "| project | 1 |" in text and "| stock | 1 |" in text
    assert (tmp_path / "bench.png").stat().st_size > 1000
    assert_every_turn_answered(json.loads((tmp_path / "benchmarks.bench.json").read_text()), {"project", "stock"})


def assert_every_turn_answered(data: dict, configs: set[str]) -> None:
    """The report's errors column: a failed or empty answer is a broken assistant, not a slow one."""
    levels = [(r["name"], level) for r in data["results"] for level in r["levels"]]
    assert {name for name, _ in levels} == configs
    for name, level in levels:
        assert level["turns"] > 0 and level["errors"] == 0, (name, level)
