"""What a reader returns: page texts in the source's own terms, before normalization."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ExtractedTable:
    """A table's cells and where its rows were written into the page text."""

    start: int
    end: int
    rows: list[list[str]]


@dataclass
class ExtractedPage:
    """The text of one page (or of a whole text file) and how it was obtained."""

    text: str
    ocr: bool = False
    tables: list[ExtractedTable] = field(default_factory=list)


@dataclass
class Extracted:
    """All pages of one input and the encoding or method that produced them."""

    pages: list[ExtractedPage]
    encoding: str


def rows_to_text(rows: list[list[str]]) -> str:
    """A table as lines of tab-separated cells, cell line breaks folded into spaces."""
    lines = []
    for row in rows:
        cells = [" ".join((c or "").split()) for c in row]
        lines.append("\t".join(cells))
    return "\n".join(lines)
