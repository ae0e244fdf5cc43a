"""End-to-end benchmark: seeds one by one, a 100-document batch serial and on 2 Dask workers,
and a re-run of that batch with one document changed.

Batch runs go through the real CLI in a fresh process, so Prefect start-up is included.
Prints medians and the re-run/full-run ratio measured in this one run (machines here are
shared and noisy: compare ratios, not absolute seconds across runs).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "raw").glob("*.txt"))
VNPLAN = [sys.executable, "-m", "pipeline.cli"]


def bench_seeds(repeats: int) -> None:
    """Median seconds per seed through every stage, as plain functions (no Prefect)."""
    from pipeline.process import process_path

    process_path(SEEDS[0])  # load lexicons, language model and spaCy once
    print(f"{'seed':28} {'KB':>6} {'median s':>9} {'KB/s':>7}  stages (median s)")
    totals = []
    for seed in SEEDS:
        runs = [process_path(seed) for _ in range(repeats)]
        times = [sum(r.timings.values()) for r in runs]
        stages = {k: statistics.median(r.timings[k] for r in runs) for k in runs[0].timings}
        kb = seed.stat().st_size / 1024
        med = statistics.median(times)
        totals.append(med)
        detail = " ".join(f"{k} {v:.3f}" for k, v in stages.items())
        print(f"{seed.stem:28} {kb:6.1f} {med:9.3f} {kb / med:7.0f}  {detail}")
    print(f"{'five seeds end-to-end':28} {'':6} {sum(totals):9.3f}")


def make_batch(folder: Path, size: int) -> list[Path]:
    """`size` documents: the seeds replicated under new names, each made unique by trailing
    newlines (so no two share a content hash and a cache entry)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(size):
        seed = SEEDS[i % len(SEEDS)]
        path = folder / f"{seed.stem}-copy{i:03d}.txt"
        path.write_bytes(seed.read_bytes() + b"\n" * (i + 1))
        paths.append(path)
    return paths


def timed_run(args: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(VNPLAN + args, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        sys.exit(f"vnplan failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed


def bench_batch(size: int, repeats: int, workers: int) -> None:
    """Full batch serial and on Dask, and a re-run with one document changed."""
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        tmp_path = Path(tmp)
        paths = make_batch(tmp_path / "batch", size)
        folder = str(tmp_path / "batch")
        serial, dask, rerun = [], [], []
        for r in range(repeats):
            out = tmp_path / f"serial{r}"
            serial.append(timed_run(["run", folder, "--out", str(out), "--quiet"]))
            dask_out = tmp_path / f"dask{r}"
            dask.append(timed_run(["run", folder, "--out", str(dask_out), "--quiet",
                                   "--workers", str(workers)]))
            shutil.rmtree(dask_out)
        out = tmp_path / "serial0"
        for r in range(max(repeats, 3)):
            with open(paths[r], "ab") as handle:
                handle.write(b"\n")
            rerun.append(timed_run(["run", folder, "--out", str(out), "--quiet"]))
        full, changed = statistics.median(serial), statistics.median(rerun)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\nbatch of {size} documents (median of {repeats}; re-run median of {len(rerun)}):")
        print(f"  serial                      {full:8.1f} s  ({size / full:.2f} docs/s)")
        print(f"  dask, {workers} workers              {statistics.median(dask):8.1f} s  "
              f"(speed-up {full / statistics.median(dask):.2f}x)")
        print(f"  re-run, one document changed {changed:7.1f} s  "
              f"({100 * changed / full:.1f} % of the full run)")
        print(f"  peak memory of one run      {peak_mb:8.0f} MB")


def main() -> None:
    """Parse options and run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3, help="repeats of the seed timings")
    parser.add_argument("--batch-repeats", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    bench_seeds(args.repeats)
    bench_batch(args.size, args.batch_repeats, args.workers)


if __name__ == "__main__":
    main()
