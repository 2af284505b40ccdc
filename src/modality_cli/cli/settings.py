"""Settings of the Typer app that the lazily built commands share with it."""

#: Help text is plain text, never Rich markup (names in help may hold brackets).
RICH_MARKUP_MODE = None
#: Typer's pretty exceptions are off: errors are handled at the boundary.
PRETTY_EXCEPTIONS_ENABLE = False
PRETTY_EXCEPTIONS_SHORT = True
