"""Targets in tables: planned values per year, and the time column of a task row.

Tables reach the extractor as the document model's cells (pipeline/model/layout.py), whatever
the source (PDF grid, DOCX, a web copy's pipes, tab rows). Columns are told by what their
headers say, read without exact wording and across header rows that wrap ("Kế hoạch" over
"2026", "2027"): planned values ("kế hoạch", "mục tiêu", "chỉ tiêu", "định hướng", a target
year), baselines ("thực hiện năm 2024", "hiện trạng", "ước đạt"), the indicator, its unit.
"""

from __future__ import annotations

import regex

from extractors.targets.restated import row_year
from pipeline.model import Cell, Table

TIME_CELL = regex.compile(
    r"^(?:(?:năm|giai\s+đoạn|quý|quí|tháng)\s+[\wIVX/]*\s*)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$",
    regex.I,
)


def _cell_text(text: str, cell: Cell) -> str:
    return " ".join(text[cell.start : cell.end].replace("**", "").split())


def cell_at(tables: list[Table], pos: int) -> tuple[Table, Cell] | None:
    """The table and cell holding offset `pos`, if any."""
    for table in tables:
        if not table.start <= pos < table.end:
            continue
        for cell in table.cells:
            if cell.start <= pos < cell.end:
                return table, cell
    return None


def row_time(text: str, tables: list[Table], pos: int) -> tuple[int, int | None] | None:
    """(year, period start) of the time cell in the table row holding `pos` ("Năm 2025-2030",
    "Quý II/2019", "2026"): an appendix row's completion time dates the targets its other
    cells state (ANNOTATION §2, `year`)."""
    found = cell_at(tables, pos)
    if found is None:
        return None
    table, here = found
    for cell in table.cells:
        if cell.row != here.row or cell is here:
            continue
        words = _cell_text(text, cell)
        if len(words) <= 30 and TIME_CELL.match(words):
            return row_year(words)
    return None
