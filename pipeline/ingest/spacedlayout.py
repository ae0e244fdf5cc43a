"""Tables a text file lays out in columns of spaces: a PDF's text layer saved as text.

`pdftotext -layout` and the "save as text" of PDF viewers print a table line by line, its
columns kept apart by runs of spaces at the same character positions on every line:

     TT   Chỉ tiêu                          Đơn vị      Thực hiện    Kế hoạch
                                            tính        năm 2021     năm 2023
     1    Thu nhập bình quân của người DTTS Triệu đồng/    24,5         30,0
                                            người/năm

A run of at least `MIN_ROWS` lines with fragments (two spaces or more between them) in
`MIN_COLUMNS` columns or more, and the lines between them whose fragments all start on one of
its columns, is one table. A column starts where a fragment starts that no fragment of another
line runs across, so a centred header or a right-aligned figure, inside the span of its
column's widest cell, starts none of its own; each fragment goes to the column it starts in.
Each printed line is one grid row, so a header or a cell that wraps is a second row with cells
in the same columns: readers combine header rows top to bottom, and a wrapped cell's second
line states no figure of its own. Task tables laid out so are left to
`extractors/tables/spaced_tables.py`, which reads their interleaved wrapped cells.
"""

from __future__ import annotations

import regex

from pipeline.model import Cell, Table
from pipeline.vi.lines import Line, starts_with_marker

_FRAGMENT = regex.compile(r"\S+(?: \S+)*")
MIN_COLUMNS = 3
MIN_ROWS = 3
ALIGN = 3  # characters a wrapped cell's line may start off its column


def _fragments(line: Line) -> list[tuple[int, int]]:
    """(start, end) of the pieces of a line that runs of two spaces or more separate, as
    character positions in the line."""
    return [m.span() for m in _FRAGMENT.finditer(line.text)]


def _wide(line: Line) -> bool:
    return "\t" not in line.text and len(_fragments(line)) >= MIN_COLUMNS


class _Columns:
    """Where columns start, kept as a run of lines grows: the positions where a fragment of a
    wide line starts and no fragment of a wide line runs across, so a centred header or a
    right-aligned figure (inside the span of its column's widest cell) starts no column of its
    own. Each line is added once, so a long run costs its length, not its square."""

    def __init__(self) -> None:
        self.starts: set[int] = set()
        self.crossed: set[int] = set()

    def add(self, line: Line) -> None:
        if _wide(line):
            for s, e in _fragments(line):
                self.starts.add(s)
                self.crossed.update(range(s + 1, e))

    def now(self) -> list[int]:
        return sorted(self.starts - self.crossed)


def _column_of(columns: list[int], start: int) -> int:
    """The column a fragment starting at `start` belongs to: the last one starting at or
    before it (give or take `ALIGN`), the first for a fragment left of every column."""
    found = 0
    for k, col in enumerate(columns):
        if col <= start + ALIGN:
            found = k
    return found


MAX_WRAPPED = 2  # lines in a row a wrapped cell may take before the run is body text again


def _aligned(line: Line, columns: list[int]) -> bool:
    """True for a line whose fragments all start on a column after the first: a wrapped cell's
    second line. A line at the first column, or opening with a list marker or a heading
    number, is the body text after the table ("III. NHIỆM VỤ", "- 100% cán bộ …")."""
    frags = _fragments(line)
    return (bool(frags) and not starts_with_marker(line.text)
            and all(any(abs(s - col) <= ALIGN for col in columns[1:]) for s, _ in frags))


def _table(lines: list[Line], columns: list[int]) -> Table:
    cells: list[Cell] = []
    for r, line in enumerate(lines):
        by_col: dict[int, tuple[int, int]] = {}
        for s, e in _fragments(line):
            k = _column_of(columns, s)
            a, b = by_col.get(k, (s, e))
            by_col[k] = (min(a, s), max(b, e))
        cells += [Cell(r, k, line.start + s, line.start + e)
                  for k, (s, e) in sorted(by_col.items())]
    return Table(lines[0].start, lines[-1].end, tuple(cells), source="spaced")


def spaced_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    """Tables laid out in columns of spaces (module docstring), outside the lines `taken`."""
    out: list[Table] = []
    i = 0
    while i < len(lines):
        if i in taken or not _wide(lines[i]):
            i += 1
            continue
        j, wrapped = i, 0
        run = [lines[i]]
        found = _Columns()
        found.add(lines[i])
        while j + 1 < len(lines) and j + 1 not in taken and not lines[j + 1].blank:
            nxt = lines[j + 1]
            wrapped = 0 if _wide(nxt) else wrapped + 1
            if wrapped > MAX_WRAPPED or (wrapped and not _aligned(nxt, found.now())):
                break
            run.append(nxt)
            found.add(nxt)
            j += 1
        while len(run) > 1 and not _wide(run[-1]) and not _aligned(run[-1], found.now()):
            run.pop()
        columns = found.now()
        if len(columns) >= MIN_COLUMNS and sum(_on_columns(ln, columns) for ln in run) >= MIN_ROWS:
            out.append(_table(run, columns))
            i += len(run)
        else:
            i += 1  # a wide caption over a table is no row of it: try from the next line
    return out


def _on_columns(line: Line, columns: list[int]) -> bool:
    """True for a line with fragments in `MIN_COLUMNS` columns or more: a table row."""
    return len({_column_of(columns, s) for s, _ in _fragments(line)}) >= MIN_COLUMNS
