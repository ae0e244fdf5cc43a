"""The section tree (being built; returns no sections yet)."""

from __future__ import annotations

from pipeline.model import Section


def segment(text: str) -> list[Section]:
    """Sections of the cleaned `text`, in document order."""
    return []
