"""Layout the source itself shows: blocks of lines and tables of cells, with page and box.

Readers fill a `Layout` in the coordinates of the ingested text (`Document.raw_text`); after
cleaning, `Layout.mapped` carries it into the cleaned text, so every stage reads the same
blocks and cells whatever form the plan came in (PDF words and ruled cells, DOCX paragraphs and
table cells, Tesseract's lines and boxes, a text file's markdown and tab rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

BLOCK_KINDS = ("heading", "paragraph", "list_item", "furniture")


@dataclass(frozen=True)
class Box:
    """A rectangle on a page in points from the top-left corner (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Block:
    """Lines the source shows as one unit: their line breaks are wraps, not paragraph breaks.

    `kind` is a candidate, not a verdict: "heading" means the source set it apart (bold, a
    heading style, a short centred line); the segmenter decides what a heading is.
    """

    start: int
    end: int
    kind: str = "paragraph"
    page: int | None = None
    box: Box | None = None
    bold: bool = False
    style: str = ""

    @property
    def firm(self) -> bool:
        """True if the block's edges are certainly line breaks: a heading the source set apart
        ends where its type does. A paragraph's edges are left to judge from the text, since
        Word users and OCR exports press Enter inside sentences and a PDF of such a text shows
        those breaks as short lines."""
        return self.kind == "heading"


@dataclass(frozen=True)
class Cell:
    """One cell of a table: its grid position and spans, and its text's span in the text."""

    row: int
    col: int
    start: int
    end: int
    row_span: int = 1
    col_span: int = 1
    box: Box | None = None


@dataclass(frozen=True)
class Table:
    """A table as the source has it: cells on a grid (ruled PDF, DOCX, web copy, scan)."""

    start: int
    end: int
    cells: tuple[Cell, ...]
    page: int | None = None
    box: Box | None = None
    source: str = ""  # how it was read: "pdf", "docx", "ocr", "tabs", "cell-lines", "pipes",
    # "pipe-rows", "spaced"

    @property
    def n_rows(self) -> int:
        """Rows of the grid."""
        return max((c.row + c.row_span for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        """Columns of the grid."""
        return max((c.col + c.col_span for c in self.cells), default=0)

    def rows(self) -> list[list[Cell]]:
        """Cells row by row, each row left to right (a spanning cell in its first row only)."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[cell.row].append(cell)
        return out

    def texts(self, text: str) -> list[list[str]]:
        """Each row's cell texts (wrapped lines joined by single spaces), read from `text`."""
        return [[" ".join(text[c.start:c.end].split()) for c in row] for row in self.rows()]


@dataclass
class Layout:
    """The blocks and tables of one text, in its coordinates."""

    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def mapped(self, to: Callable[[int], int]) -> Layout:
        """The same layout in another text's coordinates (`to` maps an offset; spans keep
        their order, and an item whose text was removed entirely is dropped)."""
        blocks = []
        for b in self.blocks:
            s, e = to(b.start), to(b.end)
            if e > s:
                blocks.append(replace(b, start=s, end=e))
        tables = []
        for t in self.tables:
            cells = tuple(replace(c, start=to(c.start), end=max(to(c.start), to(c.end)))
                          for c in t.cells)
            s, e = to(t.start), to(t.end)
            if e > s:
                tables.append(replace(t, start=s, end=e, cells=cells))
        return Layout(blocks, tables)

    def shifted(self, by: int) -> Layout:
        """The layout moved `by` characters (a page's layout placed in the whole text)."""
        return self.mapped(lambda i: i + by)

    def table_at(self, offset: int) -> Table | None:
        """The table holding `offset`, if any."""
        return next((t for t in self.tables if t.start <= offset < t.end), None)
