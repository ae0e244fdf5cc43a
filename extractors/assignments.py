"""Assignments (being built)."""

from __future__ import annotations

from pipeline.model import Assignment, DocumentMeta, Section


def extract_assignments(
    text: str, sections: list[Section], meta: DocumentMeta
) -> list[Assignment]:
    """Every (task, agency, role) record in `text`."""
    return []
