"""Join lines where a sentence runs on: wrapped lines, stray line-end ".", split hyphenations.

A line that ends without sentence punctuation and is followed by a lower-case continuation is
one sentence cut by the page width. An upper-case continuation is only joined in a document
that is visibly wrapped at a fixed width, and only after a full-width line, because a title
line ("8. Các cơ quan báo chí của tỉnh") is followed by an upper-case paragraph too.
Lines with list markers, table rows and paragraphs separated by more than one blank line stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from pipeline.offsets import Edit
from pipeline.vi.lines import (
    Line,
    connectors,
    is_all_caps,
    is_table_row,
    starts_lower,
    starts_with_marker,
)

SENTENCE_END = ".;:!?"
_MARKDOWN = regex.compile(r"\*\*")
_LAST_WORD = regex.compile(r"([\w/&.]+)-$")
_FIRST_WORD = regex.compile(r"^(\w+)")
_RANGE_DASH = regex.compile(r"^[-–]\s*\d")
_NUMBERED = regex.compile(r"^([IVXLC]+|\d+(\.\d+)*)\s*[.)]\s")
_DIGIT_START = regex.compile(r"^\d")
_BARE_NUMBER = regex.compile(r"^\d{1,3}$")
# "giai đoạn." + "2019 - 2020, …", "ngày." + "29/11/2018, …": a lowercase word, a "." and a
# line that opens with a figure which runs on (not a list number "2." / "2)")
_WORD_DOT = regex.compile(r"(?<!\S)\p{Ll}+\.$")
_FIGURE_RUNS_ON = regex.compile(r"^\d+(?:/\d+)*(?=\s*[-–,;]|\s+\p{Ll})")


def continues_lowercase(b: Line) -> bool:
    """`b` opens with a lower-case word, not a list marker: whether the line before runs on
    into it is for the joiner to judge even across a break the source made (a sentence broken
    by hand: "Ban hành Kế hoạch … phát triển" / "và ứng dụng …")."""
    return starts_lower(b.stripped) and not starts_with_marker(b.stripped)


@dataclass(frozen=True)
class Wrap:
    """How a document is wrapped: `width` of a full line, `hard` if wrapped at that width."""

    width: float
    hard: bool


def measure_wrap(lines: list[Line]) -> Wrap:
    """Typical full-line width, and whether most lines are cut near it (OCR'd or PDF text)."""
    lens = sorted(len(ln.stripped) for ln in lines
                  if len(ln.stripped) >= 20 and not is_table_row(ln))
    if len(lens) < 20:
        return Wrap(float("inf"), False)
    width = lens[int(0.9 * (len(lens) - 1))]
    near = sum(1 for n in lens if 0.75 * width <= n <= 1.1 * width)
    if width <= 160 and near >= 0.5 * len(lens):
        return Wrap(width, True)
    return _wrapped_paragraphs(lines) or Wrap(width, False)


MIN_WRAPS = 10


def _wrapped_paragraphs(lines: list[Line]) -> Wrap | None:
    """A web copy wrapped at a fixed width in its paragraphs only (headings, short paragraphs
    and table rows keep the line count below the half `measure_wrap` asks for): the lines a
    sentence surely runs on from (the next line opens in lower case) are mostly full (the
    rest are paragraphs' short first lines, which a web copy keeps from the page's indent)."""
    cut = sorted(len(a.stripped) for a, b in pairwise(lines)
                 if len(a.stripped) >= 20 and not b.blank and continues_lowercase(b)
                 and not is_table_row(a))
    if len(cut) < MIN_WRAPS:
        return None
    width = cut[int(0.9 * (len(cut) - 1))]
    near = sum(1 for n in cut if 0.8 * width <= n <= 1.1 * width)
    return Wrap(width, True) if width <= 160 and near >= 0.5 * len(cut) else None


def _bare(s: str) -> str:
    return _MARKDOWN.sub("", s).strip()


def _ends_with_connector(a: str) -> bool:
    words = a.split()
    return bool(words) and words[-1].lower() in connectors()


def _upper_join(a: str, b: str, a_line: Line, wrap: Wrap) -> bool:
    """Join an upper-case continuation only in wrapped text, after a full or open line."""
    if not wrap.hard or is_all_caps(b) or a.endswith(","):
        return a.endswith(",") and wrap.hard and len(a) >= 0.75 * wrap.width
    if _ends_with_connector(a):
        return True
    return len(a) >= 0.75 * wrap.width and not _NUMBERED.match(a)


def _hyphen_edit(a: str, b: str, cut: int, end: int, text: str) -> Edit:
    """Edit for a line ending in "-": drop the break, and the hyphen if the text says so."""
    x, y = _LAST_WORD.search(a), _FIRST_WORD.search(b)
    if x and y and x.group(1).isalpha() and x.group(1).islower() and y.group(1).islower():
        left, right = x.group(1), y.group(1)
        low = text.lower()
        if f"{left} {right}" in low and f"{left}-{right}" not in low:
            return Edit(cut - 1, end, " ", "hyphenation")
        if regex.search(rf"\b{regex.escape(left + right)}\b", low):
            return Edit(cut - 1, end, "", "hyphenation")
    return Edit(cut, end, "", "line join")


_YEAR_AT_END = regex.compile(r"(?<!\d)(?:19|20)\d\d$")
_YEAR_AFTER_DASH = regex.compile(r"^[-–]\s*(?:\d{1,2}/)?(?:19|20)\d\d(?!\d)")


def _range_ends(a: str, b: str) -> bool:
    """True when line B's dash and figure end a range line A's figure opens: a year runs to a
    year or a month of one ("giai đoạn 2021" / "- 2025", "từ tháng 6/2020" / "- 12/2020");
    after a year, "- 100% trẻ em …" is a list item under a title ("Mục tiêu cụ thể đến năm
    2020" / "- 100% …")."""
    return not _YEAR_AT_END.search(a) or bool(_YEAR_AFTER_DASH.match(b))


def join_edit(a_line: Line, b_line: Line, blanks: int, wrap: Wrap, text: str,
              ocr: bool = True) -> Edit | None:
    """The edit joining line A to line B (over the text between them), or None to keep both.
    In a table only a stray "." before a figure that runs on is dropped (the rows stay). On
    typed text (`ocr` False) no mark is dropped: a line-end "." or ":" before a lowercase
    continuation is the drafter's ("lĩnh vực trọng điểm:" + "nông nghiệp, y tế"), and the
    lines join with it kept."""
    a, b = _bare(a_line.text), _bare(b_line.text)
    dot_before_figure = ocr and not blanks and _WORD_DOT.search(a) \
        and _FIGURE_RUNS_ON.match(b) and text[a_line.content_end - 1] == "."
    if is_table_row(a_line) or is_table_row(b_line) or len(a_line.text) > 2000 or blanks > 1:
        if dot_before_figure:
            cut = a_line.content_end
            return Edit(cut - 1, cut, "", "stray line-end punctuation")
        return None
    if dot_before_figure:
        return Edit(a_line.content_end - 1, b_line.content_start, " ",
                    "stray line-end punctuation")
    if not a or not b or _BARE_NUMBER.match(a):
        return None  # a lone number is a table's running number or a page number
    cut, end = a_line.content_end, b_line.content_start
    if _RANGE_DASH.match(b) and a[-1].isdigit() and not blanks and _range_ends(a, b):
        return Edit(cut, end, " ", "line join")
    if starts_with_marker(b):
        return None
    lower = starts_lower(b)
    if text[cut - 1] != a[-1]:  # markup after the last character: join plainly or not at all
        return Edit(cut, end, " ", "line join") if lower else None
    if a.endswith("-") and not a.endswith(" -") and not blanks:
        return _hyphen_edit(a, b, cut, end, text)
    if a[-1] in ".:" and lower and len(a) > 1 and a[-2].isalnum():
        if a[-1] == "." or (wrap.hard and len(a) >= 0.75 * wrap.width):
            if not ocr:
                return Edit(cut, end, " ", "line join")
            return Edit(cut - 1, end, " ", "stray line-end punctuation")
        return None
    if a[-1] in SENTENCE_END:
        return None
    if _DIGIT_START.match(b) and a[-1].isdigit():
        return None  # two figures, or a figure then a table's running number
    if not blanks and a[-1].isalpha() and _FIGURE_RUNS_ON.match(b):
        return Edit(cut, end, " ", "line join")  # "vào năm" + "2028 theo …": the sentence runs on
    if lower or (not blanks and not is_all_caps(a) and _upper_join(a, b, a_line, wrap)):
        return Edit(cut, end, " ", "line join")
    return None
