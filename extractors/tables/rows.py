"""Cells and task rows shared by the table readers."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.mentions.deadlines import Deadline


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
