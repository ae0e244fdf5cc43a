"""PDF: the text layer page by page, tables kept as rows, OCR where a page has no text layer,
and OCR again where a scanned page's own text layer (its scanner's OCR) reads badly."""

from __future__ import annotations

import io
from pathlib import Path

import regex

from pipeline.errors import CorruptFileError, EmptyDocumentError, EncryptedPdfError
from pipeline.ingest.extracted import CellIn, Extracted, ExtractedPage, PageBuilder
from pipeline.ingest.ocr import OCR_DPI, ocr_page
from pipeline.ingest.pdflayout import LineBlock, TextLine, group_lines
from pipeline.model import Box

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


def _ocr(page, name: str) -> ExtractedPage:
    """Tesseract's reading of the page rendered at OCR_DPI, tables as cells."""
    image = page.to_image(resolution=OCR_DPI).original
    image.info["dpi"] = (OCR_DPI, OCR_DPI)
    return ocr_page(image, name)


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
    return ours if unknown_share(ours.text) < share / 2 else extracted


_BOLD_FONT = regex.compile(r"bold|black|heavy|demi|,b$|-b$", regex.IGNORECASE)


_COLUMN_GAP = 1.5  # ems: a gap this wide between two words on a line separates columns


def _line_text(chars: list[dict], size: float) -> str:
    """A line's text rebuilt from its glyphs: a space where words part, three where columns
    part (a borderless table: a letterhead, a table without rules), as text copies write it."""
    out: list[str] = []
    for prev, ch in zip([None, *chars], chars, strict=False):
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            if gap > _COLUMN_GAP * size:
                out.append("   ")
            elif gap > 0.15 * size:
                out.append(" ")
        out.append(ch["text"])
    return "".join(out)


def _text_line(line: dict) -> TextLine:
    """A pdfplumber text line with what block grouping needs: box, boldness, first word."""
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    bold = bool(chars) and sum(bool(_BOLD_FONT.search(c.get("fontname", ""))) for c in chars) \
        >= 0.8 * len(chars)
    size = sorted(c.get("size", 10) for c in chars)[len(chars) // 2] if chars else 10.0
    first_end = chars[0]["x1"] if chars else line["x0"]
    for a, b in zip(chars, chars[1:], strict=False):
        if b["x0"] - a["x1"] > 0.15 * size:
            break
        first_end = b["x1"]
    box = Box(line["x0"], line["top"], line["x1"], line["bottom"])
    text = _line_text(chars, size) if chars else line["text"]
    return TextLine(text, box, bold, first_end - box.x0, 0.25 * size)


def _cells(table) -> list[CellIn]:
    """A pdfplumber table's cells on its grid; a merged cell once, with its spans."""
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    col_edges = sorted({round(b[0], 1) for row in boxes for b in row if b})
    row_edges = sorted({round(b[1], 1) for row in boxes for b in row if b})
    out = []
    for r, row in enumerate(boxes):
        for c, bbox in enumerate(row):
            if bbox is None:
                continue
            x0, top, x1, bottom = bbox
            col_span = max(1, sum(1 for x in col_edges if x0 - 0.5 <= x < x1 - 0.5))
            row_span = max(1, sum(1 for y in row_edges if top - 0.5 <= y < bottom - 0.5))
            text = texts[r][c] if r < len(texts) and c < len(texts[r]) else ""
            out.append(CellIn(r, c, text or "", row_span, col_span, Box(*bbox)))
    return out


def _page_text(page) -> ExtractedPage:
    """The page's blocks of lines and its ruled tables as cells, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    lines = page.filter(outside).extract_text_lines(return_chars=True, strip=True)
    items: list[tuple[float, object]] = [(t.bbox[1], t) for t in tables]
    for block in group_lines([_text_line(ln) for ln in lines], float(page.height)):
        items.append((block.box.top, block))
    builder = PageBuilder()
    for _, item in sorted(items, key=lambda it: it[0]):
        if isinstance(item, LineBlock):
            builder.block([ln.text for ln in item.lines], item.kind, bold=item.bold,
                          box=item.box)
        else:
            builder.table(_cells(item), box=Box(*item.bbox), source="pdf")
    return builder.build()


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
        pages: list[ExtractedPage] = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                extracted = _page_text(page)
            except Exception as exc:
                raise CorruptFileError(source, f"page {number} does not parse: {exc}") from exc
            name = f"{source} page {number}"
            if not _usable(extracted.text):
                extracted = _ocr(page, name)
            else:
                extracted = _reread(page, extracted, name)
            pages.append(extracted)
    if not any(p.text.strip() for p in pages):
        raise EmptyDocumentError(source, "no text on any page, even after OCR")
    encoding = "pdf+ocr" if any(p.ocr for p in pages) else "pdf"
    return Extracted(pages, encoding)
