"""End-to-end benchmark: seeds one by one, a 100-document batch serial and on 2 Dask workers,
and a re-run of that batch with one document changed.

Batch runs go through the real CLI in a fresh process, so Prefect start-up is included.
Prints medians and the re-run/full-run ratio measured in this one run (machines here are
shared and noisy: compare ratios, not absolute seconds across runs).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.corpora import document_paths  # noqa: E402

SEEDS = sorted(document_paths("seed"))  # the five seeds, as the figures in README.md
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


def timed_run(args: list[str], env: dict[str, str] | None = None) -> float:
    """Wall seconds of one `vnplan` command in a fresh process."""
    started = time.perf_counter()
    proc = subprocess.run(VNPLAN + args, cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        sys.exit(f"vnplan failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed


@contextmanager
def prefect_server(home: Path, port: int = 4297):
    """A long-running local Prefect server, as a team refreshing tables daily would keep."""
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host",
                             "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{url}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bench_reruns(out: Path, paths: list[Path], folder: str, repeats: int,
                 env: dict[str, str] | None = None) -> float:
    """Median seconds of re-runs that each change one more document."""
    times = []
    for _ in range(repeats):
        changed = paths[len(times) % len(paths)]
        with open(changed, "ab") as handle:
            handle.write(b"\n")
        times.append(timed_run(["run", folder, "--out", str(out), "--quiet"], env))
    return statistics.median(times)


def bench_warm(paths: list[Path], out: Path) -> tuple[float, float]:
    """Full run and one-changed re-run inside one long-lived process, as a served Prefect
    deployment or a worker runs them: imports, lexicons and models are loaded once."""
    from pipeline.flows import run_corpus

    names = [str(p) for p in paths]
    run_corpus(names[:1], str(out / "warmup"))
    started = time.perf_counter()
    run_corpus(names, str(out / "warm"), use_cache=False)
    full = time.perf_counter() - started
    times = []
    for changed in paths[-3:]:
        with open(changed, "ab") as handle:
            handle.write(b"\n")
        started = time.perf_counter()
        run_corpus(names, str(out / "warm"))
        times.append(time.perf_counter() - started)
    return full, statistics.median(times)


def bench_batch(size: int, repeats: int, workers: int) -> None:
    """Full batch serial and on Dask, and a re-run with one document changed."""
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        tmp_path = Path(tmp)
        paths = make_batch(tmp_path / "batch", size)
        folder = str(tmp_path / "batch")
        serial, dask = [], []
        for r in range(repeats):
            out = tmp_path / f"serial{r}"
            serial.append(timed_run(["run", folder, "--out", str(out), "--quiet"]))
            dask_out = tmp_path / f"dask{r}"
            dask.append(timed_run(["run", folder, "--out", str(dask_out), "--quiet",
                                   "--workers", str(workers)]))
            shutil.rmtree(dask_out)
        out = tmp_path / "serial0"
        changed = bench_reruns(out, paths, folder, 3)
        with prefect_server(tmp_path / "prefect-home") as api_url:
            served = bench_reruns(out, paths[3:], folder, 3, {"PREFECT_API_URL": api_url})
        warm_full, warm_rerun = bench_warm(paths, tmp_path)
        full = statistics.median(serial)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\nbatch of {size} documents (full runs: median of {repeats}; re-runs: of 3):")
        print(f"  serial                        {full:7.1f} s  ({size / full:.2f} docs/s)")
        print(f"  dask, {workers} workers                {statistics.median(dask):7.1f} s  "
              f"(speed-up {full / statistics.median(dask):.2f}x)")
        print(f"  re-run, one document changed  {changed:7.1f} s  "
              f"({100 * changed / full:.1f} % of the full run; Prefect's temporary server)")
        print(f"  the same, Prefect server up   {served:7.1f} s  "
              f"({100 * served / full:.1f} % of the full run; `prefect server start` running)")
        print(f"  in one long-lived process (a served deployment): full run {warm_full:.1f} s, "
              f"re-run {warm_rerun:.1f} s ({100 * warm_rerun / warm_full:.1f} %)")
        print(f"  peak memory of one run        {peak_mb:7.0f} MB")


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
