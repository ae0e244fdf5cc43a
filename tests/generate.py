"""Realistic test inputs built from the seed texts: PDFs, scans, DOCX, images, text encodings.

The seeds in `corpora/raw` are clean Vietnamese; each builder writes one input file into a
folder and returns a `Sample` holding the text a perfect reader would get back, so tests and
benchmarks can measure what ingestion loses. Nothing is cached: every call renders afresh.
"""

from __future__ import annotations

import codecs
import io
import random
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageFilter, ImageFont

from pipeline.corpora import document_ids
from pipeline.ingest.legacy import conversion_table
from pipeline.synth import draw_page, wrap_lines

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "raw"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT = FONT_DIR / "LiberationSerif-Regular.ttf"
FONT_BOLD = FONT_DIR / "LiberationSerif-Bold.ttf"
SEED_NAMES = tuple(sorted(document_ids("seed")))  # the five seeds, not the development set
PROSE_SEED = "daklak-2018-qd168"  # multi-line, headings, quotes and dashes: a typical plan

# An assignment table as provincial plans print it (STT, task, lead agency, deadline).
TABLE_ROWS: list[list[str]] = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
    ["1", "Xây dựng Cổng dịch vụ công trực tuyến mức độ 3, 4", "Sở Thông tin và Truyền thông",
     "Năm 2018"],
    ["2", "Nâng cấp hệ thống quản lý văn bản và điều hành", "Văn phòng UBND tỉnh",
     "Quý II/2018"],
    ["3", "Đào tạo, bồi dưỡng cán bộ chuyên trách công nghệ thông tin", "Sở Nội vụ",
     "Hàng năm"],
]


@dataclass
class Sample:
    """One generated input and what a perfect reader returns from it."""

    path: Path
    text: str  # the source text in reading order (tables as tab-separated rows)
    pages: int = 1
    ocr: list[bool] = field(default_factory=lambda: [False])
    tables: list[list[list[str]]] = field(default_factory=list)
    encoding: str = ""


