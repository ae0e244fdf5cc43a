"""The Prefect flow: tables with the contract's columns, identical on a re-run, cached per
document, the same on a Dask cluster as in a serial run, and a final state that says whether
every document was processed."""

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.flows import chunk_size, process_corpus, run_corpus
from pipeline.tables import RUN_COLUMNS, RUNS_SCHEMA, SCHEMAS
from pipeline.tempserver import prefect_api

SEEDS = ["hatinh-2016-kh496", "daklak-2018-qd168", "thanhhoa-2019-qd1118"]
TABLE_FILES = [f"{name}.{ext}" for name in SCHEMAS for ext in ("csv", "parquet")]


def snapshot(out: Path, *, run_columns: bool = True) -> dict[str, object]:
    """Every data table and cleaned text of the set in `out`; without the run bookkeeping
    columns (run_id, processed_at) when two runs of the same documents are compared."""
    if run_columns:
        tables = {name: (out / name).read_bytes() for name in TABLE_FILES}
    else:
        tables = {name: pd.read_parquet(out / f"{name}.parquet").drop(
            columns=list(RUN_COLUMNS), errors="ignore").to_csv() for name in SCHEMAS}
    texts = {f"cleaned/{p.name}": p.read_bytes() for p in sorted((out / "cleaned").iterdir())}
    return {**tables, **texts}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name in SEEDS:
        shutil.copy(f"corpora/raw/{name}.txt", folder / f"{name}.txt")
    return folder


@pytest.fixture(scope="module")
def first_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    paths = sorted(str(p) for p in corpus.iterdir())
    result = run_corpus(paths, str(out))
    return paths, out, result, snapshot(out)


def test_every_table_has_the_contract_columns(first_run):
    _, out, result, _ = first_run
    assert not result.failures
    for name, schema in SCHEMAS.items():
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert list(frame.columns) == list(schema)
        assert list(pd.read_csv(out / f"{name}.csv").columns) == list(schema)
    assert list(pd.read_parquet(out / "runs.parquet").columns) == list(RUNS_SCHEMA)
    docs = pd.read_csv(out / "documents.csv")
    assert sorted(docs.doc_id) == sorted(SEEDS)


def test_parquet_keeps_nullable_integer_types(first_run):
    _, out, _, _ = first_run
    sections = pd.read_parquet(out / "sections.parquet")
    assert str(sections["parent"].dtype) == "Int64" and sections["parent"].isna().any()


def test_offsets_point_into_the_cleaned_text(first_run):
    _, out, _, _ = first_run
    corrections = pd.read_parquet(out / "corrections.parquet")
    for row in corrections.head(200).itertuples():
        text = (out / "cleaned" / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        assert text[row.start:row.end] == row.after


def test_rerun_recomputes_nothing_and_writes_identical_bytes(first_run):
    paths, out, _, before = first_run
    again = run_corpus(paths, str(out))
    assert again.cache_hits == len(paths)
    assert again.changes["unchanged"] == len(paths)
    assert snapshot(out) == before


def test_changed_document_recomputes_only_itself(first_run, tmp_path):
    paths, out, _, _ = first_run
    copies = []
    for p in paths:
        copies.append(tmp_path / Path(p).name)
        shutil.copy(p, copies[-1])
    with open(copies[0], "a", encoding="utf-8") as f:
        f.write("\nMột dòng bổ sung.\n")
    shutil.copytree(out / ".cache", tmp_path / "out" / ".cache")
    result = run_corpus([str(c) for c in copies], str(tmp_path / "out"))
    assert result.cache_hits == len(paths) - 1


def test_duckdb_holds_the_same_tables(first_run):
    _, out, _, _ = first_run
    con = duckdb.connect(str(out / "vnplan.duckdb"), read_only=True)
    for name in (*SCHEMAS, "runs"):
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(frame)
    con.close()


def _final_state(paths: list[str], out: Path):
    with prefect_api():
        return process_corpus(paths, str(out), return_state=True)


def test_a_run_with_a_failed_document_ends_failed_with_its_tables_written(corpus, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    state = _final_state([str(corpus / f"{SEEDS[0]}.txt"), str(bad)], tmp_path / "out")
    assert state.is_failed() and "1 of 2 documents failed" in state.message
    report = state.result(raise_on_failure=False)
    assert report.documents == [SEEDS[0]] and report.failures[0].error_type == "CorruptFileError"
    assert len(pd.read_parquet(tmp_path / "out" / "documents.parquet")) == 1


def test_a_run_given_a_folder_that_does_not_exist_ends_failed(tmp_path):
    state = _final_state([str(tmp_path / "no-such-folder")], tmp_path / "out")
    assert state.is_failed()
    assert "no such file or folder" in str(state.result(raise_on_failure=False))
    assert not (tmp_path / "out" / "documents.csv").exists()


def test_a_folder_is_processed_like_the_files_in_it(corpus, tmp_path):
    state = _final_state([str(corpus)], tmp_path / "out")
    assert state.is_completed()
    assert sorted(state.result().documents) == sorted(SEEDS)


@pytest.mark.parametrize(("documents", "runners", "size"), [
    (1, 1, 1), (10, 2, 1), (16, 2, 1), (60, 2, 3), (10_000, 1, 16), (10_000, 2, 16), (4, 2, 1),
])
def test_tasks_hold_one_document_when_few_and_up_to_sixteen_when_many(documents, runners, size):
    assert chunk_size(documents, runners) == size


@pytest.mark.slow
def test_dask_run_matches_serial_run_byte_for_byte(first_run, tmp_path):
    paths, out, _, _ = first_run
    result = run_corpus(paths, str(tmp_path), workers=2, use_cache=False)
    assert not result.failures
    assert snapshot(tmp_path, run_columns=False) == snapshot(out, run_columns=False)
    for name in ("sections", "targets", "assignments", "corrections"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes()
    assert run_corpus(paths, str(tmp_path)).cache_hits == len(paths)  # Dask filled the cache


@pytest.mark.slow
def test_existing_dask_cluster_by_address_matches_serial_run(first_run, tmp_path):
    from distributed import LocalCluster

    paths, out, _, _ = first_run
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None, local_directory=str(tmp_path / "dask")) as cluster:
        result = run_corpus(paths, str(tmp_path / "out"), dask_address=cluster.scheduler_address,
                            use_cache=False)
    assert not result.failures
    assert snapshot(tmp_path / "out", run_columns=False) == snapshot(out, run_columns=False)
