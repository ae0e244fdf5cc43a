"""Word documents: paragraphs and tables in body order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyDocumentError
from pipeline.ingest.extracted import Extracted, ExtractedPage, ExtractedTable, rows_to_text
from pipeline.ingest.limits import check_docx_parts


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell is returned once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text)
        rows.append(cells)
    return rows


def read_docx(path: Path, data: bytes) -> Extracted:
    """One page holding the body: paragraphs as lines, tables as tab-separated rows."""
    import docx
    from docx.table import Table

    source = str(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CorruptFileError(source, "not a .docx file (a .docx is a zip archive; this is not)")
    check_docx_parts(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise CorruptFileError(source, f"the .docx package is damaged: {exc}") from exc
    parts: list[str] = []
    tables: list[ExtractedTable] = []
    pos = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = _table_rows(block)
            text = rows_to_text(rows)
            tables.append(ExtractedTable(pos, pos + len(text), rows))
        else:
            text = block.text
        parts.append(text)
        pos += len(text) + 1
    body = "\n".join(parts)
    if not body.strip():
        raise EmptyDocumentError(source, "the .docx has no text")
    return Extracted([ExtractedPage(body, tables=tables)], "docx")
