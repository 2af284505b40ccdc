"""Measuring one whole process: wall time, peak memory, exit code and stderr.
Shared by ``startup.py`` and ``scale.py`` (standard library only)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kb: int
    exit_code: int
    stderr: str


def _kb(maxrss: int) -> int:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    return maxrss // 1024 if sys.platform == "darwin" else maxrss


def run_once(argv: list[str], env: dict[str, str]) -> Sample:
    """Run one whole process, stdout to a pipe (as in scripts); its wall time and
    peak RSS, the latter read for that child alone with ``os.wait4``."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, env=env)
        assert proc.stdout is not None
        while proc.stdout.read(1 << 16):
            pass
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped; keep Popen quiet
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Sample(seconds, _kb(usage.ru_maxrss), proc.returncode, stderr)


def own_peak_mb() -> float:
    """This process's peak RSS. The kernel carries a parent's high-water mark into
    each child's ``ru_maxrss`` at fork and exec, so no child can read below it."""
    return _kb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
