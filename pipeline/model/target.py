"""Target: a quantified commitment (ANNOTATION §2) with its evidence span."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Target:
    """One distinct target; field names follow the annotation contract."""

    indicator: str
    code: str
    value: float
    value_max: float | None
    unit: str
    comparator: str
    kind: str
    scope_level: str | None
    year: int | None
    period_start: int | None
    evidence: str
    start: int
    end: int
    section: int | None = None
    method: str = ""
    page: int | None = None  # 1-based page of the source (PDF, images); None for text, DOCX
    source_start: int | None = None  # the span in the ingested text (Document.raw_text)
    source_end: int | None = None
