"""Extractors: targets and assignments from a cleaned, segmented document.

Each part runs guarded: a table or block that breaks a reader is skipped and reported on the
document (`Document.report`, a `failures` row), and the rest of the document is still read.
"""

from __future__ import annotations

from pipeline.model import Document


def extract(doc: Document) -> Document:
    """Fill `doc.targets` and `doc.assignments` from the cleaned text, sections and layout."""
    from extractors.assignments.extract import extract_assignments
    from extractors.mentions.agencies import find_agencies
    from extractors.mentions.defined_names import with_defined
    from extractors.mentions.spans import mention_spans
    from extractors.targets.extract import extract_targets

    assert doc.text is not None, "clean the document before extracting"

    def report(what: str, exc: Exception) -> None:
        doc.report("extract", what, exc)

    agencies = with_defined(doc.text, find_agencies(doc.text))
    doc.spans = mention_spans(doc.text, agencies)

    try:
        doc.targets = extract_targets(doc.text, doc.sections, doc.meta, doc.layout.tables)
    except Exception as exc:  # noqa: BLE001 - one part's bug must not lose the other
        report("targets", exc)
    try:
        doc.assignments = extract_assignments(doc.text, doc.sections, doc.meta,
                                              doc.layout.tables, report, agencies)
    except Exception as exc:  # noqa: BLE001
        report("assignments", exc)
    forget_document()
    return doc


def forget_document() -> None:
    """Drop the caches keyed by one document's texts (agency mentions of its clauses, the
    scanned-table search's cells): they serve the many calls within a document, and kept
    across a corpus they grew a process by about 0.1 MB a plan."""
    from extractors.mentions.agencies import forget_texts as forget_mentions
    from extractors.tables.spaced_cells import forget_texts as forget_cells

    forget_mentions()
    forget_cells()
