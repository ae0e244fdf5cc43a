"""Keep one output set current: plan the run, place every document, publish the version.

`run_refresh` is the whole run as plain functions; the Prefect flow (`pipeline.flows`) calls
it with an executor that runs the work as tasks, locally or on Dask. Documents stream
through: cache hits are read one at a time, misses are processed a few at a time, and every
record is staged as it arrives (`pipeline.staging`), so memory does not grow with the corpus.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from pipeline.errors import VnplanError
from pipeline.faults import checkpoint
from pipeline.inputs import collect_inputs, source_key
from pipeline.outdir import OutputFolder
from pipeline.plan import Plan, WorkItem, check_removals, load_members, plan_run
from pipeline.publish import RunInfo, RunReport, build_version
from pipeline.records import DocumentRecord, failed_record, process_input
from pipeline.store import ResultCache

Executor = Callable[[list[WorkItem]], Iterator[tuple[WorkItem, DocumentRecord]]]
Progress = Callable[[int], None]


def serial_executor(items: list[WorkItem]) -> Iterator[tuple[WorkItem, DocumentRecord]]:
    """Process work items one after another in this process (no Prefect)."""
    for item in items:
        yield item, process_input(item.path, item.sha256)


def preflight(paths: list[str], out_dir: str, mode: str = "refresh") -> list[str]:
    """The inputs, after the checks that need no processing (paths exist, outputs are not
    inputs, nothing is dropped without --replace): a bad run fails before any start-up."""
    folder = OutputFolder(out_dir)
    inputs = collect_inputs(paths, exclude=[folder.path])
    folder.check_free()
    members = load_members(folder.current_version())
    check_removals(members, {source_key(p) for p in inputs}, mode, folder.path)
    return inputs


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def resolve(work: list[WorkItem], cache: ResultCache, executor: Executor,
            use_cache: bool) -> Iterator[tuple[WorkItem, DocumentRecord, bool]]:
    """(item, record, from cache) for every work item: cache hits first, read one at a
    time, then the misses as the executor finishes them, each stored as it arrives. Inputs
    with the same bytes are processed once."""
    misses: dict[str, list[WorkItem]] = {}
    for item in work:
        record = cache.get(item.cache_key) if use_cache else None
        if record is not None:
            yield item, record, True
        else:
            misses.setdefault(item.cache_key, []).append(item)
    firsts = [items[0] for items in misses.values()]
    for item, record in executor(firsts):
        if not record.transient:
            cache.put(item.cache_key, record)
        checkpoint("stored")
        for twin in misses.pop(item.cache_key, [item]):
            yield twin, record, False
    for items in misses.values():  # an executor that lost work: never silently
        for item in items:
            yield item, failed_record(item.sha256, "pipeline", RuntimeError(
                "the executor returned no result for this document")), False


def run_refresh(paths: list[str], out_dir: str, *, mode: str = "refresh",
                use_cache: bool = True, executor: Executor = serial_executor,
                progress: Progress | None = None, flow_run_id: str | None = None) -> RunReport:
    """Bring the output set in `out_dir` up to date with `paths` (files or folders)."""
    folder = OutputFolder(out_dir)
    inputs = collect_inputs(paths, exclude=[folder.path])
    started = _now()
    run_id = f"{started:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:6]}"
    with folder.locked():
        folder.sweep()
        cache = ResultCache(folder.cache_dir)
        cache.sweep()
        previous = folder.current_version()
        plan = plan_run(load_members(previous), inputs, mode, folder.path, cache.has, use_cache)
        if progress and plan.unchanged:
            progress(plan.unchanged)
        build = folder.new_build(run_id)
        try:
            run = RunInfo(run_id, flow_run_id, _iso(started), mode, plan.inputs)
            report = build_version(build, previous, plan, _records(plan, cache, executor,
                                                                   use_cache, progress), run)
            checkpoint("built")
            folder.publish(build, run_id)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
    report.out = str(folder.path)
    report.warnings = cache.warnings + report.warnings
    return report


def _records(plan: Plan, cache: ResultCache, executor: Executor, use_cache: bool,
             progress: Progress | None) -> Iterator[tuple[str, DocumentRecord, bool, str | None]]:
    """(source key, record, from cache, previous id) for every input placed by the run."""
    for unreadable in plan.unreadable:
        error: VnplanError = unreadable.error
        record = DocumentRecord("", failure=(error.stage, type(error).__name__, error.reason),
                                transient=True)
        yield unreadable.key, record, False, _previous_id(unreadable.previous)
        if progress:
            progress(1)
    for item, record, hit in resolve(plan.work, cache, executor, use_cache):
        yield item.key, record, hit, _previous_id(item.previous)
        if progress:
            progress(1)


def _previous_id(member) -> str | None:
    return member.doc_id if member is not None else None
