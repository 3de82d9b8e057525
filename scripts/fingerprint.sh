#!/usr/bin/env bash
# One hash of everything a trained model depends on: config, domain, training data, NLU components.
set -euo pipefail
cd "$(dirname "$0")/.."
# Relative to the repository, so that "config.yml" and "/abs/path/config.yml" hash the same.
config=$(realpath --relative-to=. "${1:-config.yml}")
# This project's components count only for a configuration that uses them (not the stock baseline).
code=()
domain=(domain.yml)
# The lock counts by its pins (name==version): its hashes and comments change no model.
pins() { grep -oE '^[A-Za-z0-9_.-]+==[^ \\]+' "$@"; }
lock_line="$(pins requirements.lock | sha256sum | cut -d' ' -f1)  requirements.lock"
skeleton=""
if grep -q "name: bot\." "$config"; then
  code=(data/safety data/places bot/nlu bot/safety bot/places bot/i18n/detect.py bot/i18n/domain_model.py bot/normalise.py)
else
  # Packages only this project's components import (requirements/encoder.in, pinned there exactly
  # as in the lock) do not change what the stock baseline learns: the lock counts without them.
  lock_line="$(pins requirements.lock | grep -v -x -F -f <(pins requirements/encoder.in) \
    | sha256sum | cut -d' ' -f1)  requirements.lock"
  # The stock baseline is only measured, never shown to people, and what it learns does not depend
  # on the wording of responses: count their names, not their texts, so that correcting a fact
  # does not cost a baseline retraining of an hour or more. (This project's model serves the
  # wording, so for it the whole domain counts.)
  domain=()
  skeleton=$(awk '/^[^ #]/ { in_responses = ($0 ~ /^responses:/) }
                  !in_responses || /^  [A-Za-z_][A-Za-z0-9_]*:/ { print }' domain.yml | sha256sum | cut -d' ' -f1)
fi
{
  find "$config" "${domain[@]}" data/nlu data/stories "${code[@]}" \
    -type f \( -name '*.yml' -o -name '*.py' -o -name '*.lock' \) 2>/dev/null | LC_ALL=C sort | xargs sha256sum
  echo "$lock_line"  # sorts last, where the lock's own line was
  [ -z "$skeleton" ] || echo "$skeleton  domain.yml without response texts"
} | sha256sum | cut -d' ' -f1
