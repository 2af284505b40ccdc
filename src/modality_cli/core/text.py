"""Text helpers: the forgiving name key, search tokens, and control escaping."""

from __future__ import annotations

import functools
import re
import unicodedata

# British and American spellings fold to one form. Both the names in the data
# and what users type go through the same rules, so a rule only has to be
# applied consistently, not be right for every English word.
_WORDS = {
    "centre": "center",
    "centred": "centered",
    "centres": "centers",
    "theatre": "theater",
    "defence": "defense",
    "defences": "defenses",
    "dialogue": "dialog",
    "dialogues": "dialogs",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "practise": "practice",
    "colour": "color",
    "humour": "humor",
    "favour": "favor",
    "grey": "gray",
    "and": "",
    "the": "",
    "of": "",
}
# Spelling rules, applied to whole lower-cased texts at once (in C, not per word),
# each only where its tell-tale letters occur.
_SUFFIXES = (
    ("iour", re.compile(r"iour"), "ior"),  # behaviour, behavioural
    ("is", re.compile(r"is(ation|ations|e|ed|es|ing|er|ers)\b"), r"iz\1"),  # mentalisation, externalising
    ("ell", re.compile(r"ell(ing|ed|or|ors)\b"), r"el\1"),  # counselling, modelling
    ("paed", re.compile(r"\bpaed"), "ped"),  # paediatric
)
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_NON_WORD = re.compile(r"[\W_]+")


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_text(text: str) -> str:
    """Lower-case, accent-free text for a quick containment test of word stems,
    with apostrophes dropped as :func:`words` drops them ("D'Zurilla" is one
    word). The spelling rules of :func:`words` change only word endings, except
    these two, which change the first letters."""
    text = _strip_accents(text).casefold().replace("paed", "ped").replace("grey", "gray")
    if "'" in text or "\u2019" in text or "\u2018" in text or "`" in text:
        text = _APOSTROPHES.sub("", text)
    return text


def words(text: str) -> list[str]:
    """Lower-case, accent-free, spelling-folded words of ``text``."""
    text = _strip_accents(text).casefold().replace("&", " and ")
    if "'" in text or "\u2019" in text or "\u2018" in text or "`" in text:
        text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text)
    for marker, pattern, repl in _SUFFIXES:
        if marker in text:
            text = pattern.sub(repl, text)
    get = _WORDS.get
    return [w for w in (get(word, word) for word in text.split()) if w]


@functools.lru_cache(maxsize=1 << 18)
def name_key(text: str) -> str:
    """The key names are matched on: case, accents, spelling, spaces, hyphens
    and punctuation do not count (``Cognitive-Behavioural`` == ``cognitive behavioral``).

    A key is its own key: joining words can make a new one ("O:F" -> "of",
    "col our" -> "colour"), so the rules run again until nothing changes."""
    key = "".join(words(text))
    while not _settled(key) and (again := "".join(words(key))) != key:
        key = again
    return key


def _settled(key: str) -> bool:
    """Whether :func:`words` would leave a joined key as it is: plain ASCII
    that is not a folded word and has no spelling-rule ending (most keys)."""
    return (
        key.isascii()
        and key not in _WORDS
        and not any(marker in key and pattern.search(key) for marker, pattern, _ in _SUFFIXES)
    )


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def escape_controls(text: str) -> str:
    """Show control characters (escapes, carriage returns, bidi overrides) as
    visible ``\\x1b``-style escapes so data text cannot drive the terminal."""
    return _CONTROL.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def brief(text: str | None, limit: int = 60, empty: str = "not recorded") -> str:
    """The first sentence of ``text``, cut at a word near ``limit`` characters."""
    if not text:
        return empty
    first = re.split(r"(?<=[.;:!?])\s", text.strip(), maxsplit=1)[0].rstrip(".;:")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;: ")
    return cut + "…"


def lower_first(text: str) -> str:
    """ "Usually weekly" -> "usually weekly", leaving acronyms ("NICE") alone."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first[1:2].islower() else text


@functools.cache
def _pattern(text: str) -> re.Pattern[str]:
    """A pattern compiled when first used (start-up pays only for those it needs)."""
    return re.compile(text)


#: Characters XML 1.0 forbids (and lone surrogates): an SVG or HTML file with one is not well-formed.
_XML_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"


def xml_safe(text: str) -> str:
    """``text`` with every character XML forbids replaced by U+FFFD."""
    return _pattern(_XML_FORBIDDEN).sub("\ufffd", text)


_MARKDOWN_SPECIAL = r"([\\`*_\[\]<>#|~])"


def markdown_inert(text: str) -> str:
    """Data text for Markdown: control characters shown, and every character
    Markdown could read as syntax (emphasis, links, HTML, headings, tables)
    escaped with a backslash, so it prints as written."""
    return _pattern(_MARKDOWN_SPECIAL).sub(r"\\\1", escape_controls(text))


#: Characters that are valid in JSON strings but can still drive a terminal or reorder
#: text when printed raw: C1 controls (U+009B is a one-byte CSI), bidirectional
#: controls, and the line and paragraph separators.
_JSON_UNSAFE = "[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"


def json_inert(text: str) -> str:
    """Serialised JSON with those characters written as ``\\u`` escapes (the same
    string to a JSON reader; nothing a terminal acts on)."""
    pattern = _pattern(_JSON_UNSAFE)
    if pattern.search(text) is None:  # the usual case: nothing to escape
        return text
    return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: A CSV cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_inert(cell: str) -> str:
    """A CSV cell that is shown, not run: control characters made visible, and a
    leading ``'`` before a formula character, as OWASP recommends."""
    if cell.startswith(_FORMULA_START):
        cell = "'" + cell
    return escape_controls(cell)
