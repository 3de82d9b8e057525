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


def _copy_inputs(dest: Path) -> None:
    import shutil

    for rel in ["scripts/fingerprint.sh", "config.yml", "bench/stock_config.yml", "domain.yml", "requirements.lock",
                "requirements/encoder.in"]:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    for rel in ["data/nlu", "data/stories", "data/safety", "data/places", "bot"]:
        shutil.copytree(ROOT / rel, dest / rel, ignore=shutil.ignore_patterns("__pycache__"))


def _fingerprint_in(root: Path, config: str) -> str:
    return subprocess.run([str(root / "scripts" / "fingerprint.sh"), config], capture_output=True, text=True,
                          check=True, cwd=root).stdout.strip()


def test_response_wording_retrains_the_project_model_but_not_the_stock_baseline(tmp_path):
    _copy_inputs(tmp_path)
    before = {c: _fingerprint_in(tmp_path, c) for c in ("config.yml", "bench/stock_config.yml")}
    domain = tmp_path / "domain.yml"
    text = domain.read_text(encoding="utf-8")
    assert "    - text: >-\n" in text
    reworded = text.replace("    - text: >-\n", "    - text: >-\n        Some new words first.\n", 1)
    domain.write_text(reworded, encoding="utf-8")
    assert _fingerprint_in(tmp_path, "config.yml") != before["config.yml"], "the project serves the wording"
    assert _fingerprint_in(tmp_path, "bench/stock_config.yml") == before["bench/stock_config.yml"]
    # A new response is a new action: both models must learn it.
    domain.write_text(text.replace("responses:\n", "responses:\n  utter_new_answer:\n    - text: hello\n"),
                      encoding="utf-8")
    assert _fingerprint_in(tmp_path, "bench/stock_config.yml") != before["bench/stock_config.yml"]
    assert _fingerprint_in(tmp_path, "config.yml") != before["config.yml"]


def test_the_encoders_packages_retrain_the_project_model_but_not_the_stock_baseline(tmp_path):
    _copy_inputs(tmp_path)
    lock = tmp_path / "requirements.lock"
    pins = [line for line in (ROOT / "requirements" / "encoder.in").read_text().splitlines() if "==" in line]
    locked = [line.split()[0] for line in lock.read_text().splitlines() if "==" in line]
    assert pins and all(pin in locked for pin in pins), "encoder.in pins as in the lock"
    before = {c: _fingerprint_in(tmp_path, c) for c in ("config.yml", "bench/stock_config.yml")}
    encoder_in = tmp_path / "requirements" / "encoder.in"
    for path in (lock, encoder_in):  # a new version of the encoder's runtime, pinned in both
        path.write_text(path.read_text().replace("onnxruntime==", "onnxruntime==9"), encoding="utf-8")
    assert _fingerprint_in(tmp_path, "config.yml") != before["config.yml"]
    assert _fingerprint_in(tmp_path, "bench/stock_config.yml") == before["bench/stock_config.yml"]
    # Any other package may change what the baseline learns.
    lock.write_text(lock.read_text().replace("tensorflow==", "tensorflow==9"), encoding="utf-8")
    assert _fingerprint_in(tmp_path, "bench/stock_config.yml") != before["bench/stock_config.yml"]


def test_the_locks_hashes_and_comments_retrain_nothing_but_its_versions_do(tmp_path):
    _copy_inputs(tmp_path)
    lock = tmp_path / "requirements.lock"
    before = _fingerprint_in(tmp_path, "config.yml")
    text = lock.read_text()
    assert "--hash=sha256:" in text
    lock.write_text("# a new comment\n" + text.replace("--hash=sha256:", "--hash=sha256:0"), encoding="utf-8")
    assert _fingerprint_in(tmp_path, "config.yml") == before
    lock.write_text(text.replace("spacy==", "spacy==9"), encoding="utf-8")
    assert _fingerprint_in(tmp_path, "config.yml") != before
