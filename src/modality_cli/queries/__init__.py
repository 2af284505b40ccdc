"""Queries: pure functions from the knowledge base to result models."""

from modality_cli.queries.compare import compare
from modality_cli.queries.entries import show_modality, techniques, theories, theorists
from modality_cli.queries.listing import list_modalities
from modality_cli.queries.search import search

__all__ = ["compare", "list_modalities", "search", "show_modality", "techniques", "theories", "theorists"]
