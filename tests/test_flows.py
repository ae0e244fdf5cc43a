"""The corpus flow: tables written atomically, identical on a re-run, cached per document,
and the same on a Dask cluster as in a serial run."""

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.flows import run_corpus
from pipeline.tables import SCHEMAS, atomic_write

SEEDS = ["hatinh-2016-kh496", "daklak-2018-qd168", "thanhhoa-2019-qd1118"]
TABLE_FILES = [f"{name}.{ext}" for name in SCHEMAS for ext in ("csv", "parquet")]


def _snapshot(out: Path) -> dict[str, bytes]:
    files = TABLE_FILES + sorted(f"cleaned/{p.name}" for p in (out / "cleaned").iterdir())
    return {name: (out / name).read_bytes() for name in files}


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
    return paths, out, result, _snapshot(out)


def test_every_table_has_the_contract_columns(first_run):
    _, out, result, _ = first_run
    assert not result.failures
    for name, schema in SCHEMAS.items():
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert list(frame.columns) == list(schema)
    docs = pd.read_csv(out / "documents.csv")
    assert sorted(docs.doc_id) == sorted(SEEDS)


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
    assert _snapshot(out) == before


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
    for name in SCHEMAS:
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(frame)
    con.close()


def test_a_failed_write_leaves_the_old_table_intact(tmp_path):
    target = tmp_path / "targets.csv"
    target.write_text("old", encoding="utf-8")

    def crash(path):
        path.write_text("half a ta", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_write(target, crash)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["targets.csv"]


@pytest.mark.slow
def test_dask_run_matches_serial_run_byte_for_byte(first_run, tmp_path):
    paths, _, _, serial = first_run
    result = run_corpus(paths, str(tmp_path), workers=2, use_cache=False)
    assert not result.failures
    assert _snapshot(tmp_path) == serial
    assert run_corpus(paths, str(tmp_path)).cache_hits == len(paths)  # Dask filled the cache


@pytest.mark.slow
def test_existing_dask_cluster_by_address_matches_serial_run(first_run, tmp_path):
    from distributed import LocalCluster

    paths, _, _, serial = first_run
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None, local_directory=str(tmp_path / "dask")) as cluster:
        result = run_corpus(paths, str(tmp_path / "out"), dask_address=cluster.scheduler_address,
                            use_cache=False)
    assert not result.failures
    assert _snapshot(tmp_path / "out") == serial
