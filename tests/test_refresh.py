"""Refresh as the data team means it: one set of tables kept current as plans are added,
corrected and removed, with every document's own rows, ids unique over the set, nothing
dropped silently, outputs never read back, and a report of what changed.

The runs here are plain functions (`run_refresh`, no Prefect): the flow adds orchestration,
not semantics (tests/test_flows.py runs the same through Prefect).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from plans import small_plan, untitled_note, write_plans

from pipeline.errors import RefusedError, UsageError
from pipeline.ids import MAX_ID
from pipeline.refresh import run_refresh


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def set_bytes(out: Path) -> dict[str, bytes]:
    """Every published file of the set (tables, DuckDB, runs, cleaned texts)."""
    files = sorted(p for p in out.iterdir() if p.is_symlink() and p.name != "current")
    found = {p.name: p.read_bytes() for p in files if p.is_file()}
    found.update({f"cleaned/{p.name}": p.read_bytes() for p in (out / "cleaned").iterdir()})
    return found


# ----- every document keeps its own record -------------------------------------------------

def test_identical_files_keep_their_own_rows_when_read_from_the_cache(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("alpha.txt", "beta.txt"):
        (folder / name).write_text(untitled_note("một văn bản"), encoding="utf-8")
    for name in ("plan-a.txt", "plan-b.txt"):
        (folder / name).write_text(small_plan(7), encoding="utf-8")
    first = run_refresh([str(folder)], str(tmp_path / "out1"))
    shutil.copytree(tmp_path / "out1" / ".cache", tmp_path / "out2" / ".cache")
    cached = run_refresh([str(folder)], str(tmp_path / "out2"))
    assert cached.cache_hits == 4 and not cached.failures
    for out in ("out1", "out2"):
        docs = table(tmp_path / out, "documents").set_index("source")["doc_id"]
        assert docs.to_dict() == {str(folder / "alpha.txt"): "alpha",
                                  str(folder / "beta.txt"): "beta",
                                  str(folder / "plan-a.txt"): "hatinh-2020-kh7",
                                  str(folder / "plan-b.txt"): "hatinh-2020-kh7-2"}
        targets = table(tmp_path / out, "targets").groupby("doc_id").size()
        assert targets["hatinh-2020-kh7"] == targets["hatinh-2020-kh7-2"] >= 1
    assert sorted(first.documents) == sorted(cached.documents)


def test_a_natural_id_is_never_given_to_another_document_as_a_suffix(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {"rep.txt": "kế hoạch một", "rep_.txt": "kế hoạch hai", "rep-2.txt": "kế hoạch ba"}
    for name, words in texts.items():
        (folder / name).write_text(untitled_note(words), encoding="utf-8")
    run_refresh([str(folder)], str(tmp_path / "out"))
    ids = table(tmp_path / "out", "documents").set_index("source")["doc_id"]
    assert ids[str(folder / "rep.txt")] == "rep"
    assert ids[str(folder / "rep-2.txt")] == "rep-2"
    assert ids[str(folder / "rep_.txt")] == "rep-3"
    for name, words in texts.items():
        cleaned = (tmp_path / "out" / "cleaned" / f"{ids[str(folder / name)]}.txt").read_text()
        assert words in cleaned


def test_ids_already_in_the_set_stay_when_a_new_document_claims_them(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "z-first.txt").write_text(small_plan(9, extra="Bản gốc."), encoding="utf-8")
    run_refresh([str(old)], str(tmp_path / "out"))
    (new / "a-second.txt").write_text(small_plan(9, extra="Bản khác."), encoding="utf-8")
    run_refresh([str(new)], str(tmp_path / "out"), mode="append")
    ids = table(tmp_path / "out", "documents").set_index("source")["doc_id"]
    assert ids[str(old / "z-first.txt")] == "hatinh-2020-kh9"
    assert ids[str(new / "a-second.txt")] == "hatinh-2020-kh9-2"


def test_a_255_byte_file_name_does_not_end_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    long_name = folder / ("k" * 251 + ".txt")
    long_name.write_text(untitled_note("tên tệp rất dài"), encoding="utf-8")
    write_plans(folder, 1)
    report = run_refresh([str(folder)], str(tmp_path / "out"))
    assert not report.failures and len(report.documents) == 2
    ids = table(tmp_path / "out", "documents").set_index("source")["doc_id"]
    long_id = ids[str(long_name)]
    assert len(long_id) <= MAX_ID and long_id.startswith("kkkk")
    assert "tên tệp rất dài" in (tmp_path / "out" / "cleaned" / f"{long_id}.txt").read_text()


# ----- refresh, append, replace ------------------------------------------------------------

@pytest.fixture
def two_plans(tmp_path) -> tuple[Path, Path, dict[str, bytes]]:
    corpus = tmp_path / "corpus"
    write_plans(corpus, 2)
    out = tmp_path / "out"
    run_refresh([str(corpus)], str(out))
    return corpus, out, set_bytes(out)


def test_a_run_that_would_drop_documents_is_refused_and_writes_nothing(two_plans, tmp_path):
    corpus, out, before = two_plans
    newdir = tmp_path / "newdir"
    write_plans(newdir, 1, start=10)
    with pytest.raises(RefusedError, match="refusing to drop 2 document") as refused:
        run_refresh([str(newdir)], str(out))
    assert "--append" in str(refused.value) and "--replace" in str(refused.value)
    assert set_bytes(out) == before


def test_append_adds_to_the_set_and_keeps_the_rest(two_plans, tmp_path):
    corpus, out, _ = two_plans
    newdir = tmp_path / "newdir"
    write_plans(newdir, 1, start=10)
    report = run_refresh([str(newdir)], str(out), mode="append")
    assert report.changes["added"] == 1 and report.changes["removed"] == 0
    assert sorted(table(out, "documents").doc_id) == [
        "hatinh-2020-kh1", "hatinh-2020-kh10", "hatinh-2020-kh2"]
    assert sorted(p.name for p in (out / "cleaned").iterdir()) == [
        "hatinh-2020-kh1.txt", "hatinh-2020-kh10.txt", "hatinh-2020-kh2.txt"]


def test_replace_removes_the_others_and_their_cleaned_texts(two_plans, tmp_path):
    corpus, out, _ = two_plans
    newdir = tmp_path / "newdir"
    write_plans(newdir, 1, start=10)
    report = run_refresh([str(newdir)], str(out), mode="replace")
    assert report.changes["removed"] == 2 and report.changes["added"] == 1
    assert list(table(out, "documents").doc_id) == ["hatinh-2020-kh10"]
    assert [p.name for p in (out / "cleaned").iterdir()] == ["hatinh-2020-kh10.txt"]
    assert set(table(out, "targets").doc_id) == {"hatinh-2020-kh10"}


def test_a_deleted_input_is_a_removal_that_needs_replace(two_plans):
    corpus, out, before = two_plans
    (corpus / "plan-2.txt").unlink()
    with pytest.raises(RefusedError, match="plan-2.txt"):
        run_refresh([str(corpus)], str(out))
    assert set_bytes(out) == before
    run_refresh([str(corpus)], str(out), mode="replace")
    assert list(table(out, "documents").doc_id) == ["hatinh-2020-kh1"]


def test_the_change_report_and_the_runs_table_say_what_changed(two_plans):
    corpus, out, _ = two_plans
    first_run = table(out, "runs").run_id.iloc[0]
    old_targets = table(out, "targets")
    (corpus / "plan-1.txt").write_text(small_plan(1, percent=75), encoding="utf-8")
    write_plans(corpus, 1, start=3)
    report = run_refresh([str(corpus)], str(out))
    assert report.changes == {"added": 1, "changed": 1, "recomputed": 0, "unchanged": 1,
                              "removed": 0, "failed": 0}
    runs = table(out, "runs")
    assert list(runs.run_id) == [first_run, report.run_id]
    latest = runs.iloc[-1]
    assert (latest.added, latest.changed, latest.unchanged, latest.documents) == (1, 1, 1, 3)
    new_targets = table(out, "targets")
    keys = ["doc_id", "value", "evidence"]
    added = len(new_targets.merge(old_targets[keys], on=keys, how="left", indicator=True)
                .query("_merge == 'left_only'"))
    removed = len(old_targets.merge(new_targets[keys], on=keys, how="left", indicator=True)
                  .query("_merge == 'left_only'"))
    assert (latest.targets_rows_added, latest.targets_rows_removed) == (added, removed) == (2, 1)
    docs = table(out, "documents").set_index("doc_id")
    assert docs.loc["hatinh-2020-kh2", "run_id"] == first_run  # unchanged: its first run
    assert docs.loc["hatinh-2020-kh1", "run_id"] == report.run_id
    assert docs.processed_at.str.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d").all()


def test_an_unchanged_rerun_rewrites_no_data_table(two_plans):
    corpus, out, before = two_plans
    report = run_refresh([str(corpus)], str(out))
    assert report.cache_hits == 2 and report.changes["unchanged"] == 2
    after = set_bytes(out)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {"runs.csv", "runs.parquet", "vnplan.duckdb"}


def test_a_statement_out_of_memory_is_tried_again_with_more(tmp_path, monkeypatch):
    """Rows far wider than the genre's can need more than DuckDB's usual limit: the statement
    is tried again with twice the limit (then the limit goes back), and the tables are those
    of a run that never ran out."""
    import duckdb

    from pipeline import assemble

    class Tight:  # a connection whose first two sorts run out of memory
        def __init__(self, con):
            self.con, self.failures, self.limits = con, 2, []

        def execute(self, sql, *args):
            if sql.startswith("SET memory_limit="):
                self.limits.append(sql)
            if sql.startswith("INSERT") and self.failures:
                self.failures -= 1
                raise duckdb.OutOfMemoryException("Out of Memory Error: (test)")
            return self.con.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self.con, name)

    folder = tmp_path / "in"
    write_plans(folder, 3)
    run_refresh([str(folder)], str(tmp_path / "roomy"))
    tight = []
    real_init = assemble.Assembly.__init__

    def init(self, *args):
        real_init(self, *args)
        self.con = Tight(self.con)
        tight.append(self.con)

    monkeypatch.setattr(assemble.Assembly, "__init__", init)
    run_refresh([str(folder)], str(tmp_path / "tight"))
    assert tight[0].limits == ["SET memory_limit='256MB'", "SET memory_limit='512MB'",
                               "SET memory_limit='128MB'"]
    for name in ("documents", "sections", "assignments"):
        pd.testing.assert_frame_equal(
            table(tmp_path / "roomy", name).drop(columns=["run_id", "processed_at"],
                                                   errors="ignore"),
            table(tmp_path / "tight", name).drop(columns=["run_id", "processed_at"],
                                                   errors="ignore"))


def test_slices_are_cut_by_documents_and_by_rows():
    from pipeline.assemble import slice_bounds

    counts = [("a", 3), ("b", 3), ("c", 1), ("d", 9), ("e", 1), ("f", 1), ("g", 1)]
    assert slice_bounds(counts, docs=2, rows=5) == [
        (None, "b"), ("b", "d"), ("d", "e"), ("e", "g"), ("g", None)]
    assert slice_bounds(counts, docs=100, rows=100) == [(None, None)]
    assert slice_bounds([], docs=2, rows=5) == [(None, None)]


def test_tables_built_a_slice_of_documents_at_a_time_equal_one_sort(tmp_path, monkeypatch):
    """Sorting and comparing a few documents at a time (what keeps memory flat at scale)
    gives the same tables and row changes as one sort over the whole set, for a first run
    and for a refresh that changes one plan and removes another."""
    from pipeline import assemble

    outcomes = {}
    for size in (2, 1_000_000):
        monkeypatch.setattr(assemble, "SLICE_DOCS", size)
        monkeypatch.setattr(assemble, "SLICE_ROWS", size * 20)
        folder = tmp_path / f"in{size}"
        paths = write_plans(folder, 7)
        out = tmp_path / f"out{size}"
        first = run_refresh([str(folder)], str(out))
        paths[2].write_text(small_plan(3, percent=11), encoding="utf-8")
        paths[4].unlink()
        second = run_refresh([str(folder)], str(out), mode="replace")
        frames = {name: table(out, name).drop(columns=["source", "run_id", "processed_at"],
                                              errors="ignore")
                  for name in ("documents", "sections", "targets", "assignments", "corrections")}
        outcomes[size] = (first.row_changes, second.row_changes, frames)
    (first_a, second_a, frames_a), (first_b, second_b, frames_b) = outcomes.values()
    assert first_a == first_b and second_a == second_b
    assert second_a["targets"] == (1, 2)  # the changed plan's target, the removed plan's
    for name, frame in frames_a.items():
        pd.testing.assert_frame_equal(frame, frames_b[name])


# ----- outputs are never inputs ------------------------------------------------------------

def test_an_output_folder_inside_the_input_folder_is_never_read(tmp_path):
    corpus = tmp_path / "corpus"
    write_plans(corpus, 2)
    for _ in range(3):
        report = run_refresh([str(corpus)], str(corpus / "out"))
        assert len(report.documents) == 2
    assert len(table(corpus / "out", "documents")) == 2


def test_another_output_folder_found_in_an_input_folder_is_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    write_plans(corpus, 1)
    run_refresh([str(corpus)], str(corpus / "old-out"))
    report = run_refresh([str(corpus)], str(tmp_path / "out"))
    assert report.documents == ["hatinh-2020-kh1"]


def test_a_file_named_inside_an_output_folder_is_a_usage_error(two_plans):
    _, out, _ = two_plans
    with pytest.raises(UsageError, match="inside a vnplan output folder"):
        run_refresh([str(out / "cleaned" / "hatinh-2020-kh1.txt")], str(out.parent / "o2"))
