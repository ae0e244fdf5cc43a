"""What a scan does to a plan's structure, and how it is read back: tables whose rules a
slightly skewed page breaks into pieces, cell words whose tops differ by an accent, rule debris,
row numbers misread, heading numerals that lose a dot or a stroke, and a heading marker that a
typeset copy of a flattened text wraps onto the end of a paragraph. Built from generated
images and texts in the genre, not from one document's strings."""

from __future__ import annotations

import numpy as np

from pipeline.clean import breaks, structure
from pipeline.clean.context import CleanContext
from pipeline.ingest.ocrlayout import Word, _cell_text, ruled_grids
from pipeline.model import Box, Cell, Table
from pipeline.offsets import apply_edits


def _ocr(text: str, step) -> str:
    return apply_edits(text, step(text, CleanContext.create(origin="ocr")))[0]


def _skewed_grid(rows: int, cols: int, drift: int = 8) -> np.ndarray:
    """A white page with a ruled grid whose every rule is drawn as two pieces `drift` pixels
    apart, as a page scanned a fraction of a degree askew gives them."""
    page = np.full((1200, 1600), 255, dtype=np.uint8)
    ys = [100 + 150 * r for r in range(rows + 1)]
    xs = [100 + 400 * c for c in range(cols + 1)]
    for i, y in enumerate(ys):
        shift = drift if i % 2 else 0
        page[y:y + 3, xs[0]:(xs[0] + xs[-1]) // 2] = 0
        page[y + shift:y + shift + 3, (xs[0] + xs[-1]) // 2:xs[-1] + 3] = 0
    for j, x in enumerate(xs):
        shift = drift if j % 2 else 0
        page[ys[0]:(ys[0] + ys[-1]) // 2, x:x + 3] = 0
        page[(ys[0] + ys[-1]) // 2:ys[-1] + 3, x + shift:x + shift + 3] = 0
    return page


def test_a_grid_scanned_askew_is_one_table_of_single_cells():
    [grid] = ruled_grids(_skewed_grid(rows=4, cols=3))
    assert (len(grid.ys), len(grid.xs)) == (5, 4)  # no sliver rows or columns from the pieces
    cells = grid.cells()
    assert len(cells) == 12 and all(rs == cs == 1 for _, _, rs, cs, _ in cells)


def _word(text: str, x0: int, top: int, bottom: int, conf: float = 90.0) -> Word:
    return Word(text, Box(x0, top, x0 + 40 * len(text), bottom), (1, 1, 1), conf)


def test_cell_words_keep_their_line_whatever_their_accents():
    # "Quản" and "tịch" reach higher than "lý" and "hộ": by tops alone the line breaks apart
    words = [_word("lý", 260, 112, 150), _word("Quản", 100, 96, 150),
             _word("tịch", 500, 100, 158), _word("hộ", 380, 104, 150),
             _word("bảo", 100, 170, 210), _word("hiểm", 260, 168, 212)]
    assert _cell_text(words) == "Quản lý hộ tịch\nbảo hiểm"


def test_rule_debris_is_dropped_from_a_cell_but_low_confidence_words_stay():
    words = [_word("Sở", 100, 100, 140), _word("¬", 60, 110, 130, conf=20),
             _word("Tư", 200, 100, 140, conf=40), _word("pháp", 300, 100, 140)]
    assert _cell_text(words) == "Sở Tư pháp"


def test_a_drawn_grid_row_is_a_duty_of_its_own_whatever_its_number_cell_reads():
    from extractors.mentions.agencies import find_agencies
    from extractors.tables.task_table import model_task_rows

    rows = [("TT", "Hệ thống thông tin", "Đơn vị chủ trì"),
            ("1", "Quản lý văn bản điều hành", "Sở Nội vụ"),
            ("C2", "Quản lý hộ tịch", "Sở Tư pháp"),  # "2" misread
            ("", "Quản lý đất đai", "Sở Tài nguyên và Môi trường")]  # the number lost
    text, cells, pos = "", [], 0
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cells.append(Cell(r, c, pos, pos + len(value)))
            text += value + ("\t" if c < len(row) - 1 else "\n")
            pos = len(text)
    table = Table(0, len(text), tuple(cells), source="ocr")
    got = model_task_rows(text, [table], find_agencies(text))
    assert [[name for name, _ in row.leads] for row in got] == [
        ["Sở Nội vụ"], ["Sở Tư pháp"], ["Sở Tài nguyên và Môi trường"]]


def test_heading_numerals_get_back_a_lost_dot_and_a_lost_stroke():
    text = ("I. MỤC TIÊU\nNội dung.\nII KHÁI QUÁT VỀ TÌNH HÌNH\nNội dung.\n"
            "II. NHIỆM VỤ, GIẢI PHÁP\nNội dung.\nIV. TỔ CHỨC THỰC HIỆN\n")
    out = _ocr(text, structure.edits)
    assert "\nII. KHÁI QUÁT" in out and "\nIII. NHIỆM VỤ" in out
    # capitals that only look like numerals, with nothing around them, stay
    assert _ocr("CV SỐ 12 GỬI CÁC SỞ\nXI MĂNG BỈM SƠN\n", structure.edits) == \
        "CV SỐ 12 GỬI CÁC SỞ\nXI MĂNG BỈM SƠN\n"


def test_a_heading_marker_wrapped_to_a_paragraph_end_starts_its_line_again():
    body = "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện như sau " * 40
    aim = "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước. " * 12
    text = (body + "như sau: I.\nMỤC TIÊU 1. Mục tiêu chung " + aim
            + "2. Mục tiêu cụ thể a) Tập trung đẩy mạnh cải cách hành chính.\n")
    out = _ocr(text, breaks.edits)
    assert "như sau:\nI. MỤC TIÊU\n1. Mục tiêu chung\n" in out
    assert "\n2. Mục tiêu cụ thể\n" in out
