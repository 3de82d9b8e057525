"""The server launcher moved to bench/servers.py; this name stays for tests that import it from here."""

from bench.servers import (  # noqa: F401
    MODEL,
    ROOT,
    SENDER_HASH_KEY,
    Assistant,
    Conversation,
    free_port,
    stored_id,
)
