"""Extractors: targets, agencies and assignments, deadlines, from cleaned and segmented text."""

from __future__ import annotations

from pipeline.model import Document


def extract(doc: Document) -> Document:
    """Fill `doc.targets` and `doc.assignments` from `doc.text` and `doc.sections`."""
    from extractors.assignments.extract import extract_assignments
    from extractors.targets.extract import extract_targets

    assert doc.text is not None, "clean the document before extracting"
    doc.targets = extract_targets(doc.text, doc.sections, doc.meta, doc.layout.tables)
    doc.assignments = extract_assignments(doc.text, doc.sections, doc.meta,
                                         doc.layout.tables)
    return doc
