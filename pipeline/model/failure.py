"""Failure: a document that could not be processed, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Failure:
    """One row of the `failures` table."""

    source: str
    stage: str
    error_type: str
    message: str
    doc_id: str | None = None
