"""The lock files: every package pinned with a hash, each role's lock a part of the whole, and the
action server's lock enough for what actions/ imports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCKS = [ROOT / "requirements.lock", ROOT / "requirements" / "runtime.lock", ROOT / "requirements" / "actions.lock"]


def entries(path: Path) -> dict[str, str]:
    """canonical name -> 'Name==version --hash=sha256:...' (continuation lines joined)."""
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    found = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name = re.sub(r"[-_.]+", "-", line.split("==")[0]).lower()
            found[name] = " ".join(line.split())
    return found


def test_every_locked_package_has_an_exact_version_and_a_sha256_hash():
    for lock in LOCKS:
        for line in entries(lock).values():
            assert re.fullmatch(r"[A-Za-z0-9_.-]+==\S+ --hash=sha256:[0-9a-f]{64}", line), (lock.name, line)


def test_each_roles_lock_is_part_of_the_whole_lock():
    whole = entries(LOCKS[0])
    for lock in LOCKS[1:]:
        part = entries(lock)
        assert part and all(whole.get(name) == line for name, line in part.items()), lock.name
    runtime, actions = entries(LOCKS[1]), entries(LOCKS[2])
    assert "rasa" in runtime and "pytest" not in runtime
    assert "rasa-sdk" in actions and "rasa" not in actions and "tensorflow" not in actions


def test_importing_the_actions_loads_only_packages_of_the_action_servers_lock():
    script = (
        "import importlib.metadata as m, json, sys\n"
        "at_start = set(sys.modules)  # e.g. namespace packages that .pth files set up\n"
        "import actions.eligibility, actions.language, actions.office, actions.screening_form\n"
        "names = m.packages_distributions()\n"
        "new = set(sys.modules) - at_start\n"
        "print(json.dumps(sorted({d for mod in new for d in names.get(mod.split('.')[0], [])})))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = {re.sub(r"[-_.]+", "-", d).lower() for d in json.loads(run.stdout.strip().splitlines()[-1])}
    outside = loaded - set(entries(LOCKS[2])) - {"trp-assistant"}
    assert not outside, f"actions/ needs packages missing from requirements/actions.lock: {sorted(outside)}"
