"""Section: one heading of the section tree (ANNOTATION §1) with offsets into the clean text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Section:
    """A heading and the span of text it opens.

    `start`/`end` cover the whole section (heading to the next heading of the same or a higher
    level); `heading_start`/`heading_end` cover the heading line itself. `depth` is the
    structural depth (1 = top) and `level` the contract's level (1 or 2, None below that).
    """

    sec_id: int
    number: str
    heading: str
    level: int | None
    depth: int
    label: str
    parent: int | None
    start: int
    end: int
    heading_start: int
    heading_end: int
    kind: str = ""
    page: int | None = None  # 1-based page of the source (PDF, images); None for text, DOCX
    source_start: int | None = None  # the span in the ingested text (Document.raw_text)
    source_end: int | None = None
