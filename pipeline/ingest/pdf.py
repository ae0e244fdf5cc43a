"""PDF: the text layer page by page, tables kept as rows, OCR where a page has no text layer,
and OCR again where a scanned page's own text layer (its scanner's OCR) reads badly."""

from __future__ import annotations

import io
from pathlib import Path

import regex

from pipeline.errors import CorruptFileError, EmptyDocumentError, EncryptedPdfError
from pipeline.ingest.extracted import Extracted, ExtractedPage, ExtractedTable, rows_to_text
from pipeline.ingest.limits import check_page_count, render_dpi
from pipeline.ingest.ocr import OCR_DPI, ocr_image

_MIN_TEXT_CHARS = 25  # fewer letters than this on a page: a scan, or a page of stamps
SCAN_COVER = 0.7  # an image over this share of the page makes it a scan
# a scan's text layer with more unknown words than this is read again (clean text has up to 2 %,
# Tesseract on degraded pages up to 7 %, a layer from an engine without Vietnamese about 30 %)
LAYER_UNKNOWN_MAX = 0.08
_CID = regex.compile(r"\(cid:\d+\)")


def _usable(text: str) -> bool:
    """A text layer worth keeping: enough letters, and not mostly unmapped glyphs."""
    letters = sum(ch.isalpha() for ch in text)
    cids = len(_CID.findall(text))
    return letters >= _MIN_TEXT_CHARS and cids * 4 < letters


def _ocr(page, name: str) -> str:
    """Tesseract's reading of the page rendered at OCR_DPI."""
    dpi = render_dpi(page.width, page.height, name, OCR_DPI)
    return ocr_image(page.to_image(resolution=dpi).original, name)


def _is_scan(page) -> bool:
    """True if an image covers most of the page: its text, if any, is an OCR layer."""
    area = float(page.width * page.height) or 1.0
    return any((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= SCAN_COVER * area
               for im in page.images)


def _reread(page, extracted: ExtractedPage, name: str) -> ExtractedPage:
    """A scanned page's own text layer, or our OCR of its image when the layer reads badly
    as Vietnamese (portals publish scans OCR'd by engines without Vietnamese: "Chinh quyen
    dien tu") and our reading is better."""
    from pipeline.clean.lexicon import unknown_share
    from pipeline.ingest.legacy import detect_legacy

    if not _is_scan(page) or detect_legacy(extracted.text):
        return extracted  # a legacy font is born-digital text, converted later
    share = unknown_share(extracted.text)
    if share <= LAYER_UNKNOWN_MAX:
        return extracted
    ours = _ocr(page, name)
    if unknown_share(ours) < share / 2:
        return ExtractedPage(ours, ocr=True)
    return extracted


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
    """One ExtractedPage per PDF page; pages with no usable text layer are OCR'd, and scanned
    pages whose OCR layer reads badly are OCR'd again (`_reread`)."""
    source = str(path)
    pdf = _open(data, source)
    with pdf:
        if not pdf.pages:
            raise EmptyDocumentError(source, "the PDF has zero pages")
        check_page_count(len(pdf.pages), source)
        pages: list[ExtractedPage] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                extracted = _page_text(page)
            except Exception as exc:
                raise CorruptFileError(source, f"page {number} does not parse: {exc}") from exc
            name = f"{source} page {number}"
            if not _usable(extracted.text):
                extracted = ExtractedPage(_ocr(page, name), ocr=True)
            else:
                extracted = _reread(page, extracted, name)
            pages.append(extracted)
    if not any(p.text.strip() for p in pages):
        raise EmptyDocumentError(source, "no text on any page, even after OCR")
    encoding = "pdf+ocr" if any(p.ocr for p in pages) else "pdf"
    return Extracted(pages, encoding)
