"""The document model keeps the structure the source shows, from ingest to the tables.

Three failures of the flattened-text pipeline are tests here, on documents generated in the
genre: a ruled task table whose narrow "STT" header wraps ("ST" / "T"), a heading wrapped inside
one bold run ("**VI. TỔ CHỨC" / "THỰC HIỆN**"), and a table run into the text whose header is
followed by no numbered row (it crashed the whole document).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from forms import make_docx, make_pdf

from extractors.tables import flat_tables
from pipeline.ingest import ingest
from pipeline.ingest.extracted import fold_cell
from pipeline.ingest.textlayout import text_layout
from pipeline.process import process_path

TASK_ROWS = [
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    ["1", "Xây dựng cơ sở dữ liệu đất đai dùng chung của tỉnh", "Sở Nông nghiệp và Môi trường",
     "Sở Tài chính", "Quý IV/2026"],
    ["2", "Triển khai hồ sơ sức khỏe điện tử cho người dân", "Sở Y tế",
     "Bảo hiểm xã hội tỉnh; UBND các xã, phường", "Năm 2027"],
    ["3", "Đào tạo kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ",
     "Các sở, ban, ngành", "Hằng năm"],
]


def plan_text(heading_lines: list[str], table: str = "") -> str:
    """A short plan in the genre: letterhead, objectives, implementation under a heading given
    as its lines, then an appendix table (in whatever text form `table` holds)."""
    body = "\n".join(heading_lines)
    return f"""ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 75/KH-UBND
Hà Giang, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Chuyển đổi số trong lĩnh vực nông nghiệp và y tế năm 2026

I. MỤC TIÊU

Đến hết năm 2026, 80% hồ sơ thủ tục hành chính được giải quyết trực tuyến.

{body}

1. Sở Nông nghiệp và Môi trường

a) Chủ trì, phối hợp với Sở Tài chính lập bản đồ số vùng trồng cây ăn quả.

b) Hướng dẫn các xã, phường cập nhật dữ liệu nông nghiệp.

2. Sở Y tế

Chủ trì triển khai bệnh án điện tử tại bệnh viện tuyến tỉnh; phối hợp với Bảo hiểm
xã hội tỉnh kết nối dữ liệu khám chữa bệnh.

{table}"""


def pipe_table(rows: list[list[str]], wrap_header: bool = False) -> str:
    """A web copy's table: every cell between "|" lines, "||" between rows."""
    out = []
    for r, row in enumerate(rows):
        for cell in row:
            out.append("|")
            text = cell
            if r == 0 and wrap_header:
                text = {"STT": "**ST\nT**", "Cơ quan chủ trì": "**Cơ quan chủ\ntrì**"}.get(
                    cell, f"**{cell}**")
            out.append(text)
        out.append("|")
    return "\n".join(out) + "\n"


def agencies(doc) -> set[tuple[str, str]]:
    return {(a.agency, a.role) for a in doc.assignments}


# ----- the wrapped "ST T" header ---------------------------------------------------------

def test_a_narrow_header_broken_mid_word_is_read_whole():
    assert fold_cell("S\nT\nT") == "STT"
    assert fold_cell("Cơ quan chủ\ntrì") == "Cơ quan chủ trì"
    assert fold_cell("Quý\nIV/2026") == "Quý IV/2026"
    assert fold_cell("201\n7") == "2017"


@pytest.fixture(scope="module")
def wrapped_header_pdf(workdir: Path) -> Path:
    """A plan whose appendix is a ruled table with a column too narrow for "STT"."""
    text = plan_text(["**V. TỔ CHỨC THỰC HIỆN**"], "\n".join("\t".join(r) for r in TASK_ROWS))
    return make_pdf(text, workdir / "wrapped_header.pdf")


def test_a_ruled_table_with_a_wrapped_stt_header_gives_its_rows(wrapped_header_pdf: Path):
    doc = process_path(wrapped_header_pdf).document
    table = doc.layout.tables[0]
    assert table.texts(doc.text)[0][0] == "STT"
    rows = [a for a in doc.assignments if a.method == "table"]
    assert {(a.agency, a.role) for a in rows} >= {
        ("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "partner"),
        ("Sở Y tế", "lead"), ("Bảo hiểm xã hội tỉnh", "partner"), ("Sở Nội vụ", "lead"),
        ("Các sở, ban, ngành", "partner")}
    due = {a.agency: a.due_end for a in rows if a.role == "lead"}
    assert due["Sở Nông nghiệp và Môi trường"] == "2026-12-31"


def test_a_web_copy_table_with_headers_wrapped_inside_bold_gives_its_rows(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(["**V. TỔ CHỨC THỰC HIỆN**"], pipe_table(TASK_ROWS, True)),
                    encoding="utf-8")
    doc = process_path(path).document
    rows = [a for a in doc.assignments if a.method == "table"]
    assert len({a.task for a in rows}) == 3
    assert ("Sở Y tế", "lead") in {(a.agency, a.role) for a in rows}
    assert "\t" in doc.text and "|" not in doc.text.split("PHỤ LỤC")[-1]


@pytest.mark.parametrize("rule", [False, True])
def test_a_table_of_pipe_rows_gives_its_rows(tmp_path: Path, rule: bool):
    # one row per line between "|"s, as Markdown converters and some portals write them
    lines = ["| " + " | ".join(f"**{c}**" for c in TASK_ROWS[0]) + " |"]
    if rule:
        lines.append("|" + "---|" * len(TASK_ROWS[0]))
    lines += ["| " + " | ".join(row) + " |" for row in TASK_ROWS[1:]]
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(["V. TỔ CHỨC THỰC HIỆN"], "\n".join(lines) + "\n"),
                    encoding="utf-8")
    doc = process_path(path).document
    assert [(t.source, t.n_rows) for t in doc.layout.tables] == [("pipe-rows", 4)]
    rows = [a for a in doc.assignments if a.method == "table"]
    assert len({a.task for a in rows}) == 3
    assert {("Sở Y tế", "lead"), ("Bảo hiểm xã hội tỉnh", "partner"),
            ("Sở Nội vụ", "lead")} <= {(a.agency, a.role) for a in rows}


