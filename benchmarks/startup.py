"""Start-up cost of ``modality`` against trivial Typer apps, as whole processes.

Two reference apps are written to a temporary directory and run with the same
interpreter: (a) a one-command Typer app that prints one line of JSON, and (b)
a one-command Typer app that prints a one-row Rich table. Every subject runs
once per round, round-robin, after two warm-up rounds; the report gives the
median wall time and the median peak RSS (``ru_maxrss`` from ``os.wait4``) of
each subject, and its ratio to its reference.

    python benchmarks/startup.py [--rounds 15] [--json]

It always exits 0: it is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from process import own_peak_mb, run_once

WARMUP_ROUNDS = 2
TIME_TARGET_JSON = 1.10
TIME_TARGET_TABLE = 1.15
MEMORY_TARGET = 1.30

APP_JSON = '''\
import json

import typer

app = typer.Typer()


@app.command()
def main() -> None:
    """Print one line of JSON."""
    print(json.dumps({"name": "reference", "ok": True}))


if __name__ == "__main__":
    app()
'''

APP_TABLE = '''\
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main() -> None:
    """Print a one-row Rich table."""
    table = Table(title="Reference")
    table.add_column("Name")
    table.add_column("Value")
    table.add_row("reference", "ok")
    Console().print(table)


if __name__ == "__main__":
    app()
'''


@dataclass
class Subject:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    #: Name of the reference subject, or None for a reference itself.
    reference: str | None = None
    target: float | None = None
    times: list[float] = field(default_factory=list)
    peaks_kb: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def subjects(workdir: Path) -> list[Subject]:
    app_json = workdir / "app_json.py"
    app_table = workdir / "app_table.py"
    app_json.write_text(APP_JSON, encoding="utf-8")
    app_table.write_text(APP_TABLE, encoding="utf-8")
    python = sys.executable
    modality = str(Path(sys.executable).parent / "modality")
    completion = {"_MODALITY_COMPLETE": "complete_bash", "COMP_WORDS": "modality show psy", "COMP_CWORD": "2"}
    return [
        Subject("trivial JSON app (a)", [python, str(app_json)]),
        Subject("trivial table app (b)", [python, str(app_table)], {"COLUMNS": "100"}),
        Subject(
            "show psychodynamic --json",
            [modality, "show", "psychodynamic", "--json"],
            reference="trivial JSON app (a)",
            target=TIME_TARGET_JSON,
        ),
        Subject(
            "theorists --json",
            [modality, "theorists", "--json"],
            reference="trivial JSON app (a)",
            target=TIME_TARGET_JSON,
        ),
        Subject(
            "completion (show psy<TAB>)",
            [modality],
            completion,
            reference="trivial JSON app (a)",
            target=TIME_TARGET_JSON,
        ),
        Subject(
            "compare psychodynamic cbt",
            [modality, "compare", "psychodynamic", "cbt"],
            {"COLUMNS": "100"},
            reference="trivial table app (b)",
            target=TIME_TARGET_TABLE,
        ),
    ]


def measure(all_subjects: list[Subject], rounds: int) -> None:
    base = dict(os.environ)
    for name in ("_MODALITY_COMPLETE", "COMP_WORDS", "COMP_CWORD", "COLUMNS"):
        base.pop(name, None)
    for round_no in range(WARMUP_ROUNDS + rounds):
        for subject in all_subjects:
            sample = run_once(subject.argv, base | subject.env)
            if sample.exit_code != 0:
                failure = f"exit {sample.exit_code}: {sample.stderr.strip()[:200]}"
                if failure not in subject.failures:
                    subject.failures.append(failure)
            if round_no >= WARMUP_ROUNDS:
                subject.times.append(sample.seconds)
                subject.peaks_kb.append(sample.peak_kb)


@dataclass(frozen=True)
class Row:
    subject: str
    argv: list[str]
    env: dict[str, str]
    median_seconds: float
    min_seconds: float
    reference: str | None
    ratio: float | None
    target: float | None
    passed: bool | None
    peak_mb: float
    memory_ratio: float
    memory_target: float
    memory_passed: bool
    failures: list[str]


def report(all_subjects: list[Subject]) -> list[Row]:
    by_name = {s.name: s for s in all_subjects}
    memory_ref = statistics.median(by_name["trivial JSON app (a)"].peaks_kb)
    rows: list[Row] = []
    for s in all_subjects:
        median = statistics.median(s.times)
        peak_kb = statistics.median(s.peaks_kb)
        ratio: float | None = None
        passed: bool | None = None
        if s.reference is not None and s.target is not None:
            ratio = median / statistics.median(by_name[s.reference].times)
            passed = ratio <= s.target and not s.failures
        memory_ratio = peak_kb / memory_ref
        rows.append(
            Row(
                subject=s.name,
                argv=s.argv,
                env=s.env,
                median_seconds=round(median, 4),
                min_seconds=round(min(s.times), 4),
                reference=s.reference,
                ratio=None if ratio is None else round(ratio, 3),
                target=s.target,
                passed=passed,
                peak_mb=round(peak_kb / 1024, 1),
                memory_ratio=round(memory_ratio, 3),
                memory_target=MEMORY_TARGET,
                memory_passed=memory_ratio <= MEMORY_TARGET,
                failures=s.failures[:3],
            )
        )
    return rows


def print_table(rows: list[Row], rounds: int) -> None:
    print(f"Start-up, median of {rounds} interleaved rounds after {WARMUP_ROUNDS} warm-up rounds")
    print(f"python: {sys.executable}")
    print(f"(peak RSS cannot read below this process's own peak, {own_peak_mb():.1f} MB)")
    header = ("subject", "median s", "ratio", "target", "time", "peak MB", "mem ratio", "mem")
    widths = (28, 9, 6, 6, 5, 8, 9, 4)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        cells = (
            row.subject,
            f"{row.median_seconds:.3f}",
            "ref" if row.ratio is None else f"{row.ratio:.2f}",
            "" if row.target is None else f"{row.target:.2f}",
            "" if row.passed is None else ("pass" if row.passed else "FAIL"),
            f"{row.peak_mb:.1f}",
            f"{row.memory_ratio:.2f}",
            "ok" if row.memory_passed else "OVER",
        )
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    print(
        f"Targets: time ratio <= {TIME_TARGET_JSON} (JSON commands, completion; vs app a),"
        f" <= {TIME_TARGET_TABLE} (compare; vs app b); peak RSS <= {MEMORY_TARGET} x app a."
    )
    for row in rows:
        for failure in row.failures:
            print(f"  {row.subject}: {failure}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time modality's start-up against trivial Typer apps.")
    parser.add_argument("--rounds", type=int, default=15, help="measured rounds (default 15)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    rounds = max(1, args.rounds)
    with tempfile.TemporaryDirectory(prefix="modality-startup-") as tmp:
        all_subjects = subjects(Path(tmp))
        measure(all_subjects, rounds)
    rows = report(all_subjects)
    if args.json:
        doc = {
            "rss_floor_mb": round(own_peak_mb(), 1),
            "rounds": rounds,
            "warmup_rounds": WARMUP_ROUNDS,
            "python": sys.executable,
            "results": [asdict(r) for r in rows],
        }
        print(json.dumps(doc, indent=2))
    else:
        print_table(rows, rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
