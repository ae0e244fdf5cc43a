"""Prefect: the `process_corpus` flow, its `process_documents` task, and `serve`.

The flow is thin: `pipeline.refresh.run_refresh` does the run as plain functions; the flow
gives it an executor that runs the documents to process as Prefect task runs: in the flow's
own thread, one chunk after another, when serial; on a local or remote Dask cluster, a few
chunks in flight at once, when distributed. Either way memory stays flat, and a task holds
several documents when there are many (a task run costs about 0.1 s of API traffic). The
flow ends Failed when no input was processed or any failed, so a scheduled run that goes
wrong shows as such. It takes folders as well as files, so a deployment can be given the
folder to keep current.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from pipeline.env import quiet_prefect

quiet_prefect()

from prefect import flow, task  # noqa: E402
from prefect.futures import PrefectFuture  # noqa: E402
from prefect.states import Failed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline.plan import WorkItem  # noqa: E402
from pipeline.publish import RunReport  # noqa: E402
from pipeline.records import DocumentRecord, failed_record, process_input  # noqa: E402
from pipeline.refresh import run_refresh  # noqa: E402
from pipeline.tempserver import prefect_api  # noqa: E402

# the CLI's progress bar: not a flow parameter (a deployment's parameters are JSON)
PROGRESS: ContextVar[Callable[[int], None] | None] = ContextVar("vnplan_progress", default=None)
MAX_CHUNK = 16  # documents per task when there are many
CHUNKS_PER_RUNNER = 8  # chunks per worker before chunks grow past one document (an OCR
# batch ends with one worker idle for up to a chunk: small chunks keep that tail short)


@task(name="process_documents", persist_result=False)
def process_documents(items: list[tuple[str, str]]) -> list[DocumentRecord]:
    """(path, sha256) of a few documents → their records (failures included, never raised)."""
    return [process_input(path, sha256) for path, sha256 in items]


def chunk_size(documents: int, runners: int) -> int:
    """Documents per task: one while there are few, so every worker gets work, up to
    MAX_CHUNK when there are many."""
    return max(1, min(MAX_CHUNK, documents // max(1, runners * CHUNKS_PER_RUNNER)))


class TaskExecutor:
    """Runs work items as `process_documents` tasks on a started task runner, keeping at
    most `window` chunks in flight, and yields records as chunks finish."""

    def __init__(self, runner, runners: int):
        self.runner = runner
        self.runners = runners
        self.window = 2 * runners

    def __call__(self, items: list[WorkItem]) -> Iterator[tuple[WorkItem, DocumentRecord]]:
        size = chunk_size(len(items), self.runners)
        chunks = iter([items[i:i + size] for i in range(0, len(items), size)])
        done: queue.Queue[tuple[PrefectFuture, list[WorkItem]]] = queue.Queue()
        in_flight = sum(self._submit(chunks, done) for _ in range(self.window))
        while in_flight:
            future, chunk = done.get()
            in_flight -= 1
            try:
                records = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died, or the API failed
                records = [failed_record(item.sha256, "pipeline", exc) for item in chunk]
            del future
            yield from zip(chunk, records, strict=True)
            in_flight += self._submit(chunks, done)

    def _submit(self, chunks: Iterator[list[WorkItem]], done: queue.Queue) -> bool:
        chunk = next(chunks, None)
        if chunk is None:
            return False
        future = self.runner.submit(
            process_documents, {"items": [(item.path, item.sha256) for item in chunk]})
        future.add_done_callback(lambda f, c=chunk: done.put((f, c)))
        return True


class InlineExecutor:
    """Runs work items as `process_documents` task runs called in the flow's own thread, a
    chunk at a time: the serial case, where a thread pool adds nothing and would make
    SIGTERM wait for the chunk in flight."""

    def __call__(self, items: list[WorkItem]) -> Iterator[tuple[WorkItem, DocumentRecord]]:
        size = chunk_size(len(items), 1)
        for start in range(0, len(items), size):
            chunk = items[start:start + size]
            try:
                records = process_documents([(item.path, item.sha256) for item in chunk])
            except Exception as exc:  # noqa: BLE001 - the API failed: the chunk is retried
                records = [failed_record(item.sha256, "pipeline", exc) for item in chunk]
            yield from zip(chunk, records, strict=True)


def task_runner_for(workers: int | None, dask_address: str | None, scratch: Path):
    """A Dask task runner for `workers` or `dask_address`, else a serial one (one thread:
    the stages are pure Python, and threads contending for the GIL made a batch about twice
    as slow as running documents in turn)."""
    if not workers and not dask_address:
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


def _progress() -> Callable[[int], None] | None:
    # a function, not PROGRESS itself in the flow's body: Dask pickles the flow's function
    # by value with the globals it names, and a ContextVar does not pickle
    return PROGRESS.get()


def _flow_run_id() -> str | None:
    from prefect.runtime import flow_run

    return str(flow_run.id) if flow_run.id else None


@flow(name="process_corpus", log_prints=False, validate_parameters=False,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def process_corpus(
    paths: list[str],
    out_dir: str,
    mode: str = "refresh",
    workers: int | None = None,
    dask_address: str | None = None,
    use_cache: bool = True,
):
    """Keep the output set in `out_dir` current with `paths` (files or folders): Failed
    when no document was processed or any failed (the tables are written all the same)."""
    options = {"mode": mode, "use_cache": use_cache, "progress": _progress(),
               "flow_run_id": _flow_run_id()}
    if not workers and not dask_address:
        report = run_refresh(list(paths), out_dir, executor=InlineExecutor(), **options)
    else:
        runners = workers or 2
        with task_runner_for(workers, dask_address, Path(out_dir) / ".dask") as runner:
            report = run_refresh(list(paths), out_dir, executor=TaskExecutor(runner, runners),
                                 **options)
    if report.failures:
        total = len(report.failures) + len(report.documents)
        return Failed(message=f"{len(report.failures)} of {total} documents failed; see "
                      f"{report.out}/failures.csv", data=report)
    if not report.documents:
        return Failed(message="no document was processed", data=report)
    return report


def run_corpus(
    paths: list[str], out_dir: str, *, mode: str = "refresh", workers: int | None = None,
    dask_address: str | None = None, use_cache: bool = True,
    progress: Callable[[int], None] | None = None,
) -> RunReport:
    """Run `process_corpus` (starting a temporary Prefect server if none is configured) and
    return its report; a run that could not go ahead raises its error."""
    token = PROGRESS.set(progress)
    try:
        with prefect_api():
            state = process_corpus(list(paths), out_dir, mode, workers, dask_address,
                                   use_cache, return_state=True)
            result = state.result(raise_on_failure=False)
    finally:
        PROGRESS.reset(token)
    if isinstance(result, BaseException):
        raise result
    return result


def serve_corpus(paths: list[str], out_dir: str, *, name: str, cron: str | None = None,
                 interval: float | None = None, timezone: str = "UTC", mode: str = "refresh",
                 workers: int | None = None, dask_address: str | None = None,
                 use_cache: bool = True) -> None:
    """Serve `process_corpus` as a deployment that refreshes `out_dir` from `paths` on a
    schedule (a cron expression in `timezone`, or every `interval` seconds), against the
    Prefect server of PREFECT_API_URL; blocks until stopped."""
    from datetime import timedelta

    from prefect.schedules import Cron, Interval
    from prefect.types.entrypoint import EntrypointType

    from pipeline.errors import UsageError

    if not os.environ.get("PREFECT_API_URL"):
        raise UsageError("vnplan serve needs a Prefect server that outlives it: run "
                         "`prefect server start`, then export "
                         "PREFECT_API_URL=http://127.0.0.1:4200/api")
    schedule = (Interval(timedelta(seconds=interval)) if interval
                else Cron(cron or "0 2 * * *", timezone=timezone))
    parameters = {"paths": [os.path.abspath(p) for p in paths],
                  "out_dir": os.path.abspath(out_dir), "mode": mode, "workers": workers,
                  "dask_address": dask_address, "use_cache": use_cache}
    process_corpus.serve(name=name, schedules=[schedule], parameters=parameters, limit=1,
                         entrypoint_type=EntrypointType.MODULE_PATH,
                         print_starting_message=False)
