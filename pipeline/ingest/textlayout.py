"""The layout a text file shows: its tables and the bold runs that hold a wrapped heading.

Five table syntaxes occur in the genre's text copies, and each becomes cells on a grid:

- tab rows: one row per line, cells separated by tabs ("1\tXây dựng …\tSở Nội vụ");
- one cell per line: each cell on its own line after a tab, rows between blank lines (a
  word processor's table pasted as text);
- pipes: a web copy's table, every cell between lines holding a single "|", a cell's text
  wrapped over lines, a row ending where two "|" lines meet ("|" / "1" / "|" / "Triển khai …" /
  "|" / "|" / "2" …). Letterheads and signature blocks are laid out so too;
- pipe rows: one row per line between "|"s ("| 1 | Rà soát … | Sở NN&PTNT | Quý II/2018 |"), as
  converters to Markdown and some portals write them; a "|---|---|" rule line is skipped;
- columns of spaces: a PDF's text layer saved as text (`spacedlayout.py`).

A bold run (`**…**`) that opens a line and closes at the end of a later line is one block: the
source wrapped a title inside one emphasis ("**VI. TỔ CHỨC" / "THỰC HIỆN**").
"""

from __future__ import annotations

import regex

from pipeline.ingest.spacedlayout import spaced_tables
from pipeline.model import Block, Cell, Layout, Table
from pipeline.vi.lines import Line, split_lines

# no "**" inside the run: "**QUYẾT ĐỊNH:**" then "**Điều 1. **Phê duyệt …" are runs of their own,
# not the start of one that closes lines later; a title wraps over a few lines at most
_BOLD_RUN = regex.compile(r"(?m)^[ \t]*\*\*(?!\s*\*\*)(?:(?!\*\*)[^\n])*"
                          r"(?:\n(?![ \t]*\n)(?:(?!\*\*)[^\n])*){1,4}?\*\*[ \t]*$")


