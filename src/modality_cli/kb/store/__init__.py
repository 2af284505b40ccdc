"""The store: a validated knowledge base written once to SQLite, and read back.

Data flows one way: a file is parsed and validated into models
(:mod:`modality_cli.kb.loading`, :mod:`modality_cli.kb.integrity`), linked both ways
(:mod:`modality_cli.kb.knowledge`), written to a database here (:mod:`.write`),
and every later run on the same bytes reads that database (:mod:`.read`):
entries, the name keys that resolution uses, completion's names and the
full-text index that ``search`` queries (:mod:`.fts`).

The schema (:mod:`.schema`) is documented in the README and stable: users
open ``modality export --sqlite kb.db`` with ``sqlite3``, sqlite-utils or
Datasette. Modules here import nothing heavy at import time.
"""
