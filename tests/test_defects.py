"""The defects the data team found in `vnplan run` (issue 13), each as they met it.

Each test drives only what a user had before the change (`vnplan run`, the
`process_corpus` flow, the files it writes), so it fails on the code before the change and
passes after. The crash, server, limit and scale defects have modules of their own
(test_crash, test_tempserver, test_limits, test_scale).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from plans import small_plan, untitled_note, write_plans

from pipeline.cli import main


def run(*args: str) -> int:
    return main(["run", *args, "--quiet"])


def documents(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)


def test_identical_files_keep_their_own_rows_on_a_cached_rerun(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(small_plan(12), encoding="utf-8")
    (folder / "c.txt").write_text(small_plan(13), encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        assert run(str(folder), "--out", str(out)) == 0
        docs = documents(out)
        assert sorted(Path(s).name for s in docs.source) == ["a.txt", "b.txt", "c.txt"]
        assert docs.doc_id.is_unique
        targets = pd.read_csv(out / "targets.csv", dtype=str)
        assert set(targets.doc_id) == set(docs.doc_id)


def test_a_suffixed_id_never_takes_another_files_natural_id(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    words = {"rep.txt": "kế hoạch một", "rep_.txt": "kế hoạch hai", "rep-2.txt": "kế hoạch ba"}
    for name, text in words.items():
        (folder / name).write_text(untitled_note(text), encoding="utf-8")
    out = tmp_path / "out"
    assert run(str(folder), "--out", str(out)) == 0
    docs = documents(out)
    assert docs.doc_id.is_unique
    for source, doc_id in zip(docs.source, docs.doc_id, strict=True):
        cleaned = (out / "cleaned" / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert words[Path(source).name] in cleaned


def test_a_refresh_from_another_folder_is_refused_and_replace_prunes_old_texts(tmp_path):
    corpus, newdir, out = tmp_path / "corpus", tmp_path / "newdir", tmp_path / "out"
    write_plans(corpus, 2)
    write_plans(newdir, 1, start=20)
    assert run(str(corpus), "--out", str(out)) == 0
    before = {name: (out / name).read_bytes() for name in ("documents.csv", "targets.csv")}
    assert run(str(newdir), "--out", str(out)) == 2
    assert {name: (out / name).read_bytes() for name in before} == before
    assert run(str(newdir), "--out", str(out), "--replace") == 0
    assert list(documents(out).doc_id) == ["hatinh-2020-kh20"]
    assert sorted(p.name for p in (out / "cleaned").iterdir()) == ["hatinh-2020-kh20.txt"]


def test_an_out_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    corpus = tmp_path / "corpus"
    write_plans(corpus, 2)
    for _ in range(3):
        assert run(str(corpus), "--out", str(corpus / "out")) == 0
        assert len(documents(corpus / "out")) == 2


def test_a_run_says_which_documents_and_rows_changed(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_plans(corpus, 2)
    assert run(str(corpus), "--out", str(out)) == 0
    (corpus / "plan-1.txt").write_text(small_plan(1, percent=88), encoding="utf-8")
    capsys.readouterr()
    assert run(str(corpus), "--out", str(out)) == 0
    printed = capsys.readouterr().out
    assert "0 added, 1 changed" in printed and "targets 2 (+1 −1)" in printed
    runs = pd.read_csv(out / "runs.csv")
    assert list(runs.changed) == [0, 1] and list(runs.added) == [2, 0]


def _final_state(paths: list[str], out: Path):
    from pipeline.flows import process_corpus

    try:
        from pipeline.tempserver import prefect_api
    except ImportError:  # before the change Prefect started its own server
        prefect_api = contextlib.nullcontext
    with prefect_api():
        return process_corpus(paths=paths, out_dir=str(out), return_state=True)


def test_the_flow_given_a_folder_processes_it_and_an_empty_one_ends_failed(tmp_path):
    corpus = tmp_path / "corpus"
    write_plans(corpus, 2)
    state = _final_state([str(corpus)], tmp_path / "out")
    assert state.is_completed()
    assert len(documents(tmp_path / "out")) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _final_state([str(empty)], tmp_path / "out2").is_failed()


def test_csv_cells_cannot_run_as_formulas_and_modes_follow_the_umask(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    payload = "@SUM(1+1)*cmd|' /C calc'!A0"
    (folder / "evil.txt").write_text(small_plan(5, title=payload), encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run(str(folder), "--out", str(out)) == 0
    finally:
        os.umask(old)
    assert documents(out).title[0] == "'" + payload
    assert pd.read_parquet(out / "documents.parquet").title[0] == payload
    for name in ("documents.csv", "targets.parquet", "vnplan.duckdb"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o644, name


@pytest.fixture
def full_cache_disk(tmp_path):
    """out/.cache on a 64 KB file system: it fills with the first result."""
    cache = tmp_path / "out" / ".cache"
    cache.mkdir(parents=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(cache)],
                             capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield tmp_path / "out"
    subprocess.run(["umount", str(cache)], check=True)


def test_a_full_disk_under_the_cache_loses_no_document(tmp_path, full_cache_disk, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("daklak-2018-qd168", "hatinh-2016-kh496", "haiduong-2016-kh681"):
        shutil.copy(f"corpora/raw/{name}.txt", corpus)
    assert run(str(corpus), "--out", str(full_cache_disk)) == 0
    assert len(documents(full_cache_disk)) == 3
    assert "cache not written" in capsys.readouterr().err


def test_a_255_byte_file_name_does_not_end_the_batch(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    write_plans(folder, 1)
    (folder / ("d" * 251 + ".txt")).write_text(untitled_note("tên dài"), encoding="utf-8")
    assert run(str(folder), "--out", str(out)) == 0
    assert len(documents(out)) == 2


def test_nul_bytes_are_a_failure_not_a_document(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    write_plans(folder, 1)
    (folder / "zeros.txt").write_bytes(b"\0" * 100_000)
    assert run(str(folder), "--out", str(out)) == 3
    failures = pd.read_csv(out / "failures.csv")
    assert list(failures.error_type) == ["NotTextError"]
    assert "control_share" in failures.message[0]
