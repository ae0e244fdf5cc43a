"""Document ids and signers through the whole pipeline, from files: a generated plan typed as a
text file, typeset as a born-digital PDF and a Word document (the letterhead and signature
block as two-column tables), and scanned; the eight plans of the development set as published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from forms import make_docx, make_pdf, make_scan
from letterheads import Letter, side_by_side
from test_metadata import BODY, DEVSET, DEVSET_IDS, needs_devset

from pipeline.ingest.ocr import tesseract_status
from pipeline.process import process_path

PLANS = {
    "quangtri-2022-kh2034": Letter(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"), "2034/KH-UBND",
                                   "Quảng Trị", (5, 5, 2022),
                                   title=("Chuyển đổi số tỉnh Quảng Trị năm 2022",), body=BODY),
    "hochiminh-2025-qd2820": Letter(("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"), "2820/QĐ-UBND",
                                    "Thành phố Hồ Chí Minh", (19, 11, 2025), "QUYẾT ĐỊNH",
                                    ("Ban hành Kế hoạch phát triển hạ tầng số giai đoạn 2026 - "
                                     "2030",), BODY),
    "vietnam-2025-qd2629": Letter(("THỦ TƯỚNG CHÍNH PHỦ",), "2629/QĐ-TTg", "Hà Nội",
                                  (1, 12, 2025), "QUYẾT ĐỊNH", ("Phê duyệt Chương trình phát "
                                                                "triển Chính phủ số",), BODY,
                                  ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"), "Nguyễn Chí Dũng"),
}


def _write_text(text: str, path: Path) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


WRITERS = {"txt": _write_text, "docx": make_docx, "pdf": make_pdf}


def _check(path: Path, doc_id: str) -> None:
    outcome = process_path(path)
    assert outcome.failure is None
    doc = outcome.document
    assert doc.doc_id == doc_id
    assert doc.meta.signer == PLANS[doc_id].signer


@pytest.mark.parametrize("form", WRITERS)
@pytest.mark.parametrize("doc_id", PLANS)
def test_doc_id_and_signer_from_each_file_form(workdir: Path, doc_id: str, form: str):
    path = workdir / f"renamed-{doc_id[:6]}.{form}"  # the file name must not help
    WRITERS[form](side_by_side(PLANS[doc_id]), path)
    _check(path, doc_id)


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(tesseract_status() is not None, reason="needs tesseract vie")
def test_doc_id_and_signer_from_a_scan(workdir: Path):
    pdf = make_pdf(side_by_side(PLANS["hochiminh-2025-qd2820"]), workdir / "typeset.pdf")
    _check(make_scan(pdf, workdir / "scanned.pdf"), "hochiminh-2025-qd2820")


@pytest.mark.slow
@needs_devset
def test_devset_ids_through_the_pipeline():
    found = {source: process_path(DEVSET / "docs" / source).document.doc_id
             for source in sorted(DEVSET_IDS)}
    assert found == DEVSET_IDS
