"""Parallax benchmark: the NLP floor, Parallax end to end, and a difflib baseline.

Run: python bench/run.py [--runs 3] [--quick] [--one-process] [--out bench/out]

Every figure is the median of ``--runs`` runs, each in a fresh process, so
model loading and imports are counted every time. The floor and Parallax run
in turn, and "x floor" is the median of the per-turn ratios. Peak memory is the
child's maximum resident set size (from wait4). Ratios are to the floor
measured in the same run, so they compare across machines better than
seconds do. The output format is stable: one table row per size. The floor parses in one
process; Parallax by default parses long articles in one process each (``--workers``), and
``--one-process`` runs it with ``--workers 1`` to measure its own overhead alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import data

PY = sys.executable


def measure(argv: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB (wait4 on this very process), and its stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(argv[:4])}… failed: {err.read().strip()[-300:]}")
        return seconds, usage.ru_maxrss // 1024, out.read()


def median_run(argv: list[str], runs: int) -> tuple[float, int, str]:
    results = [measure(argv) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2]


def paired_runs(floor_argv: list[str], ours_argv: list[str], runs: int) -> tuple[float, int, float, int, float]:
    """Floor and Parallax run in turn, ``runs`` times each, so both meet the same machine (a shared
    host's speed drifts by a fifth within minutes). Returns the median seconds and peak MB of each
    and the median of the per-turn ratios."""
    floors, ours = [], []
    for _ in range(runs):
        floors.append(measure(floor_argv))
        ours.append(measure(ours_argv))
    ratio = statistics.median(o[0] / f[0] for f, o in zip(floors, ours, strict=True))
    return (
        statistics.median(f[0] for f in floors),
        max(f[1] for f in floors),
        statistics.median(o[0] for o in ours),
        max(o[1] for o in ours),
        ratio,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="skip 50,000 words and matrix 200")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument(
        "--one-process",
        action="store_true",
        help="run Parallax with --workers 1, as the floor runs: its own overhead alone, like with like",
    )
    args = parser.parse_args()
    sets = data.write(args.out)
    if args.quick:
        sets = {k: v for k, v in sets.items() if k not in ("50,000 words", "matrix 200")}
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"median of {args.runs} fresh-process runs, floor and Parallax in turn; "
        + ("Parallax in one process (--workers 1)" if args.one_process else "Parallax with its default workers")
    )
    header = f"{'size':<14} {'words':>8} {'floor s':>8} {'parallax s':>10} {'x floor':>7} {'difflib s':>10} {'x floor':>8} {'peak MB floor/parallax':>22}"
    print(header)
    print("-" * len(header))
    for name, paths in sets.items():
        files = [str(p) for p in paths]
        words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
        if name.startswith("matrix"):
            command = [PY, "-m", "parallax", "matrix", *files, "--format", "json"]
        else:
            command = [PY, "-m", "parallax", "compare", *files, "--format", "json"]
        if args.one_process:
            command += ["--workers", "1"]
        floor_s, floor_mb, ours_s, ours_mb, ratio = paired_runs(
            [PY, "bench/worker.py", "floor", *files], command, args.runs
        )
        if name.startswith("matrix"):
            diff = "-"
            diff_ratio = "-"
        else:
            rows = ["40"] if words > 10_000 else []
            _diff_s, _, out = median_run([PY, "bench/worker.py", "difflib", *files, *rows], 1 if rows else args.runs)
            matrix_s = float(out.split()[0])
            # The baseline also loads and parses: its end-to-end time is floor + its matrix.
            total = floor_s + matrix_s
            diff = f"{total:.1f}" + ("*" if rows else "")
            diff_ratio = f"{total / floor_s:.2f}"
        print(
            f"{name:<14} {words:>8,} {floor_s:>8.1f} {ours_s:>10.1f} {ratio:>7.2f} {diff:>10} {diff_ratio:>8} {f'{floor_mb}/{ours_mb}':>22}"
        )
    print("* difflib matrix timed on 40 sampled rows of A and scaled to all rows (a full run takes many minutes).")


if __name__ == "__main__":
    main()
