"""The dialogue tests in Rasa's own form: tests/stories/*.yml, run with `rasa test core`.

They check which action the trained model chooses after each turn (questions, danger, stopping,
starting over and changing language in the middle of the questionnaire), not the wording, so a
better sentence breaks none of them. Rasa predicts the actions without running them, so no
server is needed; the HTTP conversation tests prove the servers end to end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.servers import MODEL, ROOT

STORIES = ROOT / "tests" / "stories"


def test_the_story_tests_exist_for_each_interruption():
    names = {p.stem for p in STORIES.glob("*.yml")}
    assert {"screening_questions", "screening_danger", "screening_stop_restart", "screening_language"} <= names


def test_every_story_predicts_its_actions(tmp_path: Path):
    assert MODEL.exists(), "no trained model: run `make test`, which trains it first"
    rasa = Path(sys.executable).with_name("rasa")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "LOG_LEVEL": "WARNING"}
    run = subprocess.run(
        [str(rasa), "test", "core", "--model", str(MODEL), "--stories", str(STORIES),
         "--fail-on-prediction-errors", "--out", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert run.returncode == 0, f"rasa test core failed:\n{run.stdout[-4000:]}\n{run.stderr[-4000:]}\n{details}"
    assert "None of the test stories failed" in details, details
