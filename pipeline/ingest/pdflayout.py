"""Lines of a page grouped into blocks from their geometry, as a reader's eye groups them.

A line break is a wrap when the next line's first word would not have fitted at the end of the
line (the typesetter had to break there); otherwise the writer ended the line: a paragraph, a
title or a list item ends. A wider gap than the page's line pitch, or a change between bold and
regular type, also starts a block; a bold title that wraps stays one block because its break is
a wrap. The same rule serves PDF text lines and Tesseract's lines, given their boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import regex

from pipeline.model import Box

_PAGE_NUMBER = regex.compile(r"^[\s\-–—]*(?:\d{1,3}|[ivxlIVXL]{1,5})[\s\-–—]*$")
_FURNITURE_MARGIN = 0.07  # share of the page height at the top and bottom for page numbers
_GAP_FACTOR = 1.2  # a line further below the last than this many pitches starts a block
_INDENT = 6.0  # points: a first line set this much right of the line above opens a paragraph
_ENDS_SENTENCE = ".:;!?"
_OPENS_ITEM = regex.compile(r"^(?:[-–•+]\s|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXL]{1,5}[.)]\s"
                            r"|Điều\s+\d|Phần\s)")
_MAX_HEADING_CHARS = 300


@dataclass(frozen=True)
class TextLine:
    """One line of a page: its text, box, whether its type is bold, its first word's width."""

    text: str
    box: Box
    bold: bool
    first_word_width: float
    space_width: float


def _pitch(lines: list[TextLine]) -> float | None:
    """The page's usual distance from one line's top to the next line's."""
    deltas = [b.box.top - a.box.top for a, b in zip(lines, lines[1:], strict=False)
              if b.box.top > a.box.top]
    return median(deltas) if deltas else None


def starts_block(prev: TextLine, line: TextLine, right: float, pitch: float | None) -> bool:
    """True if `line` does not continue `prev` (see the module docstring)."""
    if prev.bold != line.bold:
        return True
    if pitch and line.box.top - prev.box.top > _GAP_FACTOR * pitch:
        return True
    if prev.text.rstrip()[-1:] in _ENDS_SENTENCE and (
            line.box.x0 > prev.box.x0 + _INDENT or _OPENS_ITEM.match(line.text)):
        return True  # an indented first line, or an item, after a finished sentence
    room = right - prev.box.x1
    return line.first_word_width + prev.space_width <= room


def is_furniture(line: TextLine, page_height: float) -> bool:
    """A page number alone in the top or bottom margin."""
    margin = _FURNITURE_MARGIN * page_height
    in_margin = line.box.bottom <= margin or line.box.top >= page_height - margin
    return in_margin and bool(_PAGE_NUMBER.match(line.text))


@dataclass(frozen=True)
class LineBlock:
    """Lines that belong together, and what they look like."""

    lines: tuple[TextLine, ...]
    kind: str
    bold: bool
    box: Box


def _union(boxes: list[Box]) -> Box:
    return Box(min(b.x0 for b in boxes), min(b.top for b in boxes),
               max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def group_lines(lines: list[TextLine], page_height: float) -> list[LineBlock]:
    """The page's lines (top to bottom) grouped into blocks; page numbers as furniture."""
    body = [ln for ln in lines if not is_furniture(ln, page_height)]
    right = max((ln.box.x1 for ln in body), default=0.0)
    pitch = _pitch(body)
    groups: list[list[TextLine]] = []
    for ln in lines:
        if ln not in body:
            groups.append([ln])
            continue
        prev = groups[-1][-1] if groups and groups[-1][-1] in body else None
        if prev is None or starts_block(prev, ln, right, pitch):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    out = []
    for group in groups:
        bold = all(ln.bold for ln in group)
        text_len = sum(len(ln.text) for ln in group)
        if group[0] not in body:
            kind = "furniture"
        elif bold and text_len <= _MAX_HEADING_CHARS:
            kind = "heading"
        else:
            kind = "paragraph"
        out.append(LineBlock(tuple(group), kind, bold, _union([ln.box for ln in group])))
    return out
