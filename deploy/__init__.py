"""Running the assistant's processes: supervised on one machine, or as a cluster (docs/deploy.md)."""
