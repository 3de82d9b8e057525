#!/usr/bin/env bash
# Rebuilds requirements.lock from requirements/*.txt in a scratch venv (see docs/architecture.md).
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
$pip install -q --no-deps --ignore-requires-python rasa==3.6.21
$pip install -q --ignore-requires-python --prefer-binary -c requirements/constraints.txt -r requirements/project.in
$pip install -q --no-deps --prefer-binary -r requirements/encoder.in
{
  echo "# Exact versions of every package in .venv (pip freeze). Installed with --no-deps by scripts/install.sh,"
  echo "# so pip never re-resolves: Rasa 3.6 declares Python <3.11 and its own pins need the fixes in"
  echo "# requirements/rasa-py311.txt. Regenerate with: make lock"
  $pip freeze --all --exclude pip | grep -v "^-e\|@ file"
} > requirements.lock
echo "lock: wrote requirements.lock ($(grep -c '==' requirements.lock) packages)"
