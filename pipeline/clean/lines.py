"""Lines with offsets and the shape tests that layout decisions share.

Layout edits are decided line by line (is this a page number, a table row, a list item?), so
the text is split once into lines that remember where they sit in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex
import yaml


@dataclass(frozen=True)
class Line:
    """One line of text: `start`/`end` bound its content, without the newline."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        """The content without surrounding blanks."""
        return self.text.strip()

    @property
    def blank(self) -> bool:
        """True for an empty or whitespace-only line."""
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        """Offset of the first non-blank character."""
        return self.start + (len(self.text) - len(self.text.lstrip()))

    @property
    def content_end(self) -> int:
        """Offset just after the last non-blank character."""
        return self.start + len(self.text.rstrip())


def split_lines(text: str) -> list[Line]:
    """Every line of `text` (split on "\\n" only: normalize has unified line endings)."""
    out: list[Line] = []
    pos = 0
    for i, part in enumerate(text.split("\n")):
        out.append(Line(i, pos, pos + len(part), part))
        pos += len(part) + 1
    return out


@cache
def layout_data() -> dict:
    """The layout data file, loaded once."""
    raw = resources.files("pipeline.data").joinpath("layout.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(raw)


@cache
def patterns(key: str) -> tuple[regex.Pattern, ...]:
    """Compiled regexes of one list in the layout data file."""
    return tuple(regex.compile(p) for p in layout_data()[key])


def matches_any(key: str, s: str) -> bool:
    """True if `s` matches (searches) any regex of list `key`."""
    return any(p.search(s) for p in patterns(key))


_COLUMN_GAP = regex.compile(r"\S(\t| {3,})\S")


def is_table_row(line: Line) -> bool:
    """Tab-separated cells, or columns kept apart by wide gaps (OCR'd tables)."""
    return "\t" in line.text or bool(_COLUMN_GAP.search(line.text))


def starts_with_marker(s: str) -> bool:
    """True if `s` opens a heading, a list item or a block that must keep its own line."""
    return matches_any("line_markers", s.strip())


def is_all_caps(s: str) -> bool:
    """A title or letterhead line: letters, all capitals (at least four of them)."""
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def starts_lower(s: str) -> bool:
    """True if the first letter-or-digit of `s` is a lower-case letter."""
    for c in s.strip():
        if c.isalnum():
            return c.islower()
    return False
