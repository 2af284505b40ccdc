"""A synthetic knowledge base of any size, for benchmarks.

``generate(n)`` returns a document with n modalities, n theorists, n/2
theories, 2n techniques, n/10 conditions (at least 4) and n sources that passes ``modality validate``:
every reference resolves, names and aliases are unique under the forgiving
name key, lineage only points to lower-numbered entries (so it has no
cycles), and years are plausible. Every text says it is synthetic.

    python benchmarks/synthetic.py 10000 /tmp/kb-10000.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any, get_args

from modality_cli.core.vocab import EVIDENCE_SYSTEMS
from modality_cli.models import (
    ConditionGroup,
    Family,
    Format,
    Population,
    SourceKind,
    Structure,
    TimeOrientation,
)

FAMILIES: tuple[str, ...] = get_args(Family)
FORMATS: tuple[str, ...] = get_args(Format)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
STRUCTURES: tuple[str, ...] = get_args(Structure)
TIME_ORIENTATIONS: tuple[str, ...] = get_args(TimeOrientation)
POPULATIONS: tuple[str, ...] = get_args(Population)
GROUPS: tuple[str, ...] = get_args(ConditionGroup)
#: A fixed date in the past, so the file stays valid whatever day it is read.
CHECKED = "2025-01-01"
MARK = "[Synthetic benchmark data, not a real therapy.]"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ADJECTIVES = _words(
    "relational embodied structured reflective collaborative brief experiential narrative contextual"
    " developmental emotional behavioural interpersonal attentive exploratory supportive graded imaginal"
    " systemic integrative"
)
_NOUNS = _words(
    "patterns beliefs memories relationships routines feelings habits stories conflicts values sensations"
    " expectations attachments meanings skills roles defences schemas responses goals"
)
_VERBS = _words(
    "examines reshapes notices rehearses reframes explores tracks softens strengthens names revisits"
    " balances organises maps tests clarifies"
)
_SYSTEM_IDS = sorted(EVIDENCE_SYSTEMS)
#: Short id prefixes keep a 100,000-modality file under the loader's size limit.
_ID_PREFIX = {
    "modality": "syn-mod",
    "theorist": "syn-ist",
    "theory": "syn-thy",
    "technique": "syn-tec",
    "source": "syn-src",
    "condition": "syn-con",
}


def _number(i: int) -> str:
    return f"{i:05d}"


def _slug(kind: str, i: int) -> str:
    return f"{_ID_PREFIX[kind]}-{_number(i)}"


def _phrase(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"


def _sentence(rng: random.Random, subject: str) -> str:
    return f"{subject} {_phrase(rng)} and {_phrase(rng)}."


def _paragraph(rng: random.Random, subject: str, sentences: int) -> str:
    subjects = (subject, "It", "The approach", "Practice")
    parts = [MARK, *(_sentence(rng, rng.choice(subjects)) for _ in range(sentences))]
    return " ".join(parts)


def _links(
    rng: random.Random, kind: str, population: int, low: int, high: int, exclude: int = -1
) -> list[str]:
    """``low``..``high`` distinct ids of ``kind`` chosen from 1..population, never ``exclude``."""
    available = population - (1 <= exclude <= population)
    count = min(rng.randint(low, high), available)
    chosen: set[int] = set()
    while len(chosen) < count:
        pick = rng.randint(1, population)
        if pick != exclude:
            chosen.add(pick)
    return [_slug(kind, i) for i in sorted(chosen)]


def _earlier(rng: random.Random, kind: str, i: int, high: int) -> list[str]:
    """Up to ``high`` distinct lower-numbered ids: lineage that cannot form a cycle."""
    count = min(rng.randint(0, high), i - 1)
    return [_slug(kind, j) for j in sorted(rng.sample(range(1, i), count))] if count > 0 else []


def _modality(rng: random.Random, i: int, counts: dict[str, int]) -> dict[str, Any]:
    name = f"Synthetic modality {_number(i)}"
    family = FAMILIES[i % len(FAMILIES)]
    founders = _links(rng, "theorist", counts["theorists"], 1, 2)
    system = EVIDENCE_SYSTEMS[rng.choice(_SYSTEM_IDS)]
    grade = rng.choice(sorted(system.grades))
    return {
        "id": _slug("modality", i),
        "name": name,
        "aliases": [f"SM{_number(i)}"],
        "summary": f"Synthetic benchmark modality in the {family} family that {_phrase(rng)}.",
        "sources": _links(rng, "source", counts["sources"], 3, 6),
        "checked": CHECKED,
        "family": family,
        "founded": rng.randint(1890, 2020),
        "founders": founders,
        "theorists": sorted(set(founders) | set(_links(rng, "theorist", counts["theorists"], 0, 2))),
        "theories": _links(rng, "theory", counts["theories"], 1, 3),
        "techniques": _links(rng, "technique", counts["techniques"], 3, 6),
        "overview": _paragraph(rng, name, rng.randint(3, 4)),
        "focus": _sentence(rng, "Synthetic focus: it"),
        "time_orientation": sorted(rng.sample(TIME_ORIENTATIONS, rng.randint(1, 2))),
        "structure": rng.choice(STRUCTURES),
        "formats": sorted(rng.sample(FORMATS, rng.randint(1, 3))),
        "goals": [f"synthetic goal: {_phrase(rng)}" for _ in range(3)],
        "evidence": [
            {
                "condition": _slug("condition", rng.randint(1, counts["conditions"])),
                "population": rng.choice(POPULATIONS),
                "system": system.id,
                "grade": grade,
                "year": rng.randint(1995, 2024),
                "summary": f"Synthetic rating by {system.id}, not a real one.",
                "sources": _links(rng, "source", counts["sources"], 1, 1),
            }
        ],
        "influenced_by": _earlier(rng, "modality", i, 2),
        "related": _links(rng, "modality", counts["modalities"], 3, 6, exclude=i),
    }


def _theorist(rng: random.Random, i: int, counts: dict[str, int]) -> dict[str, Any]:
    born = rng.randint(1850, 1960)
    died: int | None = born + rng.randint(50, min(90, dt.date.today().year - born))
    if born >= 1940 and rng.random() < 0.5:
        died = None
    return {
        "id": _slug("theorist", i),
        "name": f"Synthetic theorist {_number(i)}",
        "aliases": [f"ST{_number(i)}"],
        "summary": f"Synthetic benchmark theorist whose invented work {_phrase(rng)}.",
        "sources": _links(rng, "source", counts["sources"], 1, 2),
        "born": born,
        "died": died,
        "contributions": [f"synthetic contribution: {_phrase(rng)}" for _ in range(rng.randint(2, 3))],
        "theories": _links(rng, "theory", counts["theories"], 1, 2),
        "modalities": _links(rng, "modality", counts["modalities"], 1, 2),
        "influenced_by": _earlier(rng, "theorist", i, 2),
    }


def _theory(rng: random.Random, i: int, counts: dict[str, int]) -> dict[str, Any]:
    name = f"Synthetic theory {_number(i)}"
    return {
        "id": _slug("theory", i),
        "name": name,
        "summary": f"Synthetic benchmark theory holding that practice {_phrase(rng)}.",
        "sources": _links(rng, "source", counts["sources"], 1, 2),
        "description": _paragraph(rng, name, 2),
        "originators": _links(rng, "theorist", counts["theorists"], 1, 2),
        "year": rng.randint(1900, 2020),
        "key_concepts": [f"synthetic {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}" for _ in range(3)],
        "modalities": _links(rng, "modality", counts["modalities"], 1, 3),
        "related": _links(rng, "theory", counts["theories"], 0, 2, exclude=i),
    }


def _technique(rng: random.Random, i: int, counts: dict[str, int]) -> dict[str, Any]:
    name = f"Synthetic technique {_number(i)}"
    return {
        "id": _slug("technique", i),
        "name": name,
        "summary": f"Synthetic benchmark technique in which the client {_phrase(rng)}.",
        "sources": _links(rng, "source", counts["sources"], 1, 1),
        "description": _sentence(rng, name),
        "originators": _links(rng, "theorist", counts["theorists"], 1, 1),
        "modalities": _links(rng, "modality", counts["modalities"], 1, 2),
        "theories": _links(rng, "theory", counts["theories"], 0, 1),
    }


def _source(rng: random.Random, i: int) -> dict[str, Any]:
    return {
        "id": _slug("source", i),
        "kind": rng.choice(SOURCE_KINDS),
        "authors": [f"Synthetic Author {rng.randint(1, 99999):05d}" for _ in range(rng.randint(1, 3))],
        "year": rng.randint(1950, 2024),
        "title": f"Synthetic source {_number(i)}: how practice {_phrase(rng)}",
        "venue": "Synthetic Journal of Benchmark Data",
        "url": f"https://example.org/synthetic/{_number(i)}",
    }


def _condition(rng: random.Random, i: int, counts: dict[str, int]) -> dict[str, Any]:
    name = f"Synthetic condition {_number(i)}"
    return {
        "id": _slug("condition", i),
        "name": name,
        "aliases": [f"syndrome {_number(i)}"],
        "summary": _sentence(rng, name + " is a made-up condition that"),
        "group": rng.choice(GROUPS),
        "related": _links(rng, "condition", counts["conditions"], 0, 2, exclude=i),
        "sources": _links(rng, "source", counts["sources"], 1, 1),
    }


def generate(n_modalities: int, seed: int = 0) -> dict[str, Any]:
    """A valid synthetic knowledge-base document with ``n_modalities`` modalities."""
    if n_modalities < 1:
        raise ValueError("n_modalities must be at least 1")
    n = n_modalities
    counts = {
        "modalities": n,
        "theorists": n,
        "theories": max(1, n // 2),
        "techniques": 2 * n,
        "conditions": max(4, n // 10),
        "sources": n,
    }
    rng = random.Random(seed)
    return {
        "schema_version": 1,
        "modalities": [_modality(rng, i, counts) for i in range(1, n + 1)],
        "theories": [_theory(rng, i, counts) for i in range(1, counts["theories"] + 1)],
        "theorists": [_theorist(rng, i, counts) for i in range(1, n + 1)],
        "techniques": [_technique(rng, i, counts) for i in range(1, counts["techniques"] + 1)],
        "conditions": [_condition(rng, i, counts) for i in range(1, counts["conditions"] + 1)],
        "sources": [_source(rng, i) for i in range(1, n + 1)],
    }


def write(n_modalities: int, out: Path, seed: int = 0) -> None:
    with out.open("w", encoding="utf-8") as handle:
        json.dump(generate(n_modalities, seed), handle, ensure_ascii=False)
        handle.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic knowledge base for benchmarks.")
    parser.add_argument("n", type=int, help="number of modalities (theorists: n, theories: n/2, ...)")
    parser.add_argument("out", type=Path, help="JSON file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    write(args.n, args.out, args.seed)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {args.n} modalities)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
