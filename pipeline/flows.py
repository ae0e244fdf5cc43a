"""Prefect flows: `process_document` (a coarse, retried task) and `process_corpus`.

The flows are thin: the work is `pipeline.process.process_path`. Results are persisted in a
Prefect result store under `<out>/.cache`, keyed on (content hash, pipeline fingerprint,
configuration). The corpus flow owns that store: it reads hits before submitting anything and
writes each new result as its task completes, so a re-run of an unchanged batch costs no task
runs at all, and a run on Dask workers fills the same cache as a local one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.env import quiet_prefect

quiet_prefect()

from prefect import flow, task  # noqa: E402
from prefect.filesystems import LocalFileSystem  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.results import ResultStore  # noqa: E402
from prefect.serializers import PickleSerializer  # noqa: E402

from pipeline.errors import VnplanError  # noqa: E402
from pipeline.fingerprint import cache_key  # noqa: E402
from pipeline.ingest import read_bytes  # noqa: E402
from pipeline.model import Document, Failure  # noqa: E402
from pipeline.process import Outcome, process_path  # noqa: E402
from pipeline.tables import build_frames, write_cleaned, write_frames  # noqa: E402

CONFIG = "suggest_only=False"


@dataclass
class CorpusResult:
    """What a corpus run produced, for the summary line and the exit status.

    Only ids, not Documents: the flow's return value is walked by Prefect, and the tables on
    disk are the product.
    """

    documents: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    cache_hits: int = 0


@task(name="process_document", persist_result=False, retries=2, retry_delay_seconds=1,
      retry_condition_fn=lambda _task, _run, state: _is_transient(state))
def process_document(path: str) -> Outcome:
    """One document end to end; OCR crashes are retried, other failures are returned."""
    return process_path(path, raise_transient=True)


def _is_transient(state) -> bool:
    try:
        state.result()
    except VnplanError as exc:
        return bool(getattr(exc, "transient", False))
    except Exception:  # noqa: BLE001 - anything else is not worth a retry
        return False
    return False


def _store(cache_dir: Path) -> ResultStore:
    cache_dir.mkdir(parents=True, exist_ok=True)
    return ResultStore(
        result_storage=LocalFileSystem(basepath=str(cache_dir)),
        serializer=PickleSerializer(),
    )


def _failure(path: str, exc: Exception) -> Failure:
    if isinstance(exc, VnplanError):
        return Failure(path, exc.stage, type(exc).__name__, exc.reason)
    return Failure(path, "pipeline", type(exc).__name__, str(exc))


def _keyed_inputs(paths: Sequence[str]) -> tuple[list[tuple[str, str]], dict[str, Outcome]]:
    """(path, cache key) of every readable input, and a failure for each unreadable one."""
    keyed, unreadable = [], {}
    for path in paths:
        try:
            digest = hashlib.sha256(read_bytes(Path(path))).hexdigest()
        except VnplanError as exc:
            unreadable[path] = Outcome(path, failure=_failure(path, exc))
            continue
        keyed.append((path, cache_key(digest, CONFIG)))
    return keyed, unreadable


def _unique_ids(documents: list[Document]) -> None:
    """Make doc ids unique within the batch, deterministically (by source path)."""
    seen: dict[str, int] = {}
    for doc in sorted(documents, key=lambda d: d.source):
        base = doc.doc_id
        if base in seen:
            seen[base] += 1
            doc.doc_id = f"{base}-{seen[base]}"
        else:
            seen[base] = 1


@flow(name="process_corpus", log_prints=False, validate_parameters=False)
def process_corpus(
    paths: Sequence[str],
    out_dir: str,
    workers: int | None = None,
    dask_address: str | None = None,
    use_cache: bool = True,
    progress: Callable[[int], None] | None = None,
) -> CorpusResult:
    """Process every path, write the contract tables into `out_dir`, return the result."""
    out = Path(out_dir)
    store = _store(out / ".cache")
    keyed, outcomes = _keyed_inputs(paths)
    misses = []
    for path, key in keyed:
        if use_cache and store.exists(key):
            outcomes[path] = store.read(key).result
            if progress:
                progress(1)
        else:
            misses.append((path, key))
    outcomes.update(_run_misses(misses, store, progress))
    documents: list[Document] = []
    failures: list[Failure] = []
    for path in paths:
        outcome = outcomes[path]
        if outcome.document is not None:
            outcome.document.source = path
            documents.append(outcome.document)
        elif outcome.failure is not None:
            outcome.failure.source = path
            failures.append(outcome.failure)
    _unique_ids(documents)
    frames = build_frames(documents, failures)
    write_cleaned(documents, out)
    write_frames(frames, out)
    return CorpusResult([d.doc_id for d in documents], failures,
                        {name: len(frame) for name, frame in frames.items()},
                        cache_hits=len(keyed) - len(misses))


def _run_misses(
    misses: list[tuple[str, str]], store: ResultStore, progress: Callable[[int], None] | None
) -> dict[str, Outcome]:
    """Submit one task per uncached document and store each result under its key here, in
    the flow's process, so every task runner (threads, local or remote Dask) fills the same
    cache; a task that fails loses only its document and is not cached."""
    futures = {process_document.submit(path): (path, key) for path, key in misses}
    outcomes = {}
    for future in as_completed(list(futures)):
        path, key = futures[future]
        try:
            outcomes[path] = future.result()
            store.write(outcomes[path], key=key)
        except Exception as exc:  # noqa: BLE001 - retries exhausted or a worker crashed
            outcomes[path] = Outcome(path, failure=_failure(path, exc))
        if progress:
            progress(1)
    return outcomes


def task_runner_for(workers: int | None, dask_address: str | None, scratch: Path):
    """A Dask task runner for `--workers N` or `--dask-address`, else a serial one.

    Serial, not Prefect's default thread pool: the stages are pure Python, and threads
    contending for the GIL made a batch about twice as slow as running documents in turn.
    """
    if not workers and not dask_address:
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=1)
    from prefect_dask import DaskTaskRunner

    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    scratch.mkdir(parents=True, exist_ok=True)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": workers, "threads_per_worker": 1, "processes": True,
        "local_directory": str(scratch), "dashboard_address": ":0",
    })


def run_corpus(
    paths: Sequence[str], out_dir: str, *, workers: int | None = None,
    dask_address: str | None = None, use_cache: bool = True,
    progress: Callable[[int], None] | None = None,
) -> CorpusResult:
    """Run `process_corpus` on the right task runner (plain call; no Prefect knowledge needed)."""
    runner = task_runner_for(workers, dask_address, Path(out_dir) / ".dask")
    flow_fn = process_corpus.with_options(task_runner=runner)
    return flow_fn(list(paths), out_dir, workers, dask_address, use_cache, progress)
