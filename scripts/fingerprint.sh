#!/usr/bin/env bash
# One hash of everything a trained model depends on: config, domain, training data, NLU components.
set -euo pipefail
cd "$(dirname "$0")/.."
# Relative to the repository, so that "config.yml" and "/abs/path/config.yml" hash the same.
config=$(realpath --relative-to=. "${1:-config.yml}")
# This project's components count only for a configuration that uses them (not the stock baseline).
code=()
if grep -q "name: bot\." "$config"; then
  code=(data/safety data/places bot/nlu bot/safety bot/places bot/i18n/detect.py bot/i18n/domain_model.py bot/text.py)
fi
{
  find "$config" domain.yml data/nlu data/stories "${code[@]}" requirements.lock \
    -type f \( -name '*.yml' -o -name '*.py' -o -name '*.lock' \) 2>/dev/null | LC_ALL=C sort | xargs sha256sum
} | sha256sum | cut -d' ' -f1
