"""Document: the text of one input with provenance back to its pages and source offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model.assignment import Assignment
from pipeline.model.correction import Correction
from pipeline.model.section import Section
from pipeline.model.target import Target
from pipeline.offsets import OffsetMap


@dataclass
class Page:
    """One page of the input: its character range in the ingested text and how it was read."""

    number: int
    start: int
    end: int
    ocr: bool = False


@dataclass
class TableBlock:
    """A table found by pdfplumber or in a DOCX, written into the text one row per line.

    Cells are separated by tabs in the text, so extractors that read tab-separated appendix
    tables handle born-digital tables too; `rows` keeps the cell structure.
    """

    start: int
    end: int
    rows: list[list[str]]
    page: int | None = None


@dataclass
class DocumentMeta:
    """Letterhead metadata: the `documents` table row less the run bookkeeping."""

    province: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    signed_date: str | None = None
    title: str | None = None
    signer: str | None = None


@dataclass
class Document:
    """One input document as it travels through ingest → clean → segment → extract.

    `raw_text` is the ingested text (Unicode, NFC); `source_map` maps each of its characters to
    an offset in the decoded source (per-page text for PDFs). After cleaning, `text` is the
    cleaned text and `clean_map` maps each of its characters back into `raw_text`.
    """

    doc_id: str
    source: str
    sha256: str
    raw_text: str
    source_map: OffsetMap
    pages: list[Page] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    encoding: str = "utf-8"
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    status: str = "ok"
    warnings: list[str] = field(default_factory=list)
    text: str | None = None
    clean_map: OffsetMap | None = None
    corrections: list[Correction] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def ocr_pages(self) -> int:
        """Number of pages whose text came from OCR rather than a text layer."""
        return sum(1 for p in self.pages if p.ocr)

    def page_of(self, raw_offset: int) -> int | None:
        """Page number (1-based) holding a character of `raw_text`, None for plain text."""
        for page in self.pages:
            if page.start <= raw_offset < page.end:
                return page.number
        return None
