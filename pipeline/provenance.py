"""Where each output row came from: its page and its span in the ingested text.

Rows carry offsets into the cleaned text (`start`/`end`); the document's offset maps take them
back to the ingested text (`source_start`/`source_end`) and its pages to the page they are on.
Targets and assignments also learn the innermost section that holds them (`section`).
"""

from __future__ import annotations

from pipeline.model import Document


def trace(doc: Document) -> Document:
    """Fill `page`, `source_start`, `source_end` on every row, and `section` on targets and
    assignments."""
    tree = doc.tree
    for sec in doc.sections:
        sec.page = doc.page_at(sec.heading_start, sec.heading_end)
        sec.source_start, sec.source_end = doc.raw_span(sec.heading_start, sec.heading_end)
    for row in [*doc.targets, *doc.assignments]:
        row.page = doc.page_at(row.start, row.end)
        row.source_start, row.source_end = doc.raw_span(row.start, row.end)
        row.section = tree.sec_id_at(row.start)
    for c in doc.corrections:
        c.page = doc.page_of(c.source_start) if doc.paged else None
    return doc
