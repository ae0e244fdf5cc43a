"""A document's text as cells, whatever form its letterhead and signature block took.

The two-column letterhead (issuer and number on the left, national motto and date on the
right) and the signature block reach us as plain lines, markdown bold, a web copy's pipe table
("|" lines between cells whose text wraps over several lines), a PDF's columns side by side on
one line (separated by a tab or a run of spaces) or read one after the other, or an OCR'd
scan of any of these. Cutting the text into cells (one column of one line; a whole pipe cell
with its wrapped lines joined) and dropping the markdown makes them all read alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

PIPE_CELL_MAX_LINES = 8  # a letterhead or signature cell; longer runs are body text
_SEPARATOR = regex.compile(r"^\s*\|[\s|]*$")
_COLUMN_GAP = regex.compile(r"\t+|[ \u00a0]{3,}")
# emphasis opens after a space and closes before one or a punctuation mark: "(1+1)*2" stays
_MARKDOWN = regex.compile(r"(?<!\S)\*+|\*+(?![^\s\p{P}])|(?m)^\s*#+\s"
                          r"|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)")


@dataclass(frozen=True)
class Cell:
    """One column of one line (or one pipe cell), markdown removed and spaces collapsed."""

    text: str
    row: int  # index of the line or pipe row it is on
    column: int  # 0 for the first cell of its row
    start: int  # offset of its first line in the text


def plain(text: str) -> str:
    """`text` without markdown emphasis and with runs of white space as single spaces."""
    return " ".join(_MARKDOWN.sub(" ", text).split())


def _line_cells(line: str, row: int, start: int) -> list[Cell]:
    """The columns of one line; a line that starts with a column gap starts in column 1 (the
    right-hand column alone, as a signer's name under the block beside the recipients)."""
    parts = _COLUMN_GAP.split(line)
    shift = 1 if len(parts) > 1 and not parts[0].strip() else 0
    out = []
    for part in parts:
        cleaned = plain(part)
        if cleaned:
            out.append(Cell(cleaned, row, len(out) + shift, start))
    return out


def _pipe_groups(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(first, end, is_cell) line ranges: groups of at most PIPE_CELL_MAX_LINES lines, without
    a blank line, between two separator lines are pipe cells; all else is ordinary lines."""
    seps = [i for i, ln in enumerate(lines) if _SEPARATOR.match(ln)]
    groups, pos = [], 0
    for a, b in zip(seps, seps[1:], strict=False):
        body = lines[a + 1:b]
        if b - a - 1 and b - a - 1 <= PIPE_CELL_MAX_LINES and all(ln.strip() for ln in body):
            if pos < a:
                groups.append((pos, a, False))
            groups.append((a + 1, b, True))
            pos = b + 1
    if pos < len(lines):
        groups.append((pos, len(lines), False))
    return groups


def cells(text: str) -> list[Cell]:
    """The cells of `text` in reading order. Pipe cells of one table row share a row (a row
    ends where two separator lines meet); other lines are split into columns at tabs and runs
    of three or more spaces."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    out: list[Cell] = []
    row, closed_at, column = 0, -2, 0
    for first, end, is_cell in _pipe_groups(lines):
        if is_cell:
            same_row = first == closed_at + 1  # no second separator line between the cells
            row, column = (row, column + 1) if same_row else (row + 1, 0)
            closed_at = end
            cleaned = plain(" ".join(lines[first:end]))
            if cleaned:
                out.append(Cell(cleaned, row, column, offsets[first]))
            continue
        for i in range(first, end):
            if not _SEPARATOR.match(lines[i]):
                row += 1
                out.extend(_line_cells(lines[i], row, offsets[i]))
    return out
