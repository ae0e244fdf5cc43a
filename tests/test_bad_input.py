"""Bad inputs fail alone, with a message a user can act on, and the batch goes on.

One real batch (`vnplan run`, which runs the Prefect flow `run_corpus`) mixes good documents
with every kind of bad file; the module fixture runs it once (a flow start costs seconds) and
reads the contract tables it wrote. Each error type is also checked on `ingest()` directly.

Unreadable files: the tests run as root here, for whom `chmod 000` changes nothing, so a
directory named like a document and a FIFO stand in for a file that cannot be read.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import generate as g
import pandas as pd
import pytest

from pipeline import errors
from pipeline.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main
from pipeline.ingest import ingest

GOOD = ("daklak-2018-qd168", "hatinh-2016-kh496")

# file name → (typed error, words its message must contain)
BAD: dict[str, tuple[type[errors.IngestError], str]] = {
    "empty.txt": (errors.EmptyDocumentError, "the file is empty (0 bytes)"),
    "random.pdf": (errors.CorruptFileError, "not a PDF (no %PDF- header)"),
    "truncated.pdf": (errors.CorruptFileError, "damaged or truncated"),
    "encrypted.pdf": (errors.EncryptedPdfError, "encrypted with a password"),
    "zero_pages.pdf": (errors.EmptyDocumentError, "zero pages"),
    "not_a_zip.docx": (errors.CorruptFileError, "a .docx is a zip archive"),
    "bomb.png": (errors.ImageTooLargeError, "400000000 pixels"),
}


def write_bad_inputs(folder: Path) -> dict[str, Path]:
    """Every bad file of `BAD` plus an English text, written into `folder`."""
    paths = {name: folder / name for name in BAD}
    paths["empty.txt"].write_bytes(b"")
    paths["random.pdf"].write_bytes(g.random_bytes())
    whole = g.make_pdf(folder, "whole.pdf", pages=2).path.read_bytes()
    paths["truncated.pdf"].write_bytes(whole[:len(whole) // 2])
    g.make_pdf(folder, "encrypted.pdf", pages=1, encrypt="secret")
    paths["zero_pages.pdf"].write_bytes(g.zero_page_pdf())
    paths["not_a_zip.docx"].write_text("Kế hoạch: this is text, not a Word file.\n", "utf-8")
    paths["bomb.png"].write_bytes(g.bomb_png(20000, 20000))
    paths["english.txt"] = folder / "english.txt"
    paths["english.txt"].write_text(g.ENGLISH, "utf-8")
    return paths


def write_good_inputs(folder: Path) -> list[Path]:
    """Two seed plans, renamed so their doc ids must come from the letterhead."""
    paths = []
    for number, seed in enumerate(GOOD):
        path = folder / f"good-{number}.txt"
        shutil.copy(g.SEEDS / f"{seed}.txt", path)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def inputs(workdir: Path) -> dict[str, Path]:
    folder = workdir / "in"
    folder.mkdir()
    bad = write_bad_inputs(folder)
    good = write_good_inputs(folder)
    return {**bad, **{p.name: p for p in good}}


@pytest.fixture(scope="module")
def batch(inputs: dict[str, Path], workdir: Path) -> dict:
    """`vnplan run` over good and bad files together: exit status and the tables written."""
    out = workdir / "out"
    status = main(["run", *map(str, inputs.values()), "--out", str(out), "--quiet"])
    tables = {name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
              for name in ("documents", "failures")}
    return {"status": status, **tables}


def failure_row(batch: dict, path: Path) -> dict:
    rows = batch["failures"][batch["failures"]["source"] == str(path)]
    assert len(rows) == 1, f"expected one failures row for {path.name}"
    return rows.iloc[0].to_dict()


# ----- the batch ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(BAD))
def test_batch_bad_file_gets_a_failures_row_with_a_specific_message(batch, inputs, name: str):
    error, words = BAD[name]
    row = failure_row(batch, inputs[name])
    assert row["stage"] == "ingest"
    assert row["error_type"] == error.__name__
    assert words in row["message"]


def test_batch_completes_with_the_good_documents(batch, inputs):
    documents = batch["documents"].set_index("source")
    for number, seed in enumerate(GOOD):
        row = documents.loc[str(inputs[f"good-{number}.txt"])]
        assert row["doc_id"] == seed
        assert row["status"] == "ok"
        assert int(row["n_chars"]) > 10000


def test_batch_english_text_is_processed_and_marked_not_vietnamese(batch, inputs):
    row = batch["documents"].set_index("source").loc[str(inputs["english.txt"])]
    assert row["status"] == "not_vietnamese"
    assert str(inputs["english.txt"]) not in set(batch["failures"]["source"])


def test_batch_exit_status_3_when_some_documents_failed(batch):
    assert batch["status"] == EXIT_SOME_FAILED
    assert len(batch["failures"]) == len(BAD)
    assert len(batch["documents"]) == len(GOOD) + 1  # + the English text


def test_cli_exit_status_0_when_every_document_is_read(inputs, workdir: Path):
    out = workdir / "out-ok"
    assert main(["run", str(inputs["good-0.txt"]), "--out", str(out), "--quiet"]) == EXIT_OK
    assert (out / "documents.csv").exists()


def test_cli_path_that_does_not_exist_is_a_usage_error(workdir: Path, capsys):
    assert main(["run", str(workdir / "nope.pdf"), "--out", str(workdir / "out-x")]) \
        == EXIT_USAGE
    assert "no such file or folder" in capsys.readouterr().err
    assert not (workdir / "out-x").exists()


def test_batch_unreadable_path_gets_a_failures_row(inputs, workdir: Path):
    from pipeline.flows import run_corpus

    fifo = workdir / "plan.txt"  # named like a document, but a FIFO: reading it would block
    os.mkfifo(fifo)
    result = run_corpus([str(inputs["good-1.txt"]), str(fifo)], str(workdir / "out-dir"))
    assert [f.error_type for f in result.failures] == ["UnreadableFileError"]
    assert len(result.documents) == 1


# ----- ingest() on each bad file ------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(BAD))
def test_ingest_raises_the_typed_error_with_its_message(inputs, name: str):
    error, words = BAD[name]
    with pytest.raises(error) as caught:
        ingest(inputs[name])
    assert words in caught.value.reason
    assert caught.value.source == str(inputs[name])


def test_ingest_truncated_pdf_names_pdfminer_error(inputs):
    with pytest.raises(errors.CorruptFileError, match="PSEOF|EOF"):
        ingest(inputs["truncated.pdf"])


def test_ingest_random_bytes_named_pdf_is_not_mistaken_for_a_pdf(inputs):
    with pytest.raises(errors.CorruptFileError, match="wrong file extension"):
        ingest(inputs["random.pdf"])


def test_zero_page_pdf_really_has_zero_pages(inputs):
    import pdfplumber

    with pdfplumber.open(inputs["zero_pages.pdf"]) as pdf:
        assert len(pdf.pages) == 0


def test_encrypted_pdf_opens_with_its_user_password(inputs):
    import pdfplumber

    with pdfplumber.open(inputs["encrypted.pdf"], password="secret") as pdf:
        assert "Căn cứ" in pdf.pages[0].extract_text()


def test_ingest_image_over_the_pixel_limit_but_under_twice_it(workdir: Path):
    path = workdir / "large.png"  # 144 M pixels: Pillow only warns, the guard must still refuse
    path.write_bytes(g.bomb_png(12000, 12000))
    with pytest.raises(errors.ImageTooLargeError, match="decompression bomb"):
        ingest(path)


def test_ingest_english_text_is_read_with_status_not_vietnamese(inputs):
    doc = ingest(inputs["english.txt"])
    assert doc.status == "not_vietnamese"
    assert doc.raw_text.startswith("The provincial people's committee")


def test_ingest_directory_named_like_a_file_is_unreadable(workdir: Path):
    folder = workdir / "folder.pdf"
    folder.mkdir()
    with pytest.raises(errors.UnreadableFileError, match="a directory, not a file"):
        ingest(folder)


def test_ingest_fifo_is_refused_without_blocking(workdir: Path):
    fifo = workdir / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            ingest(fifo)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    reader = threading.Thread(target=run, daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert outcome, "ingest() blocked on a FIFO"
    assert isinstance(outcome[0], errors.UnreadableFileError)
    assert "not a regular file" in outcome[0].reason


def test_ingest_unreadable_file_permission_denied(workdir: Path):
    path = workdir / "locked.txt"
    path.write_text("Kế hoạch", "utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading (see FIFO/directory)")
        with pytest.raises(errors.UnreadableFileError, match="permission denied"):
            ingest(path)
    finally:
        path.chmod(0o644)


def test_ingest_missing_file_is_unreadable(workdir: Path):
    with pytest.raises(errors.UnreadableFileError, match="No such file"):
        ingest(workdir / "missing.txt")
