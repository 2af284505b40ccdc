"""The commands, one module per group; importing them registers them on the app."""
