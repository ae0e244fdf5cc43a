"""Task rows from the tables of the document model: cells on a grid, whatever the source.

A ruled PDF table, a DOCX table, a web copy's pipe table and a text file's tab rows all reach
here as `Table`s of `Cell`s with spans. The header (one row, or two when a merged "Cơ quan" sits
above "Chủ trì | Phối hợp") names the columns (`columns.column_kind`); without one, the cells'
content does (`columns.content_kinds`). A body cell takes the kind of the columns it covers, so a
grid widened by slightly misaligned rules or merged cells still lines up. A row with no row
number continues the row above (a cell wrapped past a page or typed on a row of its own); a row
whose one cell spans the table is a group title. A table with no header right after a task table
of the same width continues it (a table broken by a page).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.mentions.agencies import AgencyMention, find_agencies
from extractors.mentions.deadlines import parse_deadline
from extractors.tables.columns import column_kind, content_kinds, is_stt
from extractors.tables.rows import Cell as Span
from extractors.tables.rows import Report, TableRow, guarded
from extractors.tables.text_rows import to_task_row
from pipeline.model import Cell, Table

_NEEDED = ({"task", "lead"}, {"task", "partner"})
_MAX_HEADER_ROWS = 2
_MAX_HEADER_CELL = 80  # characters: a header names a column, it does not state a task
_MIN_HEADERLESS_ROWS = 2
_MAX_TIME_CELL = 50  # a completion time is short; a cited decision with its date is not one


@dataclass(frozen=True)
class Columns:
    """The kind of each grid column of a table (None: a column that holds nothing we read),
    and, for a table read from a page, each column's horizontal extent."""

    kinds: tuple[str | None, ...]
    extents: tuple[tuple[float, float] | None, ...] = ()

    def kind_of(self, cell: Cell) -> str | None:
        """The kind of the columns a cell covers; None when it covers none or several."""
        found = {k for k in self.kinds[cell.col:cell.col + cell.col_span] if k}
        return found.pop() if len(found) == 1 else None

    @property
    def usable(self) -> bool:
        """True if the columns give tasks and agencies."""
        have = set(self.kinds)
        return any(need <= have for need in _NEEDED)

    def placed(self, table: Table) -> Columns:
        """These columns on another table of the same layout (the part of a table a page
        break cut off): by horizontal overlap where both have boxes, else by position."""
        if not self.extents or not all(c.box for c in table.cells):
            return self
        kinds: list[str | None] = []
        extents = _extents(table)
        for extent in extents:
            overlap = [(min(extent[1], e[1]) - max(extent[0], e[0]), k)
                       for e, k in zip(self.extents, self.kinds, strict=True) if e and extent]
            best = max(overlap, key=lambda o: o[0], default=(0.0, None))
            kinds.append(best[1] if best[0] > 0 else None)
        return Columns(tuple(kinds), extents)


def _extents(table: Table) -> tuple[tuple[float, float] | None, ...]:
    """Each grid column's horizontal extent, from the cells that fill exactly that column."""
    out: list[tuple[float, float] | None] = []
    for j in range(table.n_cols):
        boxes = [c.box for c in table.cells if c.col == j and c.col_span == 1 and c.box]
        out.append((min(b.x0 for b in boxes), max(b.x1 for b in boxes)) if boxes else None)
    return tuple(out)


def _cell_text(text: str, cell: Cell) -> str:
    return " ".join(text[cell.start:cell.end].split())


def _header_columns(text: str, table: Table, rows: int) -> Columns | None:
    """Columns named by the first `rows` rows, their texts joined per grid column."""
    names = [""] * table.n_cols
    for cell in table.cells:
        if cell.row < rows and len(_cell_text(text, cell)) > _MAX_HEADER_CELL:
            return None
        if cell.row < rows:
            for j in range(cell.col, min(cell.col + cell.col_span, table.n_cols)):
                names[j] = f"{names[j]} {_cell_text(text, cell)}".strip()
    kinds = []
    for j, name in enumerate(names):
        kind = column_kind(name)
        if kind is None and rows > 1:  # the lower header row alone ("Chủ trì")
            lower = [c for c in table.cells if c.row == rows - 1
                     and c.col <= j < c.col + c.col_span]
            kind = column_kind(_cell_text(text, lower[0])) if lower else None
        kinds.append(kind)
    columns = Columns(tuple(kinds), _extents(table))
    return columns if columns.usable else None