def test_a_web_copy_with_pipe_row_letterhead_is_no_speckled_scan(tmp_path: Path):
    # the "|"s of a letterhead and a signature laid out as pipe rows are table layout, not
    # specks: counted as specks they made the cleaner read the semicolons as commas
    text = ("| **ỦY BAN NHÂN DÂN** **PHƯỜNG HỒNG BÀNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA** |\n"
            "| Số: 21/KH-UBND | *Hồng Bàng, ngày 16 tháng 01 năm 2026* |\n\n"
            "**KẾ HOẠCH**\n\n**Triển khai phát triển nhà ở xã hội năm 2026**\n\n"
            "**I. TỔ CHỨC THỰC HIỆN**\n\n"
            + "Phòng Kinh tế chủ trì tham mưu UBND phường triển khai Kế hoạch; theo dõi, đôn đốc "
              "việc thực hiện của các cơ quan, đơn vị; báo cáo kết quả hằng quý.\n\n" * 3
            + "| ***Nơi nhận:*** - Sở Xây dựng; - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN** |\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = process_path(path).document
    assert doc.text.count("Kế hoạch; theo dõi") == 3
    assert "|" not in doc.text


# ----- the heading wrapped inside one bold run ------------------------------------------

@pytest.mark.parametrize("heading", [
    ["**VI. TỔ CHỨC", "THỰC HIỆN**"],
    ["**VI. TỔ CHỨC THỰC", "HIỆN**"],
    ["VI. TỔ CHỨC THỰC HIỆN"],
])
def test_a_heading_wrapped_inside_bold_keeps_its_section(tmp_path: Path, heading: list[str]):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(heading), encoding="utf-8")
    doc = process_path(path).document
    sec = [s for s in doc.sections if s.number == "VI"]
    assert [(s.heading, s.label) for s in sec] == [("TỔ CHỨC THỰC HIỆN", "TO_CHUC_THUC_HIEN")]
    assert agencies(doc) >= {("Sở Nông nghiệp và Môi trường", "lead"),
                             ("Sở Tài chính", "partner"), ("Sở Y tế", "lead")}


def test_the_bold_run_of_a_wrapped_heading_is_one_block():
    text = "Mở đầu.\n\n**VI. TỔ CHỨC\nTHỰC HIỆN**\n\nNội dung.\n"
    layout = text_layout(text)
    assert [text[b.start:b.end] for b in layout.blocks] == ["**VI. TỔ CHỨC\nTHỰC HIỆN**"]


# ----- one odd table never loses a document ---------------------------------------------

def test_a_run_in_table_header_with_no_numbered_row_does_not_crash():
    text = "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành Ghi chú hết."
    assert flat_tables._row_spans(text, 0, len(text)) == []


def test_a_table_that_breaks_a_reader_is_reported_and_the_rest_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from extractors.tables import task_table

    def broken(*_args, **_kwargs):
        raise ValueError("cells out of order")

    monkeypatch.setattr(task_table, "_rows", broken)
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(["V. TỔ CHỨC THỰC HIỆN"], pipe_table(TASK_ROWS)),
                    encoding="utf-8")
    outcome = process_path(path)
    doc = outcome.document
    assert outcome.failure is None
    assert [(p.stage, p.error_type) for p in doc.problems] == [("extract", "ValueError")]
    assert "table of" in doc.problems[0].message and "cells out of order" in doc.problems[0].message
    assert doc.targets and ("Sở Y tế", "lead") in agencies(doc)  # the text is still read


# ----- the same tables from text and DOCX -----------------------------------------------

def test_docx_tables_arrive_as_cells_with_merged_cells_spanning(tmp_path: Path):
    rows = [*TASK_ROWS[:2], ["II. NHÓM NHIỆM VỤ Y TẾ"], TASK_ROWS[2]]
    text = plan_text(["V. TỔ CHỨC THỰC HIỆN"], "\n".join("\t".join(r) for r in rows))
    path = make_docx(text, tmp_path / "plan.docx")
    doc = ingest(path)
    table = doc.ingested.tables[0]
    assert table.n_cols == 5 and table.source == "docx"
    assert doc.raw_text.count("\t") >= 3 * 4


def test_page_of_every_row_holds_its_evidence(wrapped_header_pdf: Path):
    doc = process_path(wrapped_header_pdf).document
    rows = [*doc.targets, *doc.assignments, *doc.sections]
    assert rows and all(r.page is not None for r in rows)
    for r in [*doc.targets, *doc.assignments]:
        page = doc.pages[r.page - 1]
        assert page.start <= r.source_start < page.end
        assert doc.text[r.start:r.end].split()[0] in doc.raw_text[page.start:page.end]
