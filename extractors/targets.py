"""Targets (being built)."""

from __future__ import annotations

from pipeline.model import DocumentMeta, Section, Target


def extract_targets(text: str, sections: list[Section], meta: DocumentMeta) -> list[Target]:
    """Every quantified commitment in `text`."""
    return []
