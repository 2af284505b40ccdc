"""The browser's screens, one module each."""
