"""One plan in the forms researchers receive: a born-digital PDF, a DOCX and a 300 dpi scan.

A plan's text file is read into blocks the way its author typed it (paragraphs, bold headings,
tab-separated or one-cell-per-line tables) and typeset as a real A4 document would be:
justified paragraphs that wrap, headings in bold that wrap when long, tables as ruled grids
whose cells wrap. The scan is that PDF rasterised at 300 dpi with light noise, saved as an
image-only PDF. The pipeline must give the same tables from every form as from the text.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import regex
from generate import _register_fonts
from PIL import Image, ImageFilter

_BOLD = regex.compile(r"\*\*(.*?)\*\*", regex.DOTALL)


@dataclass
class Block:
    """A paragraph (with bold runs) or a table (rows of cell texts) of the typed plan."""

    kind: str  # "para" or "table"
    runs: list[tuple[str, bool]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(t for t, _ in self.runs)


def _runs(line: str) -> list[tuple[str, bool]]:
    """A line's text split into (text, bold) runs at its markdown `**` markers."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD.finditer(line):
        if m.start() > pos:
            out.append((line[pos:m.start()], False))
        if m.group(1):
            out.append((m.group(1), True))
        pos = m.end()
    if pos < len(line):
        out.append((line[pos:].replace("**", ""), False))
    return [(t, b) for t, b in out if t]


def _is_cell_line(line: str) -> bool:
    """One cell of a table typed one cell per line (a tab, then the cell)."""
    return line.startswith("\t") and line.count("\t") == 1


def _merge_continuations(rows: list[list[str]]) -> list[list[str]]:
    """Rows whose first cell is empty continue the row above (a wrapped cell typed as a row)."""
    out: list[list[str]] = []
    for row in rows:
        if out and not row[0].strip() and any(c.strip() for c in row):
            prev = out[-1]
            prev.extend([""] * (len(row) - len(prev)))
            for i, cell in enumerate(row):
                if cell.strip():
                    prev[i] = f"{prev[i]} {cell.strip()}".strip()
        else:
            out.append([c.strip() for c in row])
    return out


def blocks_of(text: str) -> list[Block]:
    """The typed plan as blocks: each non-blank line a paragraph, tab rows and runs of
    one-cell lines tables."""
    lines = text.split("\n")
    out: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_cell_line(line):
            rows, row = [], []
            while i < len(lines) and (_is_cell_line(lines[i]) or not lines[i].strip()):
                if lines[i].strip():
                    row.append(lines[i].strip())
                elif row:
                    rows.append(row)
                    row = []
                i += 1
            if row:
                rows.append(row)
            out.extend(_cell_rows_block(rows))
            continue
        if "\t" in line.strip("\t ") or (line.count("\t") > 1):
            rows = []
            while i < len(lines) and "\t" in lines[i] and not _is_cell_line(lines[i]):
                rows.append(lines[i].replace("**", "").split("\t"))
                i += 1
            out.append(Block("table", rows=_merge_continuations(rows)))
            continue
        if line.strip():
            out.append(Block("para", runs=_runs(line.strip())))
        i += 1
    return out


def _cell_rows_block(rows: list[list[str]]) -> list[Block]:
    """Rows typed one cell per line: a table when they have several cells, else paragraphs."""
    if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
        width = max(len(r) for r in rows)
        return [Block("table", rows=[r + [""] * (width - len(r)) for r in rows])]
    return [Block("para", runs=[(c, False)]) for r in rows for c in r]


# ----- born-digital PDF -------------------------------------------------------------------

def _pdf_styles():
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    _register_fonts()
    body = ParagraphStyle("body", fontName="LiberationSerif", fontSize=13, leading=17,
                          spaceAfter=5, alignment=TA_JUSTIFY, firstLineIndent=18)
    cell = ParagraphStyle("cell", fontName="LiberationSerif", fontSize=11, leading=13)
    return body, cell


_SPACE_RUN = regex.compile(r" {3,}")


def _markup(runs: list[tuple[str, bool]]) -> str:
    """Reportlab markup of a paragraph's runs; a run of spaces (columns aligned by spaces, as
    an OCR'd table or a letterhead is typed) kept as a visible gap."""
    def esc(t: str) -> str:
        return _SPACE_RUN.sub(lambda m: " " + "&nbsp;" * 10 + " ", escape(t))
    return "".join(f"<b>{esc(t)}</b>" if b else esc(t) for t, b in runs)


