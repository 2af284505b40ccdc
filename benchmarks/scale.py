"""How ``modality`` scales with the size of the knowledge base.

For each size a synthetic knowledge base (see ``synthetic.py``) is written to a
temporary directory, then three commands are run as whole processes against
it with ``--data``; each is timed (median of ``--runs`` runs, default 3) and its
peak RSS taken from ``os.wait4``.

Runs use the store's cache (``MODALITY_CACHE_DIR`` in a temporary directory): the
first run of each size validates the file and saves its database, and is
reported on its own as the cold start; the measured runs then read the
database, as every run after the first does (the cache is on by default).
``--no-cache`` measures without one (``MODALITY_NO_CACHE=1``: every run
validates the whole file).

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--runs 3] [--no-cache] [--json]

It always exits 0: it is a report, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from process import Sample, own_peak_mb, run_once

#: The generator runs in its own process: a child's ``ru_maxrss`` can never be below the
#: benchmark process's own high-water mark (the kernel carries it over at fork and exec),
#: so this process must stay small.
SYNTHETIC = Path(__file__).resolve().parent / "synthetic.py"

DEFAULT_SIZES = (1000, 10000, 100000)
TARGET_SIZE = 10000
TARGET_SECONDS = 0.5
TARGET_MB = 250.0


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]


COMMANDS = (
    Command("search", ("search", "synthetic 42", "--json")),
    Command("compare", ("compare", "Synthetic modality 00001", "Synthetic modality 00002", "--json")),
    Command("show", ("show", "Synthetic modality 00003", "--json")),
)


@dataclass
class Measurement:
    command: str
    seconds: float
    peak_mb: float
    exit_codes: list[int]
    stderr: str


@dataclass
class SizeResult:
    size: int
    file_mb: float
    generate_seconds: float
    #: The first run (validating the file and saving its database), when a cache is used.
    cold: Measurement | None = None
    measurements: list[Measurement] = field(default_factory=list)


def summarise(command: str, runs_of: list[Sample]) -> Measurement:
    errors = [s.stderr.strip() for s in runs_of if s.exit_code != 0]
    return Measurement(
        command=command,
        seconds=round(statistics.median(s.seconds for s in runs_of), 3),
        peak_mb=round(statistics.median(s.peak_kb for s in runs_of) / 1024, 1),
        exit_codes=[s.exit_code for s in runs_of],
        stderr=errors[0][:300] if errors else "",
    )


def measure_size(size: int, workdir: Path, runs: int, modality: str, cache: bool) -> SizeResult:
    path = workdir / f"synthetic-{size}.json"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(SYNTHETIC), str(size), str(path)], check=True, stdout=subprocess.DEVNULL
    )
    result = SizeResult(size, path.stat().st_size / 1e6, time.perf_counter() - start)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MODALITY_DATA", "MODALITY_CACHE_DIR", "MODALITY_NO_CACHE")
    }
    if not cache:
        env["MODALITY_NO_CACHE"] = "1"
    else:
        env["MODALITY_CACHE_DIR"] = str(workdir / f"cache-{size}")
        first = COMMANDS[-1]
        result.cold = summarise(first.name, [run_once([modality, "--data", str(path), *first.args], env)])
    samples: dict[str, list[Sample]] = {c.name: [] for c in COMMANDS}
    for _ in range(runs):  # interleaved, so drift hits every command alike
        for command in COMMANDS:
            samples[command.name].append(run_once([modality, "--data", str(path), *command.args], env))
    result.measurements = [summarise(c.name, samples[c.name]) for c in COMMANDS]
    path.unlink()
    return result


def print_report(results: list[SizeResult], runs: int, cache: bool) -> None:
    print(f"Scale: median of {runs} whole processes per command; peak RSS from wait4")
    if cache:
        print("Runs read the database in the cache, saved by a first, cold run.")
    else:
        print("No cache (MODALITY_NO_CACHE=1): every run validates the whole file.")
    print(f"(peak RSS cannot read below this process's own peak, {own_peak_mb():.1f} MB)")
    names = [c.name for c in COMMANDS]
    header = ["size", "file MB", "gen s"]
    for name in names:
        header += [f"{name} s", f"{name} MB"]
    widths = [8, 8, 6] + [10, 10] * len(names)
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    for result in results:
        cells = [str(result.size), f"{result.file_mb:.1f}", f"{result.generate_seconds:.1f}"]
        for m in result.measurements:
            flag = "" if all(code == 0 for code in m.exit_codes) else "!"
            cells += [f"{m.seconds:.3f}{flag}", f"{m.peak_mb:.1f}"]
        print("  ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True)))
    for previous, current in itertools.pairwise(results):
        factor = current.size / previous.size
        parts = []
        for before, after in zip(previous.measurements, current.measurements, strict=True):
            if before.stderr or after.stderr:
                parts.append(f"{after.command} n/a (a run failed)")
                continue
            time_growth = after.seconds / before.seconds
            memory_growth = after.peak_mb / before.peak_mb
            parts.append(f"{after.command} time x{time_growth:.2f}, mem x{memory_growth:.2f}")
        print(f"growth {previous.size} -> {current.size} (x{factor:g}): " + "; ".join(parts))
    print(
        f"Targets at {TARGET_SIZE}: each command under {TARGET_SECONDS} s"
        f" and under {TARGET_MB:g} MB peak RSS."
    )
    for result in results:
        if result.size != TARGET_SIZE:
            continue
        for m in result.measurements:
            ok = m.seconds < TARGET_SECONDS and m.peak_mb < TARGET_MB and not m.stderr
            print(f"  {m.command}: {m.seconds:.3f} s, {m.peak_mb:.1f} MB -> {'pass' if ok else 'FAIL'}")
    for result in results:
        if result.cold is not None:
            c = result.cold
            print(
                f"  cold start at {result.size} (validate, then save the database; {c.command}):"
                f" {c.seconds:.3f} s, {c.peak_mb:.1f} MB"
            )
    for result in results:
        for m in [*result.measurements, *([result.cold] if result.cold else [])]:
            if m.stderr:
                print(f"  ! {result.size} {m.command}: exit {m.exit_codes}: {m.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time modality against synthetic knowledge bases.")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="numbers of modalities"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per command and size (default 3)")
    parser.add_argument("--no-cache", action="store_true", help="no cache: every run validates the file")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    modality = str(Path(sys.executable).parent / "modality")
    results: list[SizeResult] = []
    with tempfile.TemporaryDirectory(prefix="modality-scale-") as tmp:
        for size in args.sizes:
            results.append(measure_size(size, Path(tmp), runs, modality, not args.no_cache))
            if not args.json:
                print(f"... {size}: done", file=sys.stderr)
    if args.json:
        doc = {
            "runs": runs,
            "cache": not args.no_cache,
            "rss_floor_mb": round(own_peak_mb(), 1),
            "targets": {"size": TARGET_SIZE, "seconds": TARGET_SECONDS, "peak_mb": TARGET_MB},
            "results": [asdict(r) for r in results],
        }
        print(json.dumps(doc, indent=2))
    else:
        print_report(results, runs, not args.no_cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
