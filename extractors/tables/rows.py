"""Cells and task rows shared by the table readers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.mentions.deadlines import Deadline

Report = Callable[[str, Exception], None]  # (what was skipped, why): see Document.report


def guarded(report: Report | None, what: str, read: Callable[[], list]) -> list:
    """`read()`, or [] with the error told to `report` (raised when there is none to tell)."""
    try:
        return read()
    except Exception as exc:  # noqa: BLE001 - one odd table must not lose the document
        if report is None:
            raise
        report(what, exc)
        return []


@dataclass
class Cell:
    """A cell's text span in the document."""

    start: int
    end: int


@dataclass
class TableRow:
    """One task row: its task cell, agencies by role (name, end offset) and completion time."""

    task_start: int
    task_end: int
    cell_start: int
    leads: list[tuple[str, int]] = field(default_factory=list)
    partners: list[tuple[str, int]] = field(default_factory=list)
    deadline: Deadline = field(default_factory=lambda: Deadline(None))
