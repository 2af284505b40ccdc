"""Regenerate the corpus of damaged knowledge-base files in tests/broken/.

Run from the repository root: python tests/make_broken.py
Each file is a small variation of tests/fixtures/mini.json; EXPECTED.json maps
each file to the message (field path and problem) it must be reported with.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
MINI = json.loads((HERE / "fixtures" / "mini.json").read_text(encoding="utf-8"))
OUT = HERE / "broken"

Mutation = Callable[[dict[str, Any]], None]


def edit(fn: Mutation) -> bytes:
    data = copy.deepcopy(MINI)
    fn(data)
    return json.dumps(data, indent=1).encode()


def set_path(path: str, value: Any) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        target: Any = data
        parts = path.split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        if value is _DELETE:
            del target[last]
        else:
            target[last] = value

    return apply


_DELETE = object()
GOOD = json.dumps(MINI, indent=1).encode()

CASES: dict[str, tuple[bytes, str]] = {
    "truncated.json": (GOOD[: len(GOOD) // 2], "is not valid JSON"),
    "empty.json": (b"", "is not valid JSON: Expecting value (line 1, column 1)"),
    "not-json.json": (b"modalities:\n  - psychoanalysis\n", "is not valid JSON"),
    "yaml-like.json": (b"---\nname: x\n", "is not valid JSON"),
    "top-level-array.json": (b"[]", "the top level must be a JSON object, not an array"),
    "top-level-string.json": (b'"modalities"', "the top level must be a JSON object, not a string"),
    "top-level-null.json": (b"null", "the top level must be a JSON object, not null"),
    "invalid-utf8.json": (
        GOOD.replace(b"fictional modality", b"fictional \xff\xfe modality", 1),
        "is not valid UTF-8",
    ),
    "utf-16.json": (GOOD.decode("utf-8").encode("utf-16"), "is not valid UTF-8 (byte 0)"),
    "byte-order-mark.json": (b"\xef\xbb\xbf" + GOOD, "starts with a byte-order mark"),
    "duplicate-keys.json": (
        b'{"modalities": [], "theories": [], "modalities": []}',
        "duplicate key 'modalities'",
    ),
    "nested-junk.json": (b'{"modalities": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "is nested too deeply"),
    "duplicate-ids.json": (
        edit(lambda d: d["theorists"].append(copy.deepcopy(d["theorists"][0]))),
        "theorists[3].id: duplicate id 'ada-example'",
    ),
    "dangling-founder.json": (
        edit(set_path("modalities.0.founders", ["nobody-at-all"])),
        "modalities[0].founders[0]: unknown theorist 'nobody-at-all'",
    ),
    "dangling-source.json": (
        edit(set_path("techniques.1.sources", ["no-such-source"])),
        "techniques[1].sources[0]: unknown source 'no-such-source'",
    ),
    "lineage-cycle.json": (
        edit(set_path("modalities.0.influenced_by", ["behavioural-sample-therapy"])),
        "modalities[1].influenced_by: lineage cycle",
    ),
    "self-reference.json": (
        edit(set_path("theorists.1.influenced_by", ["ben-sample"])),
        "theorists[1].influenced_by[0]: an entry cannot name itself",
    ),
    "ambiguous-alias.json": (
        edit(set_path("modalities.1.aliases", ["Tet"])),
        "modalities[1].aliases[0]: 'Tet' also names modalities[0]",
    ),
    "wrong-type-year.json": (
        edit(set_path("theorists.0.born", "1870")),
        "theorists[0].born: Input should be a valid integer",
    ),
    "wrong-type-list.json": (
        edit(set_path("modalities.0.aliases", "TET")),
        "modalities[0].aliases: Input should be a valid list",
    ),
    "wrong-type-section.json": (edit(set_path("theorists", {})), "theorists: Input should be a valid list"),
    "year-in-future.json": (
        edit(set_path("modalities.1.founded", 3021)),
        "modalities[1].founded: founded 3021 is in the future",
    ),
    "year-too-early.json": (
        edit(set_path("sources.0.year", 99)),
        "sources[0].year: Input should be greater than or equal to 1500",
    ),
    "died-before-born.json": (
        edit(set_path("theorists.0.died", 1850)),
        "theorists[0].died: 1850 is before born (1870)",
    ),
    "implausible-life.json": (
        edit(set_path("theorists.2.born", 1800)),
        "theorists[2].died: is null (living) but born is 1800",
    ),
    "empty-name.json": (
        edit(set_path("modalities.0.name", "")),
        "modalities[0].name: String should match pattern",
    ),
    "blank-summary.json": (
        edit(set_path("theories.0.summary", "   ")),
        "theories[0].summary: String should match pattern",
    ),
    "missing-required.json": (
        edit(set_path("techniques.0.summary", _DELETE)),
        "techniques[0].summary: is required",
    ),
    "unknown-field.json": (
        edit(set_path("modalities.0.popularity", 10)),
        "modalities[0].popularity: is not a known field",
    ),
    "bad-id.json": (
        edit(set_path("theories.0.id", "Drive Theory!")),
        "theories[0].id: String should match pattern",
    ),
    "bad-family.json": (
        edit(set_path("modalities.2.family", "astrology")),
        "modalities[2].family: Input should be",
    ),
    "bad-evidence-grade.json": (
        edit(set_path("modalities.1.evidence.0.grade", "excellent")),
        "modalities[1].evidence[0].grade: 'excellent' is not one of apa-div12's grades",
    ),
    "bad-doi.json": (
        edit(set_path("sources.1.doi", "https://doi.org/10.1234/x")),
        "sources[1].doi: String should match",
    ),
    "lone-surrogate.json": (
        edit(set_path("modalities.0.summary", "lone \ud800 surrogate")),
        "modalities[0].summary: Input should be a valid string, unable to parse raw data as a unicode string",
    ),
    "control-characters-in-id.json": (
        edit(set_path("theorists.0.id", "ada\x1b[2J")),
        "theorists[0].id: String should match pattern",
    ),
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    expected = {}
    for name, (content, message) in CASES.items():
        (OUT / name).write_bytes(content)
        expected[name] = message
    (OUT / "EXPECTED.json").write_text(
        json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
