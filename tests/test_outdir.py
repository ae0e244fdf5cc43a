"""The output folder as a unit: modes from the umask, a lock for one writer, nothing left
behind by killed runs, an older layout adopted, a cache that may fail without losing a
document, CSV safe for spreadsheets, and tables streamed rather than held."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from plans import small_plan, write_plans

from pipeline.errors import OutputBusyError
from pipeline.export import export_table, pages
from pipeline.outdir import OutputFolder
from pipeline.records import DocumentRecord
from pipeline.refresh import preflight, resolve, run_refresh
from pipeline.staging import Staging
from pipeline.tables import FORMULA_START


@pytest.fixture
def corpus(tmp_path) -> Path:
    write_plans(tmp_path / "corpus", 2)
    return tmp_path / "corpus"


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_files_and_folders_take_their_modes_from_the_umask(corpus, tmp_path, umask):
    old = os.umask(umask)
    try:
        run_refresh([str(corpus)], str(tmp_path / "out"))
    finally:
        os.umask(old)
    checked = 0
    for path in (tmp_path / "out").rglob("*"):
        if path.is_symlink():
            continue
        expected = (0o777 if path.is_dir() else 0o666) & ~umask
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
        checked += 1
    assert checked > 20


def test_a_second_writer_is_told_who_holds_the_folder(corpus, tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out).locked():
        with pytest.raises(OutputBusyError, match=f"pid {os.getpid()}"):
            run_refresh([str(corpus)], str(out))
        with pytest.raises(OutputBusyError, match="another --out folder"):
            preflight([str(corpus)], str(out))
    assert run_refresh([str(corpus)], str(out)).documents


def test_leftovers_of_killed_runs_are_removed_by_the_next_run(corpus, tmp_path):
    out = tmp_path / "out"
    run_refresh([str(corpus)], str(out))
    junk = [out / ".versions" / ".build-20260101T000000Z-dead00" / "cleaned" / ".m0.txt",
            out / ".link-current.4242",
            out / ".cache" / "v1" / "ab" / ".tmp-abcdef.4242"]
    for path in junk:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half written", encoding="utf-8")
    (out / ".versions" / "20200101T000000Z-orphan").mkdir()  # renamed, never switched in
    run_refresh([str(corpus)], str(out))
    assert not any(path.exists() for path in junk)
    assert not (out / ".versions" / ".build-20260101T000000Z-dead00").exists()
    assert len(list((out / ".versions").iterdir())) == 2  # current and the one before


def test_an_output_folder_of_an_older_vnplan_is_adopted(corpus, tmp_path):
    out = tmp_path / "out"
    (out / "cleaned").mkdir(parents=True)
    (out / "cleaned" / "old-doc.txt").write_text("cũ", encoding="utf-8")
    (out / "documents.csv").write_text("doc_id\nold-doc\n", encoding="utf-8")
    (out / "vnplan.duckdb").write_bytes(b"")
    run_refresh([str(corpus)], str(out))
    for name in ("documents.csv", "cleaned", "vnplan.duckdb", "targets.parquet"):
        assert (out / name).is_symlink(), name
    assert sorted(pd.read_csv(out / "documents.csv").doc_id) == [
        "hatinh-2020-kh1", "hatinh-2020-kh2"]


def test_a_cache_that_cannot_be_written_loses_no_document(corpus, tmp_path):
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    (out / ".cache" / "v1").write_text("a file where the cache's folder should be")
    report = run_refresh([str(corpus)], str(out))
    assert len(report.documents) == 2 and not report.failures
    assert any("cache not written" in w for w in report.warnings)


def test_a_damaged_cache_entry_is_recomputed(corpus, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    run_refresh([str(corpus)], str(first))
    entries = sorted(p for p in (first / ".cache" / "v1").rglob("*") if p.is_file())
    entries[0].write_bytes(b"not a record")
    second.mkdir()
    os.replace(first / ".cache", second / ".cache")  # a new set over the same cache
    report = run_refresh([str(corpus)], str(second))
    assert report.cache_hits == 1 and len(report.documents) == 2 and not report.failures
    assert any("damaged" in w for w in report.warnings)


@pytest.mark.parametrize("start", FORMULA_START)
def test_a_cell_that_would_start_a_formula_is_neutralised_in_csv_only(tmp_path, start):
    risky = f"{start}HYPERLINK(\"http://x.example\";\"Bấm\")"
    safe = ["Sở Nội vụ", "a=b", "30% dịch vụ công"]
    con = duckdb.connect()
    frame = pa.table({"doc_id": [f"d{i}" for i in range(4)], "title": [risky, *safe],
                      "pages": pa.array([-1, 2, None, 4], pa.int64())})
    con.register("frame", frame)
    con.execute("CREATE TABLE documents AS SELECT doc_id, title, pages FROM frame")
    from pipeline import tables

    schema = {"doc_id": tables.STR, "title": tables.STR, "pages": tables.INT}
    original = tables.SCHEMAS["documents"]
    tables.SCHEMAS["documents"] = schema
    tables.arrow_schema.cache_clear()
    try:
        export_table(con, "documents", tmp_path)
    finally:
        tables.SCHEMAS["documents"] = original
        tables.arrow_schema.cache_clear()
    csv = pd.read_csv(tmp_path / "documents.csv", dtype=str, keep_default_na=False)
    assert list(csv.title) == ["'" + risky, *safe]
    assert list(csv.pages) == ["-1", "2", "", "4"]  # numbers are not text: left alone
    assert list(pd.read_parquet(tmp_path / "documents.parquet").title) == [risky, *safe]


def test_pages_follow_the_order_a_table_was_created_in(tmp_path):
    """Export reads a table by ranges of row ids: they must be its sorted order, even when
    DuckDB sorts and inserts on two threads."""
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    con.execute("SET threads=2; SET preserve_insertion_order=true")
    con.execute("CREATE TABLE t AS SELECT (i * 7919) % 300007 AS n, 'x' || i AS s "
                "FROM range(300007) r(i) ORDER BY n")
    schema = pa.schema([("n", pa.int64()), ("s", pa.string())])
    chunks = list(pages(con, "t", schema, size=65_536))
    assert [c.num_rows for c in chunks] == [65_536] * 4 + [300_007 - 4 * 65_536]
    assert [v for c in chunks for v in c.column("n").to_pylist()] == list(range(300_007))


def test_staging_writes_row_groups_as_records_arrive(tmp_path, monkeypatch):
    from pipeline import staging as staging_module

    monkeypatch.setattr(staging_module, "FLUSH_DOCS", 4)
    staging = Staging(tmp_path / "build")
    record = DocumentRecord("0" * 64, fields={"sha256": "0" * 64, "n_chars": 3}, text="abc")
    for number in range(10):
        staging.add(f"/plans/{number}.txt", record)
    staging.close()
    assert pq.ParquetFile(staging.path("documents")).num_row_groups == 3


class _CountingCache:
    def __init__(self, record):
        self.reads, self.record = 0, record

    def get(self, key):
        self.reads += 1
        return self.record

    def put(self, key, record):
        return True


def test_cache_hits_are_read_one_at_a_time(tmp_path):
    from pipeline.plan import WorkItem

    items = [WorkItem(f"{n}.txt", f"/{n}.txt", "0" * 64, f"key{n}", None, "added")
             for n in range(50)]
    cache = _CountingCache(DocumentRecord("0" * 64))
    stream = resolve(items, cache, executor=lambda work: iter(()), use_cache=True)
    next(stream)
    assert cache.reads == 1


def test_the_flow_keeps_a_bounded_number_of_chunks_in_flight():
    from concurrent.futures import Future

    from pipeline.flows import TaskExecutor
    from pipeline.plan import WorkItem

    class Runner:  # runs nothing until asked, counting what is in flight
        def __init__(self):
            self.pending, self.most = [], 0

        def submit(self, task, parameters):
            future = Future()
            future.add_done_callback = _wrap_callback(future)
            self.pending.append((future, parameters["items"]))
            self.most = max(self.most, len(self.pending))
            return future

    def _wrap_callback(future):
        original = Future.add_done_callback

        def add(fn):
            original(future, lambda f: fn(f))
        return add

    runner = Runner()
    executor = TaskExecutor(runner, runners=2)
    items = [WorkItem(f"{n}.txt", f"/{n}.txt", "0" * 64, f"k{n}", None, "added")
             for n in range(40)]
    stream = executor(items)

    def finish_one() -> None:
        future, chunk = runner.pending.pop(0)
        future.set_result([DocumentRecord(sha) for _, sha in chunk])

    import threading

    done = []
    worker = threading.Thread(target=lambda: done.extend(stream))
    worker.start()
    while worker.is_alive():
        if runner.pending:
            finish_one()
        worker.join(0.01)
    assert len(done) == 40
    assert runner.most <= executor.window


def test_a_refresh_counts_a_document_back_to_its_first_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(small_plan(3), encoding="utf-8")
    first = run_refresh([str(corpus)], str(tmp_path / "out"))
    second = run_refresh([str(corpus)], str(tmp_path / "out"))
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert list(docs.run_id) == [first.run_id] and second.run_id != first.run_id