def _content_columns(text: str, table: Table, mentions: list[AgencyMention]) -> Columns | None:
    """Columns told by their cells' content, for a table without a readable header."""
    texts: list[list[str]] = [[] for _ in range(table.n_cols)]
    for cell in table.cells:
        if cell.col_span == 1:
            texts[cell.col].append(_cell_text(text, cell))
    kinds = content_kinds(texts, _names_agency, _reads_as_time)
    columns = Columns(tuple(kinds.get(j) for j in range(table.n_cols)), _extents(table))
    # without a header, only a numbered table of several rows is taken for a task table (a
    # signature block's recipients beside its signer is not one)
    numbered = "stt" in columns.kinds and table.n_rows >= _MIN_HEADERLESS_ROWS
    return columns if columns.usable and numbered else None


# rows as the source drew them, not guessed
_DRAWN_GRIDS = ("pdf", "docx", "ocr", "pipes", "pipe-rows")


def _names_agency(s: str) -> bool:
    return any(m.assignable for m in find_agencies(s))


def _reads_as_time(s: str) -> bool:
    if len(s) > _MAX_TIME_CELL:
        return False
    d = parse_deadline(s or None)
    return bool(d.due_end or d.due_start or d.recurrence)


def _rows(text: str, table: Table, columns: Columns, skip: int,
          merged: list[dict[str, list[Span]]]) -> list[dict[str, list[Span]]]:
    """Body rows as cells by kind, appended to `merged` (the rows of the table this one
    continues, if any); continuation rows merged into the row above."""
    for row in table.rows()[skip:]:
        cells: dict[str, list[Span]] = {}
        for cell in row:
            kind = columns.kind_of(cell)
            if kind and cell.end > cell.start:
                cells.setdefault(kind, []).append(Span(cell.start, cell.end))
        if not cells or (len(row) == 1 and row[0].col_span > 1):
            continue  # an empty row, or a group title across the table
        stt = cells.get("stt")
        numbered = bool(stt) and is_stt(text[stt[0].start:stt[0].end])
        # in a grid the source drew, a row with a task and a lead of its own is a duty of its
        # own whatever its number cell reads (a scan misreads a lone digit: "C2", "¬I")
        whole = table.source in _DRAWN_GRIDS and "task" in cells and "lead" in cells
        if not numbered and not whole and merged and "stt" in columns.kinds:
            for kind, spans in cells.items():
                merged[-1].setdefault(kind, []).extend(spans)
        else:
            merged.append(cells)
    return merged


def _columns(text: str, table: Table, mentions: list[AgencyMention],
             previous: tuple[Table, Columns] | None) -> tuple[Columns, int] | None:
    """The table's columns and how many header rows they took."""
    for rows in range(1, _MAX_HEADER_ROWS + 1):
        found = _header_columns(text, table, rows)
        if found:
            return found, rows
    if previous:
        placed = previous[1].placed(table)
        if placed.usable and (placed.extents or previous[0].n_cols == table.n_cols):
            return placed, 0
    found = _content_columns(text, table, mentions)
    return (found, 0) if found else None


def model_task_rows(text: str, tables: list[Table], mentions: list[AgencyMention],
                    report: Report | None = None) -> list[TableRow]:
    """Task rows of every task table of the document model; a table that cannot be read is
    skipped and told to `report`."""
    groups: list[list[dict[str, list[Span]]]] = []
    previous: tuple[Table, Columns] | None = None
    for table in tables:
        if table.source == "spaced":
            continue  # rows guessed from a text's spaces: spaced_tables.py reads task tables so
        where = f"table of {table.n_rows}x{table.n_cols} cells" + (
            f" on page {table.page}" if table.page else f" at offset {table.start}")
        found = guarded(report, where,
                        lambda t=table, p=previous: [_columns(text, t, mentions, p)])
        if not found or found[0] is None:
            previous = None
            continue
        columns, skip = found[0]
        if skip or not groups or previous is None:
            groups.append([])  # a table of its own, not a continuation
        guarded(report, where, lambda t=table, c=columns, k=skip, g=groups[-1]:
                _rows(text, t, c, k, g))
        previous = (table, columns)
    out = []
    for group in groups:
        for cells in group:
            out += guarded(report, "task table row",
                           lambda c=cells: [r for r in [to_task_row(text, c, mentions)] if r])
    return out
