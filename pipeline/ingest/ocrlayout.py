"""A scanned page read as words with boxes, and its ruled tables found from the image.

Tesseract's `image_to_data` gives every word with its box, its block, paragraph and line, and a
confidence. The page text is written line by line as Tesseract reads it (the cleaner's OCR
repairs are tuned on that form), except inside ruled tables: their rules are found in the image
(long horizontal and vertical runs of ink), the grid they draw gives the cells, a word belongs
to the cell its centre falls in, and the table is written as cells, whatever order Tesseract
read them in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.ingest.extracted import CellIn, PageBuilder
from pipeline.model import Box

_INK = 150  # grey level under which a pixel is ink
_MIN_RULE = 0.08  # a rule is at least this share of the page width (height for vertical ones)
_MERGE = 6  # pixels: rules closer than this are one rule drawn thick
_COVER = 0.85  # share of a cell edge that must be ink for the edge to be drawn


@dataclass(frozen=True)
class Word:
    """One word Tesseract read: text, box in pixels, its line's key, its confidence."""

    text: str
    box: Box
    line: tuple[int, int, int]  # (block, paragraph, line)
    conf: float


def words_of(data: dict) -> list[Word]:
    """The words of an `image_to_data` dictionary, in Tesseract's reading order."""
    out = []
    for i, text in enumerate(data["text"]):
        if data["level"][i] != 5 or not text.strip():
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        out.append(Word(text, Box(x, y, x + w, y + h),
                        (data["block_num"][i], data["par_num"][i], data["line_num"][i]),
                        float(data["conf"][i])))
    return out


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least `min_len` long, row by row."""
    padded = np.pad(mask, ((0, 0), (1, 1)), constant_values=False).astype(np.int8)
    diff = np.diff(padded, axis=1)
    rows, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)  # row-major order: the k-th end closes the k-th start
    keep = (ends - starts) >= min_len
    return [(int(r), int(s), int(e)) for r, s, e in zip(rows[keep], starts[keep], ends[keep],
                                                         strict=True)]


def _rules(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """Rules as (position, start, end): runs on neighbouring rows merged into one."""
    out: list[list[int]] = []
    for r, s, e in sorted(_runs(mask, min_len)):
        for rule in out:
            if r - rule[0] <= _MERGE and s < rule[2] and rule[1] < e:
                rule[1], rule[2] = min(rule[1], s), max(rule[2], e)
                break
        else:
            out.append([r, s, e])
    return [(p, s, e) for p, s, e in out]


_SKEW = 2 * _MERGE  # pixels a rule drifts over its length on a page scanned slightly askew


def _cluster(values: list[int]) -> list[int]:
    """Rule positions, one per rule: the pieces of a rule drawn thick or scanned askew (a
    rule of a skewed page is found as two segments a few pixels apart) are one."""
    out: list[int] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SKEW:
            out.append(v)
    return out


@dataclass(frozen=True)
class Grid:
    """A ruled table: the y of its horizontal rules and the x of its vertical ones."""

    ys: tuple[int, ...]
    xs: tuple[int, ...]
    ink: np.ndarray

    def _drawn(self, x0: int, y0: int, x1: int, y1: int) -> bool:
        strip = self.ink[max(0, y0):y1 + 1, max(0, x0):x1 + 1]
        if strip.size == 0:
            return False
        along = strip.any(axis=1) if x1 - x0 < y1 - y0 else strip.any(axis=0)
        return float(along.mean()) >= _COVER

    def cells(self) -> list[tuple[int, int, int, int, Box]]:
        """(row, col, row_span, col_span, box) of each cell, merged where a rule is missing."""
        ys, xs = self.ys, self.xs
        n_r, n_c = len(ys) - 1, len(xs) - 1
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for r in range(n_r):
            for c in range(n_c):
                m, w = 3, _SKEW  # along the edge stay off the crossing rules; across, allow skew
                left_drawn = c == 0 or self._drawn(xs[c] - w, ys[r] + m, xs[c] + w, ys[r + 1] - m)
                top_drawn = r == 0 or self._drawn(xs[c] + m, ys[r] - w, xs[c + 1] - m, ys[r] + w)
                if not left_drawn:
                    owner[(r, c)] = owner[(r, c - 1)]
                elif not top_drawn:
                    owner[(r, c)] = owner[(r - 1, c)]
                else:
                    owner[(r, c)] = (r, c)
        spans: dict[tuple[int, int], list[int]] = {}
        for (r, c), o in owner.items():
            span = spans.setdefault(o, [r, c])
            span[0], span[1] = max(span[0], r), max(span[1], c)
        return [(r, c, r2 - r + 1, c2 - c + 1, Box(xs[c], ys[r], xs[c2 + 1], ys[r2 + 1]))
                for (r, c), (r2, c2) in sorted(spans.items())]


_SPAN = 0.5  # a vertical rule of a table runs at least this share of the table's height


def _tables_of(ys: list[int], vertical: list[tuple[int, int, int]]) -> list[list[int]]:
    """Horizontal rules of one width split where no vertical rule crosses the gap between two
    of them (two tables stacked on a page)."""
    groups = [[ys[0]]]
    for a, b in zip(ys, ys[1:], strict=False):
        mid = (a + b) // 2
        if any(s <= mid <= e for _, s, e in vertical):
            groups[-1].append(b)
        else:
            groups.append([b])
    return [g for g in groups if len(g) >= 2]


def ruled_grids(gray: np.ndarray) -> list[Grid]:
    """The ruled tables of a page image (grey levels), top to bottom."""
    ink = gray < _INK
    h, w = ink.shape
    horizontal = _rules(ink, int(_MIN_RULE * w))
    vertical = _rules(ink.T, int(_MIN_RULE * h))
    grids = []
    used: set[int] = set()
    for i, (_y, x0, x1) in enumerate(horizontal):
        if i in used:
            continue
        group = [j for j, (_, s, e) in enumerate(horizontal)
                 if abs(s - x0) <= 4 * _MERGE and abs(e - x1) <= 4 * _MERGE]
        used.update(group)
        inside = [v for v in vertical if x0 - _MERGE <= v[0] <= x1 + _MERGE]
        for ys in _tables_of(_cluster([horizontal[j][0] for j in group]), inside):
            height = ys[-1] - ys[0]
            xs = _cluster([x for x, s, e in inside
                           if min(e, ys[-1]) - max(s, ys[0]) >= _SPAN * height] + [x0, x1])
            # rules under only some columns (merged cells beside them) still part rows
            ys = _cluster([y for y, s, e in horizontal if ys[0] <= y <= ys[-1]
                           and x0 - _MERGE <= s and e <= x1 + _MERGE])
            if len(xs) >= 3:
                grids.append(Grid(tuple(ys), tuple(xs), ink))
    return sorted(_outermost(grids), key=lambda g: g.ys[0])


def _outermost(grids: list[Grid]) -> list[Grid]:
    """Grids that overlap no larger grid: partial rules under merged cells draw small grids
    inside a table, which are parts of it."""
    def area(g: Grid) -> int:
        return (g.xs[-1] - g.xs[0]) * (g.ys[-1] - g.ys[0])

    kept: list[Grid] = []
    for g in sorted(grids, key=area, reverse=True):
        if not any(g.xs[0] < k.xs[-1] and k.xs[0] < g.xs[-1] and g.ys[0] < k.ys[-1]
                   and k.ys[0] < g.ys[-1] for k in kept):
            kept.append(g)
    return kept


def without_rules(gray: np.ndarray, grids: list[Grid]) -> np.ndarray:
    """The page with its tables' rules painted white: Tesseract then reads the cells' words
    instead of rules taken for "|" and "l" glued to them."""
    out = gray.copy()
    pad = _MERGE
    for g in grids:
        x0, x1, y0, y1 = g.xs[0], g.xs[-1], g.ys[0], g.ys[-1]
        for y in g.ys:
            band = out[max(0, y - pad // 2):y + pad, max(0, x0 - pad):x1 + pad]
            band[band < _INK] = 255
        for x in g.xs:
            band = out[max(0, y0 - pad):y1 + pad, max(0, x - pad // 2):x + pad]
            band[band < _INK] = 255
    return out


def _inside(word: Word, box: Box) -> bool:
    cx, cy = (word.box.x0 + word.box.x1) / 2, (word.box.top + word.box.bottom) / 2
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


_JUNK_CONF = 60  # a word of rule debris reads with less confidence than this


def _debris(word: Word) -> bool:
    """What an erased rule leaves for Tesseract: a mark with no letter or digit ("¬", "——",
    "|"), read with low confidence."""
    return word.conf < _JUNK_CONF and not any(ch.isalnum() for ch in word.text)


def _cell_text(words: list[Word]) -> str:
    """A cell's words as lines, top to bottom, each left to right. A word belongs to the line
    its vertical centre falls in: tops alone differ by a whole accent (Quản, lý, tịch)."""
    lines: list[list[Word]] = []
    spans: list[list[float]] = []
    for w in sorted((w for w in words if not _debris(w)),
                    key=lambda w: ((w.box.top + w.box.bottom) / 2, w.box.x0)):
        centre = (w.box.top + w.box.bottom) / 2
        if spans and spans[-1][0] <= centre <= spans[-1][1]:
            lines[-1].append(w)
            spans[-1][1] = max(spans[-1][1], w.box.bottom)
        else:
            lines.append([w])
            spans.append([w.box.top, w.box.bottom])
    return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.box.x0))
                     for ln in lines)


_COLUMN_GAP = 1.5  # line heights: a wider gap between two words on a line parts columns


def line_text(words: list[Word]) -> str:
    """A line's words joined by a space, or by three where a wide gap parts columns (a table
    without rules, a letterhead), as a text copy of the page writes them."""
    out: list[str] = []
    for prev, word in zip([None, *words], words, strict=False):
        if prev is not None:
            height = max(word.box.bottom - word.box.top, prev.box.bottom - prev.box.top, 1)
            out.append("   " if word.box.x0 - prev.box.x1 > _COLUMN_GAP * height else " ")
        out.append(word.text)
    return "".join(out)


def build_page(words: list[Word], grids: list[Grid], scale: float = 1.0) -> PageBuilder:
    """The page written from its words: lines in Tesseract's order, ruled tables as cells
    where they stand. `scale` converts pixels to the points boxes are kept in."""
    page = PageBuilder()
    tables = [(g, g.cells()) for g in grids]
    table_of: dict[int, int] = {}
    for k, word in enumerate(words):
        for t, (g, _cells) in enumerate(tables):
            if _inside(word, Box(g.xs[0], g.ys[0], g.xs[-1], g.ys[-1])):
                table_of[k] = t
    written: set[int] = set()
    line_words: list[Word] = []
    for k, word in enumerate(words):
        t = table_of.get(k)
        if t is not None:
            if line_words:
                page.text(line_text(line_words))
                line_words = []
            if t not in written:
                written.add(t)
                page.table(_table_cells(words, table_of, t, tables[t][1], scale),
                           box=_scaled(Box(tables[t][0].xs[0], tables[t][0].ys[0],
                                           tables[t][0].xs[-1], tables[t][0].ys[-1]), scale),
                           source="ocr")
            continue
        if line_words and word.line != line_words[-1].line:
            page.text(line_text(line_words))
            if word.line[:2] != line_words[-1].line[:2]:
                page.text("")  # a new paragraph: a blank line, as Tesseract's text output has
            line_words = []
        line_words.append(word)
    if line_words:
        page.text(line_text(line_words))
    return page


def _scaled(box: Box, scale: float) -> Box:
    return Box(box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale)


def _table_cells(words: list[Word], table_of: dict[int, int], t: int,
                 cells: list[tuple[int, int, int, int, Box]], scale: float) -> list[CellIn]:
    mine = [w for k, w in enumerate(words) if table_of.get(k) == t]
    out = []
    for r, c, rs, cs, box in cells:
        inside = [w for w in mine if _inside(w, box)]
        out.append(CellIn(r, c, _cell_text(inside), rs, cs, _scaled(box, scale)))
    return out
