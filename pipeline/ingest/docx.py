"""Word documents: paragraphs (with style and bold) and tables (as cells) in body order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyDocumentError
from pipeline.ingest.extracted import CellIn, Extracted, PageBuilder

_MAX_HEADING_CHARS = 300


def table_cells(table) -> list[CellIn]:
    """A table's cells on its grid, a merged cell once with its spans.

    python-docx returns a merged cell once per grid position it covers (the same `_tc`
    element), horizontally and vertically: the first position keeps it, the others give spans.
    """
    first: dict[object, list[int]] = {}  # cell element -> [row, col, last row, last col]
    texts: dict[object, str] = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            key = cell._tc  # the element itself: held here, so no two cells share a key
            if key in first:
                span = first[key]
                span[2], span[3] = max(span[2], r), max(span[3], c)
            else:
                first[key] = [r, c, r, c]
                texts[key] = cell.text
    return [CellIn(r, c, texts[k], r2 - r + 1, c2 - c + 1) for k, (r, c, r2, c2) in first.items()]


def _paragraph_kind(paragraph) -> tuple[str, bool]:
    """A paragraph's block kind and whether all its text is bold (style or runs)."""
    text = paragraph.text.strip()
    style = paragraph.style.name if paragraph.style is not None else ""
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    bold = bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)
    heading = style.lower().startswith(("heading", "title")) or (
        bold and len(text) <= _MAX_HEADING_CHARS)
    return ("heading" if heading else "paragraph"), bold


def read_docx(path: Path, data: bytes) -> Extracted:
    """One page holding the body: each paragraph a block, each table its cells."""
    import docx
    from docx.table import Table

    source = str(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CorruptFileError(source, "not a .docx file (a .docx is a zip archive; this is not)")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise CorruptFileError(source, f"the .docx package is damaged: {exc}") from exc
    page = PageBuilder()
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            page.table(table_cells(item), source="docx")
        else:
            kind, bold = _paragraph_kind(item)
            style = item.style.name if item.style is not None else ""
            page.block(item.text.split("\n"), kind, bold=bold, style=style)
    built = page.build()
    if not built.text.strip():
        raise EmptyDocumentError(source, "the .docx has no text")
    return Extracted([built], "docx")
