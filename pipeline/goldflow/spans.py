"""Placing record strings in a task's text, and offsets as Label Studio counts them.

Gold strings are written against the collapsed reference text (NFC, `**` removed, whitespace
runs as one space), while Label Studio highlights spans of the text as shown. The score's
Locator maps between the two; a string it can only find ignoring case or fuzzily is placed
where it was found, and the caller keeps the string as written beside the highlight.
Label Studio runs in a browser, where string offsets count UTF-16 code units: a character
outside the Basic Multilingual Plane counts twice there, once in Python.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from pipeline.gold import collapse
from pipeline.score.locate import Locator


def task_text(text: str) -> str:
    """The text a task shows: NFC, with `\\n` line ends (a browser would fold `\\r\\n`)."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def span_string(text: str, start: int, end: int) -> str:
    """The record string a highlighted span stands for: the span collapsed."""
    return collapse(text[start:end])


@dataclass(frozen=True)
class Placement:
    """Where a string sits in the task text; `exact` when the span collapses to the string."""

    start: int
    end: int
    exact: bool


class Placer:
    """Finds record strings in one task text (exact first, then ignoring case, then fuzzy)."""

    def __init__(self, text: str):
        self.text = text
        self.locator = Locator(text)

    def place(self, needle: str, after: int = 0) -> Placement | None:
        """The first occurrence of `needle` at or after `after` (else the first anywhere)."""
        spans = self.locator.find(needle) if needle and needle.strip() else []
        if not spans:
            return None
        start, end = next((span for span in spans if span[0] >= after), spans[0])
        return Placement(start, end, span_string(self.text, start, end) == collapse(needle))

    def place_within(self, needle: str, start: int, end: int) -> Placement | None:
        """`needle` inside the window [start, end) of the text (a heading on its line)."""
        window = self.text[start:end]
        found = Placer(window).place(needle) if window.strip() else None
        if found is None:
            return None
        return Placement(start + found.start, start + found.end, found.exact)


class Utf16Offsets:
    """Converts Python string offsets to and from the UTF-16 offsets Label Studio stores."""

    def __init__(self, text: str):
        self.wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.wide_js = [i + k + 1 for k, i in enumerate(self.wide)]

    def to_js(self, offset: int) -> int:
        """UTF-16 offset of a Python offset."""
        return offset + bisect_right(self.wide, offset - 1) if self.wide else offset

    def to_py(self, offset: int) -> int:
        """Python offset of a UTF-16 offset (one inside a surrogate pair rounds down)."""
        if not self.wide:
            return offset
        return offset - bisect_right(self.wide_js, offset)
