"""Reading several names from the words people type: ``compare psychodynamic
therapy cbt``, ``compare psychodynamic vs cbt``, ``compare cbt, dbt and act``."""

from __future__ import annotations

import re

from modality_cli.core.errors import UsageError
from modality_cli.kb.knowledge import KnowledgeBase

#: Words that always separate two names.
SEPARATORS = frozenset({"vs", "vs.", "v", "v.", "versus", "or"})
#: Words that separate two names unless they are part of one ("acceptance and commitment therapy").
JOINERS = frozenset({"and", "&", "+"})
#: Longest run of words read as one group (beyond it, each word is a name).
MAX_WORDS = 16


def _groups(tokens: list[str]) -> list[list[str]]:
    """Split at separators and commas; a token with a space in it was quoted, and
    stays one unit."""
    groups: list[list[str]] = [[]]
    for token in tokens:
        parts = re.split(r"(,)", token) if "," in token and " " not in token else [token]
        for part in parts:
            word = part.strip()
            if part == "," or word.casefold() in SEPARATORS:
                groups.append([])
            elif word:
                groups[-1].append(part if " " in part else word)
    return [g for g in groups if g]


def _segmentations(kb: KnowledgeBase, units: list[str]) -> list[list[str]]:
    """The ways to read ``units`` as the fewest names that each resolve to one
    modality (a joiner may sit between two names)."""
    index = kb.index("modalities")
    n = len(units)
    found: dict[tuple[int, int], str | None] = {}
    # "cbt counselling" is two names when "counselling" is one by itself, so a
    # last word such as "counselling" may stand for "therapy" only when it is not
    alone = [index.find(unit, swap=False) is not None for unit in units]

    def entry(i: int, j: int) -> str | None:
        if (i, j) not in found:
            part = units[i:j]
            if j - i > 1 and any(" " in u for u in part):  # a quoted name stays one name
                hit = None
            else:
                hit = index.find(" ".join(part), swap=j - i == 1 or not alone[j - 1])
            found[i, j] = hit.id if hit is not None else None
        return found[i, j]

    # best[j]: the fewest names covering units[:j], and every way to get there
    Way = list[tuple[str, str]]
    best: list[tuple[int, list[Way]] | None] = [None] * (n + 1)
    best[0] = (0, [[]])
    for j in range(1, n + 1):
        options: list[tuple[int, list[Way]]] = []
        for i in range(j):
            if units[i].casefold() in JOINERS or units[j - 1].casefold() in JOINERS:
                continue
            entry_id = entry(i, j)
            if entry_id is None:
                continue
            # the name follows the one before directly, or across one joiner
            joined = i >= 2 and units[i - 1].casefold() in JOINERS
            for before in (i, i - 1) if joined else (i,):
                start = best[before]
                if start is not None:
                    text = " ".join(units[i:j])
                    options.append((start[0] + 1, [[*way, (text, entry_id)] for way in start[1]]))
        if options:
            fewest = min(count for count, _ in options)
            best[j] = (fewest, [way for count, ways in options if count == fewest for way in ways])
    end = best[n]
    if end is None:
        return []
    distinct: dict[tuple[str, ...], list[str]] = {}
    for way in end[1]:
        distinct.setdefault(tuple(entry_id for _, entry_id in way), [text for text, _ in way])
    return list(distinct.values())


def split_names(kb: KnowledgeBase, tokens: list[str]) -> list[str]:
    """The names in ``tokens``, reading the longest names that resolve. Words that
    can be read as names in two ways are a usage error that shows how to quote."""
    names: list[str] = []
    for units in _groups(tokens):
        if len(units) == 1 or len(units) > MAX_WORDS:
            names += units
            continue
        ways = _segmentations(kb, units)
        if not ways:
            names += [
                u for u in units if u.casefold() not in JOINERS
            ]  # each word: the error names the bad one
        elif len(ways) == 1:
            names += ways[0]
        else:
            shown = " or ".join(" ".join(f"'{n}'" for n in way) for way in ways[:2])
            raise UsageError(
                f"the words {' '.join(units)!r} can be read as names in more than one way.",
                f"Quote each name, for example: modality compare {shown}",
            )
    return names
