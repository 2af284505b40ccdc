"""``modality browse``: a full-screen explorer built on Textual.

The App lives in :mod:`.app`, each screen in a module of its own, and the
styles in ``browse.tcss``. Only ``browse`` imports this package (and Textual).
"""
