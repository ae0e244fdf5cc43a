"""Build one version of the output set in its build folder, ready to be switched in.

Records are staged as they arrive; then ids are handed out over the whole set, the texts
of documents carried over are hard-linked from the previous version, and DuckDB assembles
every table, the `runs` table and the manifest, which are exported as CSV and Parquet.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

import pipeline
from pipeline.assemble import CHANGE_TABLES, MEMBERS_SCHEMA, Assembly
from pipeline.export import export_table
from pipeline.ids import Claim, assign_ids
from pipeline.model import Failure
from pipeline.plan import Plan, pipeline_id
from pipeline.records import DocumentRecord
from pipeline.staging import PLACEMENT, Staging
from pipeline.tables import SCHEMAS, arrow_schema


@dataclass
class RunInfo:
    """The run being published: its id and how it was started."""

    run_id: str
    flow_run_id: str | None
    started_at: str
    mode: str
    inputs: int


@dataclass
class RunReport:
    """What a run did: for the summary, the exit status and the flow's final state."""

    run_id: str = ""
    out: str = ""
    documents: list[str] = field(default_factory=list)  # doc ids of the run's inputs
    failures: list[Failure] = field(default_factory=list)  # the run's inputs that failed
    rows: dict[str, int] = field(default_factory=dict)  # rows per table in the set
    cache_hits: int = 0  # inputs not recomputed: carried over or read from the cache
    changes: dict[str, int] = field(default_factory=dict)  # added, changed, removed …
    row_changes: dict[str, tuple[int, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    problems: int = 0  # failures rows of documents that were kept (a table skipped …)


def _iso_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def build_version(build: Path, previous: Path | None, plan: Plan,
                  records: Iterator[tuple[str, DocumentRecord, bool, str | None]],
                  run: RunInfo) -> RunReport:
    """Stage `records`, assemble and export every table into `build`; the run's report."""
    staging = Staging(build)
    times: list[str] = []
    hits = 0
    try:
        for key, record, hit, previous_id in records:
            staging.add(key, record, previous_id)
            times.append(_iso_now())
            hits += hit
    finally:
        staging.close()
    claims = [Claim(p.key, p.natural or "", p.previous_id) for p in staging.placed if not p.failed]
    ids = assign_ids(claims, kept=set(plan.keep_docs))
    staging.finish_texts(ids)
    _link_texts(previous, build, plan.keep_docs)
    report = RunReport(run.run_id, cache_hits=hits + plan.unchanged)
    assembly = Assembly(build, staging, previous)
    try:
        assembly.register(_placed_table(staging, ids, run, times), plan.keep_docs,
                          plan.keep_failures)
        for name in SCHEMAS:
            assembly.create(name)
        report.row_changes = {name: assembly.row_changes(name) for name in CHANGE_TABLES}
        _report_inputs(assembly, staging, plan, report)
        assembly.create_runs(_run_row(run, plan, report, assembly.counts()["documents"]))
        assembly.write_members(_members_table(staging, ids))
        for name in (*SCHEMAS, "runs"):
            export_table(assembly.con, name, build)
        report.rows = assembly.counts()
    finally:
        assembly.close()
    shutil.rmtree(build / ".staging", ignore_errors=True)
    return report


def _link_texts(previous: Path | None, build: Path, doc_ids: list[str]) -> None:
    """The cleaned texts of carried documents, hard-linked (never rewritten: a published
    file is never modified, so versions can share it)."""
    for doc_id in doc_ids:
        source = previous / "cleaned" / f"{doc_id}.txt" if previous else None
        target = build / "cleaned" / f"{doc_id}.txt"
        if source is None or not source.is_file():
            raise RuntimeError(f"the previous version has no cleaned text for {doc_id}")
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def _placed_table(staging: Staging, ids: dict[str, str], run: RunInfo,
                  times: list[str]) -> pa.Table:
    placed = staging.placed
    return pa.table({
        PLACEMENT: pa.array([p.m for p in placed], pa.int64()),
        "doc_id": pa.array([None if p.failed else ids[p.key] for p in placed], pa.string()),
        "source": pa.array([p.key for p in placed], pa.string()),
        "run_id": pa.array([run.run_id] * len(placed), pa.string()),
        "processed_at": pa.array(times, pa.string()),
    })


def _members_table(staging: Staging, ids: dict[str, str]) -> pa.Table:
    pipeline_now = pipeline_id()
    rows = [{"source": p.key, "doc_id": None if p.failed else ids[p.key], "natural": p.natural,
             "sha256": p.sha256, "pipeline": pipeline_now, "failed": p.failed}
            for p in staging.placed]
    return pa.Table.from_pylist(rows, schema=MEMBERS_SCHEMA)


def _report_inputs(assembly: Assembly, staging: Staging, plan: Plan, report: RunReport) -> None:
    """The run's own documents and failures (its inputs, not members it only kept)."""
    keys = [p.key for p in staging.placed] + plan.carried_inputs
    assembly.con.register("inputs_arrow", pa.table({"source": pa.array(keys, pa.string())}))
    con = assembly.con
    report.documents = [row[0] for row in con.execute(
        "SELECT doc_id FROM documents WHERE source IN (SELECT source FROM inputs_arrow) "
        "ORDER BY doc_id").fetchall()]
    report.failures = [Failure(source, stage, error_type, message) for source, stage,
                       error_type, message in con.execute(
        "SELECT source, stage, error_type, message FROM failures WHERE doc_id IS NULL AND "
        "source IN (SELECT source FROM inputs_arrow) ORDER BY source").fetchall()]
    report.problems = assembly.scalar(
        "SELECT count(*) FROM failures WHERE doc_id IS NOT NULL AND "
        "source IN (SELECT source FROM inputs_arrow)")
    assembly.con.unregister("inputs_arrow")
    report.changes = {
        "added": plan.count("added"), "changed": plan.count("changed"),
        "recomputed": plan.count("recomputed"), "unchanged": plan.unchanged,
        "removed": len(plan.removed), "failed": len(report.failures),
    }


def _run_row(run: RunInfo, plan: Plan, report: RunReport, documents: int) -> pa.Table:
    row = {
        "run_id": run.run_id, "flow_run_id": run.flow_run_id, "started_at": run.started_at,
        "finished_at": _iso_now(), "vnplan_version": pipeline.__version__,
        "pipeline": pipeline_id(), "mode": run.mode, "inputs": run.inputs,
        "documents": documents, **report.changes,
    }
    for name, (added, removed) in report.row_changes.items():
        row[f"{name}_rows_added"], row[f"{name}_rows_removed"] = added, removed
    return pa.Table.from_pylist([row], schema=arrow_schema("runs"))
