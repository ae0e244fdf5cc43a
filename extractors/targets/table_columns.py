"""The layout of a table of planned values: header rows, and what each column (or row) holds.

A table of indicators sets one value per indicator and year: "STT | Chỉ tiêu | Đơn vị tính |
Thực hiện năm 2022 | Kế hoạch 2023 | 2024 | 2025". Its headers wrap over rows ("Kế hoạch" over
"2023", "2024", "2025"), and a web copy loses the spans ("Kế hoạch" is one cell, the years three
cells of the next row), so a column's header is every header cell above it, read together, and
a sub-header row that is shorter than the table is placed under the spanning cells above it.
Each column is then told by what its header says (data/target_cues.yaml, `table_headers`):
index, indicator, unit, baseline (a figure already reached), plan (a value to reach, with its
year), or other (times, agencies, notes). A table written the other way round, one row per
year ("2026 | 44,8 | 1.700"), is read with rows and columns swapped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.targets.cues import cues, fold
from extractors.targets.numbers import NUMBER_RE
from pipeline.model import Cell, Table

YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)")
MAX_HEADER_ROWS = 4


@dataclass
class Line:
    """One column of a table (or one row of a transposed table): its position, header text,
    role, and the year (and period start) its values are for."""

    index: int
    header: str
    role: str
    year: int | None = None
    period: int | None = None


def cell_text(text: str, cell: Cell) -> str:
    """A cell's words on one line, without bold markers."""
    return " ".join(text[cell.start : cell.end].replace("**", "").split())


def is_value(words: str) -> bool:
    """True for a cell that states a figure ("28,5", "≥ 95%", "Trên 90", "30 - 35"): a number
    that is not a year, with at most a few words around it ("Năm 2025 - 2026" is a time)."""
    m = NUMBER_RE.search(words)
    if m is None or len(words) > 24 or len(regex.findall(r"[\p{L}]{2,}", words)) > 2:
        return False
    return not YEAR.fullmatch(m["a"]) or bool(m["ap"])


def grid(table: Table) -> list[list[Cell | None]]:
    """Rows of the table with each column filled by the cell that covers it (spans repeated)."""
    rows: list[list[Cell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                rows[r][c] = cell
    return rows


def _is_body(text: str, row: list[Cell | None]) -> bool:
    cells = _distinct(row)
    return sum(is_value(cell_text(text, c)) for c in cells[1:]) >= 1 and len(cells) >= 3


def _distinct(row: list[Cell | None]) -> list[Cell]:
    out: list[Cell] = []
    for cell in row:
        if cell is not None and (not out or out[-1] is not cell):
            out.append(cell)
    return out


def header_rows(text: str, rows: list[list[Cell | None]]) -> int:
    """How many rows at the top are headers: those before the first row stating figures."""
    for i, row in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        if _is_body(text, row):
            return i
    return 0


def column_headers(text: str, table: Table, rows: list[list[Cell | None]], n: int) -> list[str]:
    """Each column's header: the header cells above it read top to bottom. A header row with
    fewer cells than the table, under a row whose cells span several columns (a web copy's
    "Kế hoạch" over "2023 | 2024 | 2025"), is placed under those spanning cells."""
    width = table.n_cols
    heads = [[] for _ in range(width)]
    placed: list[list[Cell | None]] = [list(r) for r in rows[:n]]
    for r in range(1, n):
        own = [c for c in table.cells if c.row == r]
        spanning = [c for c in _distinct(placed[r - 1]) if c.col_span > 1]
        cols = [col for c in spanning for col in range(c.col, c.col + c.col_span)]
        if table.source == "pipes" and own and len(own) < width and len(own) == len(cols):
            placed[r] = [None] * width
            for cell, col in zip(sorted(own, key=lambda c: c.col), cols, strict=True):
                placed[r][col] = cell
    for row in placed:
        for col, cell in enumerate(row):
            if cell is not None and (not heads[col] or heads[col][-1] is not cell):
                heads[col].append(cell)
    return [" ".join(cell_text(text, c) for c in cells) for cells in heads]


@lru_cache(maxsize=1)
def _header_words() -> dict[str, regex.Pattern]:
    out = {}
    for role, words in cues()["table_headers"].items():
        alternation = "|".join(regex.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
        out[role] = regex.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return out


def _years(header: str) -> tuple[int | None, int | None]:
    """(year, period start) a header names: its last year, a range giving both."""
    found = YEAR.findall(header)
    if not found:
        return None, None
    first, last = found[-1]
    return (int(last), int(first)) if last else (int(first), None)


def role_of(header: str, signed: int | None) -> tuple[str, int | None, int | None]:
    """(role, year, period start) of a column or row from its header text."""
    words = fold(header)
    found = {role: rx.search(words) for role, rx in _header_words().items()}
    year, period = _years(header)
    if found["index"] and len(words) <= 12:
        return "index", None, None
    if found["unit"] and len(words) <= 16:
        return "unit", None, None
    if found["other"]:
        return "other", None, None
    if found["baseline"]:
        return "baseline", year, period
    if year and (found["plan"] or signed is None or year >= signed):
        return "plan", year, period
    if year:
        return "baseline", year, period
    if found["plan"] and not found["indicator"]:
        return "plan", None, None
    if found["indicator"]:
        return "indicator", None, None
    return "other", None, None


def classify(headers: list[str], signed: int | None) -> list[Line]:
    """Lines (columns) with their roles; the indicator is the first text column when no header
    names one."""
    lines = [Line(i, h, *role_of(h, signed)) for i, h in enumerate(headers)]
    if not any(x.role == "indicator" for x in lines):
        spare = [x for x in lines if x.role == "other" and x.header]
        if spare:
            spare[0].role = "indicator"
    return lines
