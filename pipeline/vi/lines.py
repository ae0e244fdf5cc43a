"""Lines with offsets and the line grammar of administrative documents.

Layout and segmentation decide line by line (is this a heading, a list item, a table row, a
title in capitals?), so the text is split once into lines that remember where they sit in the
text. The grammar's patterns and word lists are data (`pipeline/vi/data/*.txt`):
`starts_with_marker("2.1. Mục tiêu cụ thể")` and `starts_with_marker("a) Hạ tầng")` are
true, `starts_with_marker("Ủy ban nhân dân tỉnh")` is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.vi.resources import word_list


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
def _line_markers() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(p) for p in word_list("line_markers.txt"))


@cache
def connectors() -> frozenset[str]:
    """Words that cannot end a clause ("và", "của", "nhằm"): a line ending on one runs on."""
    return frozenset(word_list("connectors.txt"))


@cache
def sentence_openers() -> tuple[str, ...]:
    """Words that open a sentence of duties or body text ("Chủ trì", "Phối hợp")."""
    return tuple(word_list("sentence_openers.txt"))


_COLUMN_GAP = regex.compile(r"\S(\t| {3,})\S")


def is_table_row(line: Line) -> bool:
    """Tab-separated cells, or columns kept apart by wide gaps (OCR'd tables). A tab before
    a numbered, lettered or bulleted line and nowhere after it is a word processor's first-line
    indent ("\t1. Sở Nội vụ: …", "\ta) …"), not an empty first cell."""
    body = line.text.strip()
    if "\t" in body or _COLUMN_GAP.search(line.text):
        return True
    return "\t" in line.text[:len(line.text) - len(line.text.lstrip())] \
        and not starts_with_marker(body)


def starts_with_marker(s: str) -> bool:
    """True if `s` opens a heading, a list item or a block that must keep its own line."""
    stripped = s.strip()
    return any(p.search(stripped) for p in _line_markers())


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