def collapse(text: str) -> str:
    """NFC with every whitespace run as one space: what CER and equality are measured on."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def table_text(rows: list[list[str]]) -> str:
    """A table as the readers write it: one line per row, cells joined by tabs."""
    return "\n".join("\t".join(row) for row in rows)


def seed_text(name: str) -> str:
    """The full seed text (never edited)."""
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def seed_paragraphs(name: str = PROSE_SEED, max_chars: int = 4000, skip: int = 0) -> list[str]:
    """Non-empty paragraphs of a seed, Markdown bold removed, until `max_chars` are collected."""
    out: list[str] = []
    total = 0
    for block in seed_text(name).split("\n\n")[skip:]:
        para = " ".join(block.replace("**", "").split())
        if not para:
            continue
        if total + len(para) > max_chars and out:
            break
        out.append(para)
        total += len(para)
    return out


# ----- born-digital PDF ---------------------------------------------------------------------

@cache
def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(FONT)))
    pdfmetrics.registerFont(TTFont("LiberationSerif-Bold", str(FONT_BOLD)))


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    _register_fonts()
    body = ParagraphStyle("body", fontName="LiberationSerif", fontSize=12, leading=15,
                          spaceAfter=6)
    cell = ParagraphStyle("cell", fontName="LiberationSerif", fontSize=10, leading=12)
    head = ParagraphStyle("head", fontName="LiberationSerif-Bold", fontSize=10, leading=12)
    return body, cell, head


def _table_flowable(rows: list[list[str]]):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    _, cell, head = _styles()
    data = [[Paragraph(escape(c), head if r == 0 else cell) for c in row]
            for r, row in enumerate(rows)]
    table = Table(data, colWidths=[12 * mm, 70 * mm, 50 * mm, 35 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def make_pdf(folder: Path, name: str = "born_digital.pdf", pages: int = 3,
             encrypt: str | None = None) -> Sample:
    """A text-layer PDF: `pages` pages of seed prose, a ruled table on page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    body, _, _ = _styles()
    paragraphs = seed_paragraphs(max_chars=1500 * pages)
    chunks: list[list[str]] = [[] for _ in range(pages)]
    for i, para in enumerate(paragraphs):
        chunks[min(i * pages // len(paragraphs), pages - 1)].append(para)
    story, parts = [], []
    for number, chunk in enumerate(chunks, start=1):
        if number > 1:
            story.append(PageBreak())
        page_parts = []
        for i, para in enumerate(chunk):
            story.append(Paragraph(escape(para), body))
            page_parts.append(para)
            if number == 2 and i == len(chunk) // 2:
                story.append(_table_flowable(TABLE_ROWS))
                page_parts.append(table_text(TABLE_ROWS))
        parts.append("\n".join(page_parts))
    path = folder / name
    doc = SimpleDocTemplate(str(path), pagesize=A4, title="Kế hoạch", encrypt=encrypt)
    doc.build(story)
    return Sample(path, "\n\n".join(parts), pages, [False] * pages, [TABLE_ROWS], "pdf")


# ----- scans ------------------------------------------------------------------------------

PAGE_MM = (148, 210)  # A5: a small page keeps OCR fast


def page_lines(text: str, dpi: int, size_pt: float = 13) -> tuple[list[list[str]], tuple]:
    """`text` wrapped into A5 pages of lines at `dpi` (as many pages as it needs)."""
    font = ImageFont.truetype(str(FONT), round(size_pt * dpi / 72))
    px = tuple(round(mm / 25.4 * dpi) for mm in PAGE_MM)
    margin = round(15 / 25.4 * dpi)
    lines = wrap_lines(text, font, px[0] - 2 * margin)
    step = round(size_pt * 1.5 * dpi / 72)
    per_page = (px[1] - 2 * margin) // step
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    return pages, (font, px, margin, step)


def render_page(lines: list[str], layout: tuple) -> Image.Image:
    """One clean white page with the lines drawn in Liberation Serif."""
    font, px, margin, step = layout
    return draw_page(lines, font, px, margin, step)


def degrade(image: Image.Image, seed: int = 0, skew: float = 0.6, noise: float = 12.0,
            quality: int = 75) -> Image.Image:
    """What a photocopier and scanner do: blur, grain, a small skew, JPEG artefacts."""
    import numpy as np

    image = image.filter(ImageFilter.GaussianBlur(0.7))
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float32) + rng.normal(0, noise, image.size[::-1])
    image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8), "L")
    image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def scanned_pages(texts: list[str], dpi: int, seed: int = 0) -> tuple[list[Image.Image],
                                                                      list[str]]:
    """One degraded page image per text and the exact lines drawn on it (overflow dropped)."""
    images, drawn = [], []
    for i, text in enumerate(texts):
        pages, layout = page_lines(text, dpi)
        images.append(degrade(render_page(pages[0], layout), seed + i))
        drawn.append("\n".join(pages[0]))
    return images, drawn


def page_texts(pages: int, chars: int = 900, skip: int = 20) -> list[str]:
    """Seed body paragraphs (not the letterhead) grouped into `pages` texts of about `chars`."""
    paragraphs = seed_paragraphs(max_chars=chars * pages * 2, skip=skip)
    texts, current = [], ""
    for para in paragraphs:
        if current and len(current) + len(para) > chars:
            texts.append(current)
            current = ""
        current = f"{current}\n{para}".strip()
    texts.append(current)
    return texts[:pages]


def make_scanned_pdf(folder: Path, name: str = "scanned.pdf", pages: int = 2,
                     dpi: int = 300) -> Sample:
    """An image-only PDF of `pages` degraded A5 scans (saved by PIL, one image per page)."""
    images, texts = scanned_pages(page_texts(pages), dpi)
    path = folder / name
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return Sample(path, "\n\n".join(texts), len(images), [True] * len(images), [], "pdf+ocr")


