"""Assignment: who must do what, by when (ANNOTATION §3)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Assignment:
    """One (task, agency, role) record with its normalized deadline and evidence span."""

    agency: str
    role: str
    task: str
    deadline_text: str | None
    due_start: str | None
    due_end: str | None
    recurrence: str | None
    evidence: str
    start: int
    end: int
    section: int | None = None
    method: str = ""
    page: int | None = None  # 1-based page of the source (PDF, images); None for text, DOCX
    source_start: int | None = None  # the span in the ingested text (Document.raw_text)
    source_end: int | None = None
