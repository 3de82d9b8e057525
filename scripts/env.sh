# Environment shared by every script: nothing here may reach the internet or log message text.
# The editable install (scripts/install.sh) already makes bot/, actions/ and bench/ importable, Rasa's
# loading of bot.* components included. This keeps the checkout's own code first when one venv serves
# several checkouts (git worktrees), where the installed one may be another's.
export PYTHONPATH="${PROJECT_ROOT:-$(pwd)}${PYTHONPATH:+:$PYTHONPATH}"
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=2
export TF_ENABLE_ONEDNN_OPTS=0
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export HF_HUB_OFFLINE=1
export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