def _trimmed(line: Line, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` of `line.text` without surrounding whitespace, in text offsets."""
    piece = line.text[start:end]
    a = start + len(piece) - len(piece.lstrip())
    b = start + len(piece.rstrip())
    return line.start + a, line.start + max(a, b)


def _is_pipe(line: Line) -> bool:
    return line.stripped == "|"


_MAX_CELL_LINES = 30  # a cell's text wraps over a few lines; a page of text is no cell
# an appendix title is never inside a table: after a signature table it opens the appendix
_APPENDIX_TITLE = regex.compile(r"^[*_\s]*(?:PHỤ LỤC|Phụ lục)\b")


def _pipe_table_end(lines: list[Line], i: int) -> int:
    """The last pipe line of the table whose first pipe line is `i`: the table runs while a
    pipe comes back soon enough (within a cell's length, and after a blank line only when the
    next line is a pipe)."""
    last = i
    k = i + 1
    while k < len(lines):
        if _is_pipe(lines[k]):
            last = k
        elif k == last + 1 and _APPENDIX_TITLE.match(lines[k].text):
            break
        elif not lines[k].stripped:
            if not (k + 1 < len(lines) and _is_pipe(lines[k + 1])):
                break
        elif k - last > _MAX_CELL_LINES:
            break
        k += 1
    return last


def pipe_tables(lines: list[Line]) -> list[tuple[Table, int, int]]:
    """Web-copy tables: (table, first line index, last line index)."""
    out = []
    i = 0
    while i < len(lines):
        if not _is_pipe(lines[i]):
            i += 1
            continue
        j = _pipe_table_end(lines, i)
        table = _pipe_grid(lines[i:j + 1])
        if table is not None:
            out.append((table, i, j))
        i = j + 1
    return out


def _pipe_grid(lines: list[Line]) -> Table | None:
    """Cells of a pipe table whose first and last lines are pipes."""
    rows: list[list[tuple[int, int]]] = [[]]
    content: list[Line] = []
    for k, line in enumerate(lines):
        if not _is_pipe(line):
            content.append(line)
            continue
        if content:
            first, last = content[0], content[-1]
            rows[-1].append((_trimmed(first, 0, len(first.text))[0],
                             _trimmed(last, 0, len(last.text))[1]))
            content = []
        elif k and _is_pipe(lines[k - 1]) and rows[-1]:
            rows.append([])  # two pipes meet: a new row
    rows = [r for r in rows if r]
    if not rows or sum(len(r) for r in rows) < 2:
        return None
    width = max(len(r) for r in rows)
    cells = []
    for r, row in enumerate(rows):
        for c, (s, e) in enumerate(row):
            span = width - c if c == len(row) - 1 and len(row) < width else 1
            cells.append(Cell(r, c, s, e, 1, span))
    return Table(lines[0].start, lines[-1].end, tuple(cells), source="pipes")


_PIPE_ROW = regex.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$")
_PIPE_RULE = regex.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")


def _is_pipe_row(line: Line) -> bool:
    """A line that opens and closes with "|" and holds at least two cells."""
    return bool(_PIPE_ROW.match(line.text)) and line.text.count("|") >= 3


def _pipe_row_cells(line: Line) -> list[tuple[int, int]]:
    bars = [k for k, ch in enumerate(line.text) if ch == "|"]
    return [_trimmed(line, a + 1, b) for a, b in zip(bars, bars[1:], strict=False)]


def pipe_row_tables(lines: list[Line], taken: set[int]) -> list[tuple[Table, int, int]]:
    """Runs of pipe rows: (table, first line index, last line index)."""
    out = []
    i = 0
    while i < len(lines):
        if i in taken or not _is_pipe_row(lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and j + 1 not in taken and _is_pipe_row(lines[j + 1]):
            j += 1
        rows = [_pipe_row_cells(ln) for ln in lines[i:j + 1] if not _PIPE_RULE.match(ln.text)]
        if rows:
            out.append((_grid(rows, lines[i].start, lines[j].end, "pipe-rows"), i, j))
        i = j + 1
    return out


def _tab_cells(line: Line) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in line.text.split("\t"):
        out.append(_trimmed(line, pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _is_tab_row(line: Line) -> bool:
    """A line with a tab between two pieces of text (not a lone cell after a tab)."""
    parts = [p for p in line.text.split("\t") if p.strip()]
    return len(parts) >= 2


def _is_cell_line(line: Line) -> bool:
    return line.text.startswith("\t") and line.text.count("\t") == 1 and bool(line.stripped)


def tab_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    """Runs of tab rows, and runs of one-cell lines grouped into rows by blank lines."""
    out: list[Table] = []
    i = 0
    while i < len(lines):
        if i in taken:
            i += 1
            continue
        if _is_tab_row(lines[i]):
            j = i
            while True:
                k = j + 1
                while k < len(lines) and not lines[k].stripped and k - j <= 2:
                    k += 1  # a blank line or two inside a table (a page break in the copy)
                if k < len(lines) and k not in taken and (
                        _is_tab_row(lines[k]) or "\t" in lines[k].text.strip(" ")):
                    j = k
                else:
                    break
            rows = [_tab_cells(ln) for ln in lines[i:j + 1] if ln.stripped]
            out.append(_grid(rows, lines[i].start, lines[j].end, "tabs"))
            i = j + 1
        elif _is_cell_line(lines[i]):
            rows, row, j = [], [], i
            while j < len(lines) and j not in taken and (
                    _is_cell_line(lines[j]) or not lines[j].stripped):
                if lines[j].stripped:
                    row.append(_trimmed(lines[j], 1, len(lines[j].text)))
                elif row:
                    rows.append(row)
                    row = []
                j += 1
            if row:
                rows.append(row)
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                end = max(e for r in rows for _, e in r)
                out.append(_grid(rows, lines[i].start, end, "cell-lines"))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _grid(rows: list[list[tuple[int, int]]], start: int, end: int, source: str) -> Table:
    cells = tuple(Cell(r, c, s, e) for r, row in enumerate(rows) for c, (s, e) in enumerate(row))
    return Table(start, end, cells, source=source)


def bold_blocks(text: str, tables: list[Table]) -> list[Block]:
    """Bold runs that wrap over lines outside tables: one block each (a heading candidate)."""
    out = []
    for m in _BOLD_RUN.finditer(text):
        if any(t.start <= m.start() < t.end for t in tables):
            continue
        out.append(Block(m.start(), m.end(), "heading", bold=True))
    return out


def _lines_of(found: list[tuple[Table, int, int]]) -> set[int]:
    return {k for _, i, j in found for k in range(i, j + 1)}


def text_layout(text: str) -> Layout:
    """The tables and wrapped bold runs of a text file."""
    lines = split_lines(text)
    found = pipe_tables(lines)
    found += pipe_row_tables(lines, _lines_of(found))
    taken = _lines_of(found)
    tables = [t for t, _, _ in found] + tab_tables(lines, taken)
    taken |= {ln.index for ln in lines for t in tables if t.start <= ln.start < t.end}
    tables += spaced_tables(lines, taken)
    tables.sort(key=lambda t: t.start)
    return Layout(bold_blocks(text, tables), tables)
