"""Writes the lock files with hashes: requirements.lock (everything, what CI installs) and its
subsets by role, requirements/runtime.lock (the Rasa server) and requirements/actions.lock (the
action server).

Run by scripts/lock.sh with the Python of the environment just locked, whose package metadata
gives each role's dependencies, and the folder where `pip download` put the files of the lock
(one per package: the wheel pip installs on Linux x86_64 CPython 3.11, or the sdist when there is
no wheel). Usage: python scripts/lock_files.py DOWNLOAD_DIR
"""

from __future__ import annotations

import hashlib
import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "requirements.lock"
REQS = ROOT / "requirements"
# Each role's lock: the packages named in these files and everything they depend on.
ROLES = {
    "runtime": ["rasa-py311.txt", "rasa.in", "runtime.in", "encoder.in"],
    "actions": ["actions.in"],
}
HEADER = """\
# {what}.
# Exact versions, each with the hash of the file pip installs (Linux x86_64, CPython 3.11).
# Installed with --no-deps (pip checks every hash), so pip never re-resolves:
# Rasa 3.6 declares Python <3.11 and its own pins need the fixes in requirements/rasa-py311.txt.
# Regenerate with: make lock (scripts/lock.sh)
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> 'Name==version' of a lock file, hashes and comments left out."""
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip().rstrip("\\").strip()
        if "==" in line and not line.startswith("-"):
            spec = line.split()[0]
            found[canonical(spec.split("==")[0])] = spec
    return found


def file_hashes(folder: Path) -> dict[str, str]:
    """name -> sha256 of the one downloaded file of each package."""
    hashes = {}
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".whl"):
            name = path.name.split("-")[0]
        elif path.name.endswith((".tar.gz", ".zip")):
            name = path.name.rsplit("-", 1)[0]
        else:
            continue
        hashes[canonical(name)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def roots(files: list[str]) -> list[Requirement]:
    found = []
    for name in files:
        path = REQS / name
        lines = path.read_text().splitlines() if path.exists() else [name.removesuffix(".in")]
        for line in lines:
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                found.append(Requirement(line))
    return found


def closure(start: list[Requirement], locked: set[str]) -> set[str]:
    """The locked packages the start needs, following the installed packages' declared needs.
    A need outside the lock is one the project leaves out on purpose (requirements/encoder.in)."""
    seen: set[str] = set()
    todo = [(canonical(r.name), set(r.extras)) for r in start]
    while todo:
        name, extras = todo.pop()
        if name not in locked or (name in seen and not extras):
            continue
        seen.add(name)
        for text in metadata.requires(name) or []:
            need = Requirement(text)
            if need.marker and not any(need.marker.evaluate({"extra": e}) for e in {"", *extras}):
                continue
            todo.append((canonical(need.name), set(need.extras)))
    return seen


def write(path: Path, what: str, specs: list[str], hashes: dict[str, str]) -> None:
    lines = [HEADER.format(what=what)]
    for spec in sorted(specs, key=lambda s: canonical(s.split("==")[0])):
        lines.append(f"{spec} \\\n    --hash=sha256:{hashes[canonical(spec.split('==')[0])]}\n")
    path.write_text("".join(lines))
    print(f"lock: wrote {path.relative_to(ROOT)} ({len(specs)} packages)")


def main(folder: str) -> None:
    locked = pins(MAIN)
    hashes = file_hashes(Path(folder))
    missing = sorted(set(locked) - set(hashes))
    if missing:
        sys.exit(f"lock: no downloaded file for {', '.join(missing)}")
    write(MAIN, "Every package of the development environment (what CI installs)",
          list(locked.values()), hashes)
    for role, files in ROLES.items():
        names = closure(roots(files), set(locked))
        write(REQS / f"{role}.lock", f"The {role} packages (requirements/{role}.in), a subset of requirements.lock",
              [locked[n] for n in names], hashes)


if __name__ == "__main__":
    main(sys.argv[1])
