"""What a reader returns: page texts in the source's own terms, with the layout it saw.

Readers write a page through a `PageBuilder`: blocks of lines (a paragraph the source shows as
one, whose line breaks are wraps) and tables of cells (written one row per line, cells joined by
tabs, a cell's own line breaks folded into spaces), and the builder records where each landed in
the page text, so the layout travels with the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.model import Block, Box, Cell, Layout, Table


@dataclass
class ExtractedPage:
    """The text of one page (or of a whole text file), how it was obtained, its layout."""

    text: str
    ocr: bool = False
    layout: Layout = field(default_factory=Layout)


@dataclass
class Extracted:
    """All pages of one input and the encoding or method that produced them."""

    pages: list[ExtractedPage]
    encoding: str


@dataclass(frozen=True)
class CellIn:
    """A table cell as a reader finds it: grid position, spans, text, box."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    box: Box | None = None


def _is_syllable(token: str) -> bool:
    from pipeline.clean.lexicon import key, load  # the syllable list, loaded once

    return key(token) in load().uni


def _broken_word(left: str, right: str, is_syllable: Callable[[str], bool]) -> bool:
    """True if a narrow cell broke one word over two lines: "201" / "7", "5.500.00" / "0.000",
    "2014-" / "2016", "Nă" / "m", "ST" / "T" (a word no part of which reads alone)."""
    if not left or not right:
        return False
    if (left[-1].isdigit() or left[-1] in ".,-–") and right[0].isdigit() and any(
            ch.isdigit() for ch in left):
        return True
    if not (left.isalpha() and right.isalpha()):
        return False
    whole = left + right
    if left.isupper() and right.isupper() and len(whole) <= 5:
        return not (is_syllable(left) and len(left) > 1) or not is_syllable(right)
    return not is_syllable(left) and is_syllable(whole)


def fold_cell(text: str | None, is_syllable: Callable[[str], bool] = _is_syllable) -> str:
    """A cell's text on one line: its line breaks become one space, except where the cell was
    too narrow for a word and broke it ("S" / "T" / "T" is "STT", "201" / "7" is "2017")."""
    lines = [" ".join(ln.split()) for ln in (text or "").split("\n")]
    out = ""
    for line in (ln for ln in lines if ln):
        left = out.rsplit(" ", 1)[-1]
        right = line.split(" ", 1)[0]
        out = out + line if _broken_word(left, right, is_syllable) else f"{out} {line}".strip()
    return out


class PageBuilder:
    """Accumulates a page's text with the blocks and tables written into it."""

    def __init__(self, page: int | None = None):
        self.page = page
        self._parts: list[str] = []
        self._pos = 0
        self.layout = Layout()

    def _write(self, text: str) -> int:
        if self._parts:
            self._parts.append("\n")
            self._pos += 1
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        return start

    def text(self, text: str) -> None:
        """Text of unknown layout (lines the reader cannot group), written as it is."""
        self._write(text)

    def block(self, lines: list[str], kind: str = "paragraph", *, bold: bool = False,
              box: Box | None = None, style: str = "") -> None:
        """A block of lines: one paragraph, heading or list item as the source shows it."""
        text = "\n".join(lines)
        start = self._write(text)
        if text.strip():
            self.layout.blocks.append(Block(start, start + len(text), kind, self.page, box,
                                            bold, style))

    def table(self, cells: list[CellIn], *, box: Box | None = None, source: str = "") -> None:
        """A table: one line per grid row, cells joined by tabs (a spanned position empty)."""
        if not cells:
            return
        n_rows = max(c.row + c.row_span for c in cells)
        n_cols = max(c.col + c.col_span for c in cells)
        by_pos = {(c.row, c.col): c for c in cells}
        lines: list[str] = []
        placed: list[Cell] = []
        offset = self._pos + (1 if self._parts else 0)
        for r in range(n_rows):
            pieces: list[str] = []
            line_pos = offset
            for c in range(n_cols):
                if c:
                    line_pos += 1  # the tab
                cell = by_pos.get((r, c))
                text = fold_cell(cell.text) if cell else ""
                if cell:
                    placed.append(Cell(r, c, line_pos, line_pos + len(text), cell.row_span,
                                       cell.col_span, cell.box))
                pieces.append(text)
                line_pos += len(text)
            line = "\t".join(pieces)
            lines.append(line)
            offset += len(line) + 1
        start = self._write("\n".join(lines))
        self.layout.tables.append(Table(start, self._pos, tuple(placed), self.page, box, source))

    def build(self, ocr: bool = False) -> ExtractedPage:
        """The page's text and layout."""
        return ExtractedPage("".join(self._parts), ocr, self.layout)
