"""Shared building blocks with no knowledge of the layers above: errors and exit
statuses, text folding and inert output, paths and file flags, lazy exports,
plain data from models, and the injectable environment."""