def make_mixed_pdf(folder: Path, name: str = "mixed.pdf", dpi: int = 300) -> Sample:
    """Page 1 with a text layer, page 2 a scanned image: one PDF, two ways of reading."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_fonts()
    size = (PAGE_MM[0] * mm, PAGE_MM[1] * mm)
    first = "\n".join(seed_paragraphs(max_chars=900))
    images, texts = scanned_pages(page_texts(1, 800, skip=30), dpi, seed=7)
    path = folder / name
    pdf = canvas.Canvas(str(path), pagesize=size)
    lines: list[str] = []
    for para in first.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, "LiberationSerif", 11) > size[0] - 30 * mm:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    text = pdf.beginText(15 * mm, size[1] - 20 * mm)
    text.setFont("LiberationSerif", 11)
    text.setLeading(14)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.drawImage(ImageReader(images[0]), 0, 0, width=size[0], height=size[1])
    pdf.showPage()
    pdf.save()
    return Sample(path, "\n".join(lines) + "\n\n" + texts[0], 2, [False, True], [], "pdf+ocr")


def strip_marks(text: str) -> str:
    """Vietnamese as an OCR engine without Vietnamese reads it: no tone or vowel marks, đ as d."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def make_searchable_scan(folder: Path, name: str, layer: str, dpi: int = 300) -> Sample:
    """A scanned page with an invisible OCR text layer, as scanners and portals publish them:
    `layer` "exact" (the page's own words) or "stripped" (`strip_marks`: an engine without
    Vietnamese). `Sample.text` is the page's true text."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    _register_fonts()
    size = (PAGE_MM[0] * mm, PAGE_MM[1] * mm)
    images, texts = scanned_pages(page_texts(1, 800, skip=40), dpi, seed=11)
    path = folder / name
    pdf = canvas.Canvas(str(path), pagesize=size)
    pdf.drawImage(ImageReader(images[0]), 0, 0, width=size[0], height=size[1])
    hidden = pdf.beginText(15 * mm, size[1] - 20 * mm)
    hidden.setTextRenderMode(3)  # invisible, as an OCR layer over the image
    hidden.setFont("LiberationSerif", 11)
    for line in texts[0].split("\n"):
        hidden.textLine(line if layer == "exact" else strip_marks(line))
    pdf.drawText(hidden)
    pdf.showPage()
    pdf.save()
    reread = layer != "exact"
    return Sample(path, texts[0], 1, [reread], [], "pdf+ocr" if reread else "pdf")


def make_image(folder: Path, name: str, pages: int = 1, dpi: int = 300,
               chars: int = 800, seed: int = 3) -> Sample:
    """A scanned page as PNG or JPEG, or several pages as one multi-page TIFF."""
    images, texts = scanned_pages(page_texts(pages, chars, skip=25), dpi, seed=seed)
    path = folder / name
    suffix = path.suffix.lower()
    if suffix in (".tif", ".tiff"):
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:],
                       compression="tiff_deflate", dpi=(dpi, dpi))
    elif suffix in (".jpg", ".jpeg"):
        images[0].save(path, "JPEG", quality=80, dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))
    return Sample(path, "\n\n".join(texts), len(images), [True] * len(images), [], "ocr")


# ----- DOCX -------------------------------------------------------------------------------

def make_docx(folder: Path, name: str = "plan.docx") -> Sample:
    """A Word plan: title and section headings, body paragraphs, an assignment table."""
    import docx

    paragraphs = seed_paragraphs(max_chars=3000)
    document = docx.Document()
    parts: list[str] = []
    document.add_heading("KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN", level=1)
    parts.append("KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN")
    half = len(paragraphs) // 2
    for para in paragraphs[:half]:
        document.add_paragraph(para)
        parts.append(para)
    document.add_heading("I. NHIỆM VỤ CỤ THỂ", level=2)
    parts.append("I. NHIỆM VỤ CỤ THỂ")
    table = document.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
    table.style = "Table Grid"
    for r, row in enumerate(TABLE_ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    parts.append(table_text(TABLE_ROWS))
    for para in paragraphs[half:]:
        document.add_paragraph(para)
        parts.append(para)
    path = folder / name
    document.save(str(path))
    return Sample(path, "\n".join(parts), 1, [False], [TABLE_ROWS], "docx")


# ----- text encodings ---------------------------------------------------------------------

_RECOMPOSE = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: part of the letter


def windows1258_form(text: str) -> str:
    """Text as Windows-1258 stores it: base letters precomposed (â, ơ, ư…), tones combining."""
    out: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFD", text) + " ":
        if ch in _RECOMPOSE and out:
            out[-1] = unicodedata.normalize("NFC", out[-1] + ch)
        elif unicodedata.combining(ch):
            tones.append(ch)  # NFD puts the dot below before the circumflex: hold tones back
        else:
            out.extend(tones)
            tones.clear()
            out.append(ch)
    return "".join(out)[:-1]


def encode_windows1258(text: str) -> bytes:
    """Windows-1258 bytes of `text` (checked to round-trip to the same NFC text)."""
    data = windows1258_form(text).encode("cp1258")
    if unicodedata.normalize("NFC", data.decode("cp1258")) != unicodedata.normalize("NFC", text):
        raise ValueError("text does not round-trip through Windows-1258")
    return data


def legacy_encode(text: str, table_name: str) -> str:
    """Unicode → legacy font text, by inverting a conversion table.

    TCVN3 has no codes for accented capitals (Ấ, Ủ…): .VnTimeH fonts draw the lowercase codes
    as capitals, so those letters are written with their lowercase code, as typists did.
    """
    inverse = {uni: legacy for legacy, uni in conversion_table(table_name).items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and ch != ch.lower():
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def legacy_bytes(text: str, table_name: str) -> bytes:
    """Legacy text as a Windows file holds it: Latin-1 letters, cp1252 quotes and dashes."""
    return legacy_encode(text, table_name).encode("cp1252", errors="replace")


def text_variants(folder: Path, text: str, stem: str = "plan") -> dict[str, Sample]:
    """The same text saved in every encoding vnplan reads, keyed by encoding name."""
    nfc = unicodedata.normalize("NFC", text)
    files = {
        "utf-8": (nfc.encode("utf-8"), "utf-8"),
        "utf-8-sig": (codecs.BOM_UTF8 + nfc.encode("utf-8"), "utf-8-sig"),
        "utf-16": (codecs.BOM_UTF16_LE + nfc.encode("utf-16-le"), "utf-16"),
        "utf-16-le": (nfc.encode("utf-16-le"), "utf-16-le"),
        "utf-16-be": (nfc.encode("utf-16-be"), "utf-16-be"),
        "cp1258": (encode_windows1258(nfc), "cp1258"),
        "tcvn3": (legacy_bytes(nfc, "legacy_tcvn3.tsv"), "tcvn3"),
        "vni": (legacy_bytes(nfc, "legacy_vni.tsv"), "vni"),
    }
    samples = {}
    for name, (data, encoding) in files.items():
        path = folder / f"{stem}.{name}.txt"
        path.write_bytes(data)
        samples[name] = Sample(path, nfc, encoding=encoding)
    return samples


# ----- bad inputs -------------------------------------------------------------------------

def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree has /Count 0."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def bomb_png(width: int = 20000, height: int = 20000) -> bytes:
    """A tiny PNG whose header declares `width` x `height` pixels (a decompression bomb).

    A real 1-bit image of that size is built and compressed cheaply enough, but a crafted
    header is what an attacker sends: a few hundred bytes that promise gigabytes.
    """
    import struct
    import zlib

    buffer = io.BytesIO()
    Image.new("1", (8, 8), 1).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = 8  # after the signature: length(4) 'IHDR'(4) width(4) height(4) ...
    data[ihdr + 8:ihdr + 16] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr + 4:ihdr + 8 + 13]))
    data[ihdr + 8 + 13:ihdr + 8 + 17] = struct.pack(">I", crc)
    return bytes(data)


def random_bytes(size: int = 4096, seed: int = 1) -> bytes:
    """Deterministic noise: what a mislabelled binary file looks like."""
    return random.Random(seed).randbytes(size)


ENGLISH = (
    "The provincial people's committee shall publish the annual plan for the development of "
    "information technology. Each department reports its progress to the committee before the "
    "end of the second quarter, and the department of finance allocates the budget for the "
    "approved projects. The plan covers the online public service portal, the document "
    "management system, and training for civil servants in every district.\n"
) * 3
