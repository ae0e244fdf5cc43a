"""Tables a text file lays out in columns of spaces (pipeline/ingest/spacedlayout.py)."""

from __future__ import annotations

from extractors.targets.extract import extract_targets
from pipeline.ingest.textlayout import text_layout
from pipeline.model import DocumentMeta

TABLE = (
    "II. MỤC TIÊU\n"
    "        Bảng: Chỉ tiêu phát triển giai đoạn 2024 - 2026\n"
    "\n"
    " TT   Chỉ tiêu                              Đơn vị     Ước thực hiện   Kế hoạch    Kế hoạch\n"
    "                                            tính       năm 2023        năm 2024    năm 2026\n"
    " 1    Tỷ lệ hộ dân được sử dụng nước sạch   %               82,5          85,0        90\n"
    " 2    Số trạm y tế xã đạt chuẩn quốc gia    Trạm            41            45          52\n"
    " 3    Thu nhập bình quân đầu người          Triệu đồng/     48,2          52,0        60,0\n"
    "                                            người/năm\n"
    "\n"
    "III. NHIỆM VỤ\n"
)

JUSTIFIED = (
    "Các  sở, ban,  ngành tăng cường  công tác  phối hợp, kiểm tra  việc thực hiện\n"
    "kế hoạch;  báo cáo  kết quả  định kỳ  hằng quý về Sở  Nội vụ  để tổng hợp,\n"
    "báo cáo  UBND tỉnh  theo quy định;  đồng thời  đề xuất  các giải pháp  phù hợp.\n"
)


def test_columns_of_spaces_are_a_grid_one_row_a_line():
    tables = text_layout(TABLE).tables
    assert [(t.source, t.n_rows, t.n_cols) for t in tables] == [("spaced", 6, 6)]
    rows = [[(c.col, TABLE[c.start:c.end]) for c in row] for row in tables[0].rows()]
    assert rows[1] == [(2, "tính"), (3, "năm 2023"), (4, "năm 2024"), (5, "năm 2026")]
    assert rows[3][-1] == (5, "52")
    assert rows[5] == [(2, "người/năm")]


def test_a_justified_paragraph_is_no_table():
    assert text_layout(JUSTIFIED).tables == []


def test_planned_values_of_a_spaced_table_are_targets_by_year():
    tables = text_layout(TABLE).tables
    got = sorted((t.value, t.unit, t.year) for t in extract_targets(TABLE, [], DocumentMeta(),
                                                                   tables))
    assert got == [(45, "count", 2024), (52, "count", 2026), (85, "%", 2024), (90, "%", 2026),
                   (52_000_000, "VND", 2024), (60_000_000, "VND", 2026)]


def test_body_text_right_under_a_table_is_no_row_of_it():
    text = TABLE.replace("người/năm\n\nIII", "người/năm\nIII") + (
        "1. Sở Y tế chủ trì nâng cấp 10 trạm y tế xã.\n"
        "     - 100% cán bộ y tế xã được tập huấn.\n")
    (table,) = text_layout(text).tables
    assert text[table.start:table.end].endswith("người/năm")