def _aligned_style():
    """Lines whose columns are aligned by runs of spaces, set small and unjustified so that
    each stays one printed line, as a table typed that way is printed."""
    from reportlab.lib.styles import ParagraphStyle

    _register_fonts()
    return ParagraphStyle("aligned", fontName="LiberationSerif", fontSize=7, leading=9)


def _col_widths(rows: list[list[str]], total: float) -> list[float]:
    """Column widths in proportion to the square root of each column's longest cell."""
    width = max(len(r) for r in rows)
    longest = [max((len(r[c]) for r in rows if c < len(r)), default=1) for c in range(width)]
    weights = [max(3.0, min(n, 400)) ** 0.5 for n in longest]
    return [total * w / sum(weights) for w in weights]


def _pdf_table(rows: list[list[str]], total: float):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    _, cell = _pdf_styles()
    width = max(len(r) for r in rows)
    data = [[Paragraph(escape(c), cell) for c in r + [""] * (width - len(r))] for r in rows]
    table = Table(data, colWidths=_col_widths(rows, total), repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def make_pdf(text: str, path: Path) -> Path:
    """The plan typeset as an A4 born-digital PDF."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body, _ = _pdf_styles()
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=18 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm, title=path.stem)
    story = []
    for block in blocks_of(text):
        if block.kind == "table":
            story.append(_pdf_table(block.rows, doc.width))
        else:
            aligned = _SPACE_RUN.search(block.text) and len(block.text) > 60
            story.append(Paragraph(_markup(block.runs), _aligned_style() if aligned else body))
    doc.build(story)
    return path


# ----- DOCX -------------------------------------------------------------------------------

def make_docx(text: str, path: Path) -> Path:
    """The plan as a Word document: paragraphs with bold runs, real tables."""
    import docx

    document = docx.Document()
    for block in blocks_of(text):
        if block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        else:
            para = document.add_paragraph()
            for t, bold in block.runs:
                para.add_run(t).bold = bold
    document.save(str(path))
    return path


# ----- scanned PDF ------------------------------------------------------------------------

def rasterize(pdf: Path, dpi: int = 300) -> list[Image.Image]:
    """The PDF's pages as grayscale images at `dpi`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()


def lightly_degraded(image: Image.Image, seed: int) -> Image.Image:
    """A page as a decent office scanner gives it: a touch of blur and grain, a slight tilt."""
    rng = random.Random(seed)
    page = image.filter(ImageFilter.GaussianBlur(0.6))
    page = page.rotate(rng.uniform(-0.3, 0.3), fillcolor=255, resample=Image.Resampling.BICUBIC)
    pixels = page.load()
    w, h = page.size
    for _ in range(w * h // 400):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = max(0, min(255, pixels[x, y] + rng.randint(-90, 90)))
    return page


def make_scan(pdf: Path, path: Path, dpi: int = 300, seed: int = 0) -> Path:
    """An image-only PDF of the born-digital PDF's pages scanned at `dpi`."""
    pages = [lightly_degraded(p, seed + i) for i, p in enumerate(rasterize(pdf, dpi))]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    path.write_bytes(buffer.getvalue())
    return path


FORMS = ("txt", "docx", "pdf", "scan")


def render_forms(source: Path, folder: Path, forms: tuple[str, ...] = FORMS) -> dict[str, Path]:
    """`source` (a plan's .txt) in each form, written into `folder/<form>/<stem>.<ext>`."""
    text = source.read_text(encoding="utf-8")
    out: dict[str, Path] = {}
    for form in forms:
        (folder / form).mkdir(parents=True, exist_ok=True)
    if "txt" in forms:
        out["txt"] = folder / "txt" / source.name
        out["txt"].write_bytes(source.read_bytes())
    if "docx" in forms:
        out["docx"] = make_docx(text, folder / "docx" / f"{source.stem}.docx")
    if "pdf" in forms or "scan" in forms:
        pdf = make_pdf(text, folder / "pdf" / f"{source.stem}.pdf")
        if "pdf" in forms:
            out["pdf"] = pdf
        if "scan" in forms:
            out["scan"] = make_scan(pdf, folder / "scan" / f"{source.stem}.pdf")
    return out
