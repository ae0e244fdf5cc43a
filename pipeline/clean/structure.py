"""Cleaning step: structure (being built; returns no edits yet)."""

from __future__ import annotations

from pipeline.offsets import Edit


def edits(text: str) -> list[Edit]:
    """Edits this step proposes for `text`."""
    return []
