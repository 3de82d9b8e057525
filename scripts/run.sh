#!/usr/bin/env bash
# Starts the action server and the Rasa server (web chat, REST, Telegram) under supervisord, which
# restarts either when it exits, and stops both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "run: stopping..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  echo "run: stopped"
}
trap stop INT TERM EXIT

endpoints=endpoints.yml
if [ "$ACTIONS_PORT" != 5055 ]; then
  endpoints=$(mktemp --suffix=.yml)
  sed "s#localhost:5055#localhost:$ACTIONS_PORT#" endpoints.yml > "$endpoints"
fi
# supervisord (deploy/single.py) restarts the action server or the Rasa server whenever one exits:
# while the action server is down, the Rasa server still gives 911, the hotline and IRCC.
conf=$(.venv/bin/python -m deploy.single --rasa-port "$RASA_PORT" --actions-port "$ACTIONS_PORT" \
  --endpoints "$endpoints" --run-dir "${RUN_DIR:-$(mktemp -d)}")
.venv/bin/supervisord -n -c "$conf" &
pids+=($!)

echo "run: starting (the first answer takes about 20 s while the model loads)..."
for _ in $(seq 1 180); do
  if curl -fsS "http://localhost:$RASA_PORT/" >/dev/null 2>&1; then break; fi
  sleep 1
done
cat <<TXT

The assistant is ready. Talk to it over Rasa's REST channel:

  curl -s http://localhost:$RASA_PORT/webhooks/rest/webhook \\
       -H 'Content-Type: application/json' \\
       -d '{"sender": "any-made-up-id", "message": "how much does the permit cost?"}'

  (en français : "message": "combien ça coûte ?")

TXT
if [ -n "${TELEGRAM_BOT_TOKEN:-}" ] && [ -n "${TELEGRAM_WEBHOOK_SECRET:-}" ]; then
  echo "Telegram: on (webhook). Updates are read at http://localhost:$RASA_PORT/webhooks/telegram/webhook; register"
  echo "  your public address for it with Telegram's setWebhook and secret_token=\$TELEGRAM_WEBHOOK_SECRET."
elif [ -n "${TELEGRAM_BOT_TOKEN:-}" ]; then
  echo "Telegram: on (polling: this server fetches the bot's messages itself; no public address needed)."
else
  echo "Telegram: off (set TELEGRAM_BOT_TOKEN to turn it on; see README, \"Telegram\")."
fi
echo
echo "Press Ctrl-C to stop."
echo
echo "Web chat: open http://localhost:$RASA_PORT/webhooks/web/ in a browser."
wait -n "${pids[@]}"
