"""Scale benchmark (`make bench-scale`): full runs of 1,000 and 10,000 generated plans, a
refresh with 10 of them changed, and an OCR-bound batch on one and two Dask workers.

Part `publish` measures the publishing of large sets in minutes rather than hours: the
cache is filled beforehand with the records of a few processed plans, given to every
generated plan but 10, so a "full run" processes 10 plans (the models are loaded, as in a
real run) and publishes them all; then a refresh with 10 changed. Its peaks matched the real
runs' within 5 % before the publishing step was made flat (938 / 1,289 MB against 956 /
1,341 MB at 1,000 / 10,000 plans).

Every run is the real CLI (`vnplan run`) in a fresh process, Prefect's temporary server
included; peak memory is the resident memory of the whole process tree (the run, its
temporary Prefect server, its Dask workers), sampled every 0.2 s. The plans are the seeds
(and the development set, when present) varied by `scripts/corpus_gen.py`. Results are
printed and appended, one JSON object a line, to `--results`. The machine is shared: the
load average at the start and end of each run is recorded beside it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
VNPLAN = [sys.executable, "-m", "pipeline.cli"]


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of `process` and all its descendants."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def measured(args: list[str]) -> dict:
    """Run `vnplan ARGS`; wall seconds, peak memory of its process tree, its summary."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(VNPLAN + args, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(watched))
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode not in (0, 3):
        sys.exit(f"vnplan {' '.join(args)} failed ({process.returncode}): {err[-3000:]}")
    return {"seconds": round(elapsed, 1), "peak_mb": round(peak / 2**20),
            "load": [round(load_before, 1), round(os.getloadavg()[0], 1)],
            "summary": out.strip().splitlines()[0] if out.strip() else ""}


def record(results: Path, entry: dict) -> None:
    """Print one measurement and append it to the results file."""
    print(json.dumps(entry, ensure_ascii=False), flush=True)
    with results.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def change_plans(paths: list[Path], count: int) -> None:
    """Correct `count` plans the way a data team receives corrections: a changed target."""
    for index, path in enumerate(random.Random(7).sample(paths, count)):
        text = path.read_text(encoding="utf-8")
        path.write_text(text + f"\nĐến năm 2030, {60 + index}% hồ sơ được xử lý trực tuyến.\n",
                        encoding="utf-8")


def bench_size(work: Path, plans: list[Path], size: int, changed: int, results: Path) -> None:
    """Full run of the first `size` plans, then a refresh with `changed` of them changed."""
    folder = work / f"corpus-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    chosen = []
    for plan in plans[:size]:
        os.link(plan, folder / plan.name)
        chosen.append(folder / plan.name)
    out = work / f"out-{size}"
    shutil.rmtree(out, ignore_errors=True)
    full = measured(["run", str(folder), "--out", str(out), "--quiet"])
    full |= {"what": "full run", "plans": size,
             "seconds_per_plan": round(full["seconds"] / size, 3)}
    record(results, full)
    for path in chosen:  # break the hard links before editing (the other corpus shares them)
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
    change_plans(chosen, changed)
    refresh = measured(["run", str(folder), "--out", str(out), "--quiet"])
    refresh |= {"what": f"refresh, {changed} changed", "plans": size,
                "share_of_full_run": round(refresh["seconds"] / full["seconds"], 4)}
    record(results, refresh)


def fill_cache(plans: list[Path], out: Path, templates: list, skip: int) -> None:
    """Cache records for every plan after the first `skip`: a template record (its number
    made the plan's own, so ids do not collide) under the plan's own key."""
    import copy
    import dataclasses

    from pipeline.inputs import file_sha256
    from pipeline.plan import input_cache_key
    from pipeline.store import ResultCache

    cache = ResultCache(out / ".cache")
    for index, path in enumerate(plans[skip:], start=skip):
        sha = file_sha256(str(path))
        cached = copy.copy(templates[index % len(templates)])
        cached.sha256 = sha
        if cached.meta is not None:
            cached.meta = dataclasses.replace(cached.meta, doc_number=f"{100000 + index}")
        cache.put(input_cache_key(str(path), sha), cached)


def bench_publish(work: Path, plans: list[Path], sizes: list[int], changed: int,
                  results: Path, templates: int = 26) -> None:
    """Publishing at each size: a full run with all but `changed` plans in the cache, then a
    refresh with `changed` plans changed."""
    from pipeline.inputs import file_sha256
    from pipeline.records import process_input

    records = [process_input(str(p), file_sha256(str(p))) for p in plans[:templates]]
    for size in sizes:
        folder, out = work / f"publish-{size}", work / f"publish-out-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        folder.mkdir()
        chosen = []
        for plan in plans[:size]:
            shutil.copyfile(plan, folder / plan.name)
            chosen.append(folder / plan.name)
        fill_cache(chosen, out, records, changed)
        full = measured(["run", str(folder), "--out", str(out), "--quiet"])
        record(results, full | {"what": f"publish, {changed} processed", "plans": size})
        change_plans(chosen, changed)
        refresh = measured(["run", str(folder), "--out", str(out), "--quiet"])
        record(results, refresh | {"what": f"publish, refresh with {changed} changed",
                                   "plans": size})


def bench_ocr(work: Path, documents: int, pages: int, results: Path) -> None:
    """An OCR-bound batch (image-only PDFs) on one Dask worker and on two."""
    import generate as g

    folder = work / "ocr"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for index in range(documents):
        # the seeds' body text holds eight such starting points; past them, a text comes
        # back scanned with other noise (each scan is still its own document)
        text = g.page_texts(pages, skip=20 + 7 * (index % 8))
        images, _ = g.scanned_pages(text, 300, seed=index)
        images[0].save(folder / f"scan-{index:02d}.pdf", "PDF", save_all=True,
                       append_images=images[1:], resolution=300)
    times = {}
    for workers in (1, 2):
        out = work / f"ocr-out-{workers}"
        shutil.rmtree(out, ignore_errors=True)
        run = measured(["run", str(folder), "--out", str(out), "--quiet", "--no-cache",
                        "--workers", str(workers)])
        run |= {"what": f"OCR batch, {workers} Dask worker(s)", "documents": documents,
                "pages": documents * pages}
        times[workers] = run["seconds"]
        record(results, run)
    record(results, {"what": "OCR batch speed-up, 2 workers over 1",
                     "speedup": round(times[1] / times[2], 2)})


def main() -> None:
    """Parse options, generate the plans, run the chosen parts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--changed", type=int, default=10, help="plans changed for the refresh")
    parser.add_argument("--ocr-documents", type=int, default=16)
    parser.add_argument("--ocr-pages", type=int, default=6)
    parser.add_argument("--parts", default="ocr,scale",
                        help="comma-separated: ocr, scale, publish (see the docstring)")
    parser.add_argument("--work", help="working folder (default: a temporary one, removed)")
    parser.add_argument("--results", default="bench-scale.jsonl")
    args = parser.parse_args()
    from corpus_gen import generate

    results = Path(args.results).absolute()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="vnplan-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if "ocr" in args.parts:
            bench_ocr(work, args.ocr_documents, args.ocr_pages, results)
        sizes = sorted(int(s) for s in args.sizes.split(","))
        if "scale" in args.parts or "publish" in args.parts:
            plans = generate(work / "plans", max(sizes))
        if "publish" in args.parts:
            bench_publish(work, plans, sizes, args.changed, results)
        if "scale" in args.parts:
            for size in sizes:
                bench_size(work, plans, size, args.changed, results)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
