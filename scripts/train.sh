#!/usr/bin/env bash
# Trains models/<name>.tar.gz unless the data, config and components are unchanged since the last training.
# Usage: scripts/train.sh [config.yml] [model name]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
config=${1:-config.yml}
name=${2:-trp}
model="models/$name.tar.gz"
want=$(scripts/fingerprint.sh "$config")
if [ -f "$model" ] && [ -f "models/$name.fingerprint" ] && [ "$(cat "models/$name.fingerprint")" = "$want" ]; then
  echo "train: $model is up to date"
  exit 0
fi
echo "train: training $model from $config (this project's model: a minute or two; the stock baseline: one to two hours on 2 cores)..."
mkdir -p models
start=$(date +%s)
# A fresh training cache, so the recorded time is a whole training and old caches do not pile up.
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
RASA_CACHE_DIRECTORY="$cache" .venv/bin/rasa train --config "$config" --domain domain.yml --data data --out models \
  --fixed-model-name "$name" --quiet
echo "$want" > "models/$name.fingerprint"
echo "$(( $(date +%s) - start ))" > "models/$name.train_seconds"
echo "train: done in $(( $(date +%s) - start )) s"
