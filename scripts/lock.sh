#!/usr/bin/env bash
# Rebuilds requirements.lock and the per-role locks requirements/{runtime,actions}.lock, with
# hashes, from requirements/*.in and rasa-py311.txt in a scratch venv (docs/architecture.md).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
pip="$tmp/venv/bin/python -m pip"
$pip install -q --upgrade pip==24.0
# Rasa's dependencies re-pinned for 3.11, then Rasa itself without its own (3.10-only) pins,
# then the project's packages held by the constraints.
$pip install -q --ignore-requires-python --prefer-binary -r requirements/rasa-py311.txt
$pip install -q --no-deps --ignore-requires-python -r requirements/rasa.in
$pip install -q --ignore-requires-python --prefer-binary -c requirements/constraints.txt \
  -r requirements/runtime.in -r requirements/dev.in
$pip install -q --no-deps --prefer-binary -r requirements/encoder.in
# requirements/actions.in only names the action server's part of the above (requirements/actions.lock).
$pip freeze --all --exclude pip | grep -v "^-e\|@ file" > requirements.lock
# The file pip installs of each package (a wheel, or the sdist when there is none), to hash;
# then the hashed lock and its subsets by role, from the scratch venv's package metadata.
$pip download -q --no-deps --ignore-requires-python --prefer-binary -d "$tmp/files" -r requirements.lock
"$tmp/venv/bin/python" scripts/lock_files.py "$tmp/files"
