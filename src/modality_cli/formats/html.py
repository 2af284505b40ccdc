"""HTML export: a real page, not a terminal recording. The answer's Markdown
(:mod:`modality_cli.formats.markdown`, which escapes data text) is rendered by
markdown-it (already installed with Rich) with raw HTML switched off, into a
page with a title, readable type, light and dark colours and print styles."""

from __future__ import annotations

import html
from typing import Any

from modality_cli.core.text import xml_safe
from modality_cli.formats.markdown import to_markdown

STYLE = """
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #ffffff; --muted: #5f6368; --rule: #d0d4d9;
        --head: #f3f5f7; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8eaed; --bg: #16181b; --muted: #a0a6ad; --rule: #3a3f45; --head: #22262b;
          --accent: #8ab4f8; }
}
html { background: var(--bg); color: var(--fg); }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .4rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 4px solid var(--accent); color: var(--fg); }
em { color: var(--muted); }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .9em; }
footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; }
@media print {
  @page { margin: 0; }
  body { margin: 1.5cm; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, blockquote { break-inside: avoid; }
}
"""

NOTE = "Educational information, not clinical advice. Made with modality."


def to_html(result: Any, title: str) -> str:
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    body = renderer.render(to_markdown(result))
    return xml_safe(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n<footer>{html.escape(NOTE)}</footer>\n</body>\n</html>\n"
    )
