"""Correction: one change the cleaner made (or suggests), for audit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Correction:
    """A replacement of `before` by `after`.

    `start`/`end` are offsets of `after` in the cleaned text, `source_start`/`source_end` of
    `before` in the ingested text. `applied` is False in suggestion mode.
    """

    start: int
    end: int
    source_start: int
    source_end: int
    before: str
    after: str
    reason: str
    score: float = 1.0
    applied: bool = True
    page: int | None = None  # 1-based page of the source (PDF, images); None for text, DOCX
