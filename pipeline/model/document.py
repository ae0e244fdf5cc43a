"""Document: the text of one input with provenance back to its pages and source offsets."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from pipeline.model.assignment import Assignment
from pipeline.model.correction import Correction
from pipeline.model.failure import Failure
from pipeline.model.layout import Layout
from pipeline.model.section import Section
from pipeline.model.span import Span
from pipeline.model.target import Target
from pipeline.model.tree import SectionTree
from pipeline.offsets import OffsetMap


@dataclass
class Page:
    """One page of the input: its character range in the ingested text and how it was read."""

    number: int
    start: int
    end: int
    ocr: bool = False


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
    an offset in the decoded source (per-page text for PDFs), and `ingested` is the layout the
    reader found, in `raw_text` coordinates: the work in progress. After cleaning, `text` is
    the cleaned text, `clean_map` maps each of its characters back into `raw_text`, and
    `layout` holds the same blocks and tables in `text` coordinates; stages then add
    `sections`, `spans` and the output records, which is the finished document.
    """

    doc_id: str
    source: str
    sha256: str
    raw_text: str
    source_map: OffsetMap
    pages: list[Page] = field(default_factory=list)
    ingested: Layout = field(default_factory=Layout)
    encoding: str = "utf-8"
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    status: str = "ok"
    warnings: list[str] = field(default_factory=list)
    text: str | None = None
    clean_map: OffsetMap | None = None
    corrections: list[Correction] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    sections: list[Section] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    problems: list[Failure] = field(default_factory=list)  # a table or block a stage skipped

    @property
    def ocr_pages(self) -> int:
        """Number of pages whose text came from OCR rather than a text layer."""
        return sum(1 for p in self.pages if p.ocr)

    def report(self, stage: str, what: str, exc: Exception) -> None:
        """Record that `stage` skipped `what` (one table, one block) because of `exc`: the
        document goes on, and the problem becomes a `failures` row naming it."""
        self.problems.append(Failure(self.source, stage, type(exc).__name__,
                                     f"{what} skipped: {exc}", self.doc_id or None))

    @property
    def tree(self) -> SectionTree:
        """The section tree with its look-ups."""
        return SectionTree(self.sections)

    def page_of(self, raw_offset: int) -> int | None:
        """Page number (1-based) holding a character of `raw_text`, None for plain text."""
        for page in self.pages:
            if page.start <= raw_offset < page.end:
                return page.number
        return None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `raw_text` a span of the cleaned text came from."""
        if self.clean_map is None:
            return start, end
        return self.clean_map.span(start, end)

    @property
    def paged(self) -> bool:
        """True for inputs with pages (PDF, images); text and DOCX have none."""
        return self.encoding.split("+")[0] in ("pdf", "ocr")

    def page_at(self, start: int, end: int | None = None) -> int | None:
        """Page (1-based) of a span of the cleaned text, read at its first non-blank
        character; None for inputs without pages."""
        if not self.paged:
            return None
        text = self.text if self.text is not None else self.raw_text
        end = start + 1 if end is None else end
        pos = start
        while pos < end - 1 and text[pos].isspace():
            pos += 1
        return self.page_of(self.raw_span(pos, pos + 1)[0])

    def to_clean(self, raw_offset: int) -> int:
        """The first offset of the cleaned text at or after a `raw_text` offset."""
        if self.clean_map is None:
            return raw_offset
        return bisect_left(self.clean_map, raw_offset, hi=len(self.clean_map) - 1)
