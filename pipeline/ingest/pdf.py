"""PDF: the text layer page by page, tables kept as rows, OCR where a page has no text layer."""

from __future__ import annotations

import io
from pathlib import Path

import regex

from pipeline.errors import CorruptFileError, EmptyDocumentError, EncryptedPdfError
from pipeline.ingest.extracted import Extracted, ExtractedPage, ExtractedTable, rows_to_text
from pipeline.ingest.ocr import OCR_DPI, ocr_image

_MIN_TEXT_CHARS = 25  # fewer letters than this on a page: a scan, or a page of stamps
_CID = regex.compile(r"\(cid:\d+\)")


def _usable(text: str) -> bool:
    """A text layer worth keeping: enough letters, and not mostly unmapped glyphs."""
    letters = sum(ch.isalpha() for ch in text)
    cids = len(_CID.findall(text))
    return letters >= _MIN_TEXT_CHARS and cids * 4 < letters


def _page_text(page) -> ExtractedPage:
    """Prose between tables as text, each table as tab-separated rows, top to bottom."""
    found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    parts: list[str] = []
    tables: list[ExtractedTable] = []
    pos, top = 0, page.bbox[1]
    for table in found:
        x0, t_top, x1, t_bottom = table.bbox
        if t_top > top:
            prose = page.crop((page.bbox[0], top, page.bbox[2], t_top)).extract_text() or ""
            if prose.strip():
                parts.append(prose)
                pos += len(prose) + 1
        rows = [[c or "" for c in row] for row in table.extract()]
        text = rows_to_text(rows)
        parts.append(text)
        tables.append(ExtractedTable(pos, pos + len(text), rows))
        pos += len(text) + 1
        top = max(top, t_bottom)
    if top < page.bbox[3]:
        rest = page.crop((page.bbox[0], top, page.bbox[2], page.bbox[3])).extract_text() or ""
        parts.append(rest)
    return ExtractedPage("\n".join(parts), tables=tables)


def _open(data: bytes, source: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if not data.lstrip()[:1024].count(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise CorruptFileError(source, "not a PDF (no %PDF- header): wrong file extension?")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages
    except PDFPasswordIncorrect as exc:
        raise EncryptedPdfError(source, "the PDF is encrypted with a password") from exc
    except Exception as exc:
        # pdfplumber wraps pdfminer's errors: PdfminerException(PDFPasswordIncorrect())
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        name = type(inner).__name__
        if "Password" in name or "Encrypt" in name or "Encrypt" in str(inner):
            raise EncryptedPdfError(source, "the PDF is encrypted with a password") from exc
        raise CorruptFileError(
            source, f"the PDF is damaged or truncated and does not parse ({name}: {inner})"
        ) from exc
    return pdf


def read_pdf(path: Path, data: bytes) -> Extracted:
    """One ExtractedPage per PDF page; pages with no usable text layer are OCR'd."""
    source = str(path)
    pdf = _open(data, source)
    with pdf:
        if not pdf.pages:
            raise EmptyDocumentError(source, "the PDF has zero pages")
        pages: list[ExtractedPage] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                extracted = _page_text(page)
            except Exception as exc:
                raise CorruptFileError(source, f"page {number} does not parse: {exc}") from exc
            if not _usable(extracted.text):
                image = page.to_image(resolution=OCR_DPI).original
                extracted = ExtractedPage(ocr_image(image, f"{source} page {number}"), ocr=True)
            pages.append(extracted)
    if not any(p.text.strip() for p in pages):
        raise EmptyDocumentError(source, "no text on any page, even after OCR")
    encoding = "pdf+ocr" if any(p.ocr for p in pages) else "pdf"
    return Extracted(pages, encoding)
