"""Limits for hostile input: each hostile file fails alone, fast and small, as a typed
failure naming the limit, before it can take the machine down.

The files are the attacks the issue lists, made small where the attack does not need size:
a DOCX whose one part declares 40 MB (it compresses to 40 KB), a sparse 200 MB .txt, a
1.3 KB PDF with one 14400-point page, a PDF of 1001 blank pages, 100 KB of NUL bytes,
random bytes named .txt.
"""

from __future__ import annotations

import io
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import generate as g
import pytest

from pipeline import errors
from pipeline.ingest import ingest
from pipeline.ingest.limits import LIMITS, limit, limits_signature, render_dpi
from pipeline.refresh import run_refresh


def docx_bomb(path: Path, part_bytes: int = 40 << 20) -> None:
    """A DOCX whose document.xml inflates to `part_bytes` of whitespace inside valid XML."""
    donor_path = g.make_docx(path.parent, "donor.docx").path
    good = io.BytesIO(donor_path.read_bytes())
    donor_path.unlink()
    with zipfile.ZipFile(good) as donor, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in donor.infolist():
            data = donor.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * part_bytes, 1)
            z.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def blank_pdf(path: Path, pages: int = 1, size_pt: float = 595) -> None:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(size_pt, size_pt))
    for _ in range(pages):
        page.showPage()
    page.save()


def make_hostile(folder: Path) -> dict[str, tuple[type[errors.LimitExceededError], str]]:
    """Every hostile file, with the error and the limit it must fail on."""
    folder.mkdir(parents=True, exist_ok=True)
    docx_bomb(folder / "bomb.docx")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(200 << 20)  # sparse: 200 MB that cost no disk
    blank_pdf(folder / "giant-page.pdf", size_pt=14400)
    blank_pdf(folder / "many-pages.pdf", pages=1001)
    (folder / "zeros.txt").write_bytes(b"\0" * 100_000)
    (folder / "random.txt").write_bytes(g.random_bytes(50_000))
    return {
        "bomb.docx": (errors.ArchiveTooLargeError, "docx_part_bytes"),
        "huge.txt": (errors.FileTooLargeError, "text_bytes"),
        "giant-page.pdf": (errors.PageTooLargeError, "page_pixels"),
        "many-pages.pdf": (errors.TooManyPagesError, "pages"),
        "zeros.txt": (errors.NotTextError, "control_share"),
        "random.txt": (errors.NotTextError, "control_share"),
    }


@pytest.fixture(scope="module")
def hostile(workdir: Path):
    return workdir / "hostile", make_hostile(workdir / "hostile")


def test_the_giant_page_pdf_is_small(hostile):
    folder, _ = hostile
    assert (folder / "giant-page.pdf").stat().st_size < 2000


@pytest.mark.parametrize("name", ["bomb.docx", "huge.txt", "giant-page.pdf", "many-pages.pdf",
                                  "zeros.txt", "random.txt"])
def test_a_hostile_file_fails_fast_and_small_naming_its_limit(hostile, name):
    folder, expected = hostile
    error, limit_name = expected[name]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(error) as caught:
            ingest(folder / name)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.limit == limit_name
    assert f"limit {limit_name} = " in caught.value.reason
    assert LIMITS[limit_name].env(limit_name) in caught.value.reason
    assert peak < 64 << 20, f"{peak / 2**20:.0f} MB of Python memory before refusing"
    assert seconds < 30


def test_a_batch_of_hostile_files_keeps_the_good_documents(hostile, tmp_path):
    folder, expected = hostile
    (folder / "good.txt").write_text(g.seed_text("hatinh-2016-kh496"), encoding="utf-8")
    try:
        report = run_refresh([str(folder)], str(tmp_path / "out"))
    finally:
        (folder / "good.txt").unlink()
    assert report.documents == ["hatinh-2016-kh496"]
    found = {Path(f.source).name: f.error_type for f in report.failures}
    assert found == {name: error.__name__ for name, (error, _) in expected.items()}


def test_each_limit_can_be_changed_by_its_environment_variable(monkeypatch, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(g.seed_text("daklak-2018-qd168"), encoding="utf-8")
    before = limits_signature()
    monkeypatch.setenv("VNPLAN_LIMIT_TEXT_BYTES", "1000")
    assert limit("text_bytes") == 1000 and limits_signature() != before
    with pytest.raises(errors.FileTooLargeError, match="VNPLAN_LIMIT_TEXT_BYTES"):
        ingest(path)
    monkeypatch.setenv("VNPLAN_LIMIT_TEXT_BYTES", "lots")
    with pytest.raises(ValueError, match="is not a number"):
        limit("text_bytes")


@pytest.mark.parametrize(("width", "height", "dpi"), [
    (595, 842, 300),  # A4 at full resolution
    (2384, 3370, 278),  # A0: lowered to fit page_pixels
])
def test_a_large_page_is_rendered_at_a_resolution_that_fits(width, height, dpi):
    assert render_dpi(width, height, "plan.pdf page 1", 300) == dpi


def test_a_multi_frame_image_past_the_page_limit_is_refused(monkeypatch, tmp_path):
    from PIL import Image

    frames = [Image.new("L", (200, 280), 255) for _ in range(3)]
    path = tmp_path / "scan.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    monkeypatch.setenv("VNPLAN_LIMIT_PAGES", "2")
    with pytest.raises(errors.TooManyPagesError, match="3 pages"):
        ingest(path)


@pytest.mark.ocr
def test_ocr_stops_when_the_documents_budget_is_spent(monkeypatch, tmp_path):
    from pipeline.ingest.ocr import tesseract_status

    if tesseract_status():
        pytest.skip(tesseract_status())
    sample = g.make_scanned_pdf(tmp_path, "scan.pdf", pages=3)
    monkeypatch.setenv("VNPLAN_LIMIT_OCR_SECONDS", "0.2")
    with pytest.raises(errors.OcrBudgetExceededError, match="ocr_seconds") as caught:
        ingest(sample.path)
    assert not getattr(caught.value, "transient", False)  # spent budget: no retry


def test_limit_errors_cross_process_boundaries_intact():
    import pickle

    error = errors.PageTooLargeError("a.pdf", "too large", "page_pixels")
    again = pickle.loads(pickle.dumps(error))
    assert (again.source, again.reason, again.limit) == ("a.pdf", "too large", "page_pixels")
    assert os.fspath("a.pdf") in str(again)
