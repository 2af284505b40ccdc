"""The knowledge base: reading and checking files (:mod:`.loading`,
:mod:`.integrity`), the linked knowledge base in memory (:mod:`.knowledge`),
and its SQLite store (:mod:`.store`)."""
