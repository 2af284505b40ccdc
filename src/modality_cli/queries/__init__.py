"""Queries: pure functions from the knowledge base to result models.

Each command imports the module it needs (``queries.entries``,
``queries.compare``...), so no command pays for the others."""
