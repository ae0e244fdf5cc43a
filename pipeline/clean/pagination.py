"""Page furniture that interrupts the text: page numbers, running headers, signature stamps.

A page number is only recognised as part of a rising sequence (2, 3, 4 …) so that a lone
number in a table ("28" of an STT column wrapped onto its own line) is left alone, and only
where the numbers are a page of text apart: the STT column of a table OCR'd one cell per line
(a scan loses the tabs) also rises 9, 10, 11 …, a row or two of cells apart, and taking it for
page numbers would delete the row numbers and, as "running headers" beside them, the agency
cells ("Sở Xây dựng") that repeat down the table.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from importlib import resources

import regex

from pipeline.clean.config import LayoutConfig
from pipeline.vi.lines import Line, is_table_row, starts_with_marker
from pipeline.yamldata import load_yaml

_DIGITS = regex.compile(r"\d+")
# LayoutConfig: a page number may skip up to two pages (blank pages, OCR losses); the text
# from one page number to the next, per page they are apart, is at least `min_link_chars` for
# any link (thanhhoa's shortest page, the signature page, is 635) and `median_page_chars` at
# the median of the chain (thanhhoa's pages: 2,100-2,600; a table's rows one cell per line:
# 60-200); a bare number with its neighbour value (n - 1 before it or n + 1 after it) within
# `row_reach` is a row number of a table column, not a page number


@cache
def _patterns() -> dict[str, tuple[regex.Pattern, ...]]:
    """The furniture patterns (`pipeline/clean/data/furniture.yaml`; static data)."""
    raw = resources.files("pipeline.clean.data").joinpath("furniture.yaml")
    data = load_yaml(raw.read_text(encoding="utf-8"))
    return {k: tuple(regex.compile(p) for p in v) for k, v in data.items()}


def matches_any(key: str, s: str) -> bool:
    """True if `s` matches (searches) any pattern of furniture list `key`."""
    return any(p.search(s) for p in _patterns()[key])


def _page_value(line: Line) -> int | None:
    """The number a page-number-shaped line shows, else None."""
    if "\t" in line.text or line.blank:
        return None
    s = line.stripped
    if not matches_any("page_number", s):
        return None
    return int(_DIGITS.search(s).group())


def _longest_chain(cands: list[tuple[int, int, int]], cfg: LayoutConfig) -> list[int]:
    """Positions in `cands` (line index, value, offset) of the longest chain of rising page
    numbers: steps of 1..max_step, each at least min_link_chars of text per step apart."""
    best: list[int] = [1] * len(cands)
    prev: list[int] = [-1] * len(cands)
    for j, (_, vj, oj) in enumerate(cands):
        for i in range(j):
            step = vj - cands[i][1]
            if 1 <= step <= cfg.max_step and oj - cands[i][2] >= cfg.min_link_chars * step \
                    and best[i] + 1 > best[j]:
                best[j], prev[j] = best[i] + 1, i
    if not cands:
        return []
    j = max(range(len(cands)), key=lambda k: best[k])
    chain = []
    while j != -1:
        chain.append(j)
        j = prev[j]
    return chain[::-1]


def _page_sized(chain: list[tuple[int, int, int]], cfg: LayoutConfig) -> bool:
    """True if the chain's numbers are, at the median, a page of text apart per step."""
    per_page = sorted((b[2] - a[2]) / (b[1] - a[1])
                      for a, b in zip(chain, chain[1:], strict=False))
    return per_page[(len(per_page) - 1) // 2] >= cfg.median_page_chars  # the lower median


def _row_numbers(cands: list[tuple[int, int, int]], reach: int) -> set[int]:
    """Positions in `cands` of numbers that sit in a dense run n, n + 1 (a table's STT
    column): the previous value shortly before, or the next one shortly after."""
    at: dict[int, list[int]] = {}
    for _, v, o in cands:
        at.setdefault(v, []).append(o)
    return {k for k, (_, v, o) in enumerate(cands)
            if any(0 < o - p <= reach for p in at.get(v - 1, ()))
            or any(0 < p - o <= reach for p in at.get(v + 1, ()))}


def page_number_lines(lines: list[Line], cfg: LayoutConfig | None = None) -> set[int]:
    """Indices of lines that are page numbers: the longest page-sized rising chain of at
    least three (a chain of table row numbers is set aside and the search goes on)."""
    cands = [(ln.index, v, ln.start) for ln in lines if (v := _page_value(ln)) is not None]
    found = {i for i, _, _ in cands if matches_any("page_number_explicit", lines[i].stripped)}
    cfg = cfg or LayoutConfig()
    rows = _row_numbers(cands, cfg.row_reach)
    cands = [c for k, c in enumerate(cands) if k not in rows]
    while len(cands) >= 3:
        chain = _longest_chain(cands, cfg)
        if len(chain) < 3:
            break
        members = [cands[k] for k in chain]
        if _page_sized(members, cfg):
            found.update(i for i, _, _ in members)
            break
        taken = set(chain)
        cands = [c for k, c in enumerate(cands) if k not in taken]
    return found


def _near(lines: list[Line], index: int, targets: set[int], reach: int = 2) -> bool:
    """True if a line in `targets` is within `reach` non-blank lines of line `index`."""
    for direction in (-1, 1):
        seen, k = 0, index + direction
        while 0 <= k < len(lines) and seen < reach:
            if k in targets:
                return True
            if not lines[k].blank:
                seen += 1
            k += direction
    return False


def running_header_lines(lines: list[Line], pages: set[int]) -> set[int]:
    """Indices of a short line repeated on several pages, next to their page numbers."""
    if not pages:
        return set()
    counts = Counter(ln.stripped for ln in lines if not ln.blank)
    out: set[int] = set()
    for text, n in counts.items():
        if n < 3 or len(text) > 100 or starts_with_marker(text):
            continue
        hits = [ln.index for ln in lines
                if ln.stripped == text and not is_table_row(ln) and _near(lines, ln.index, pages)]
        if len(hits) >= 2:
            out.update(hits)
    return out


def _stamp_kind(s: str) -> str | None:
    """'signer', 'time' or 'other' for a line a signing tool prints, else None."""
    if matches_any("stamp_signer", s):
        return "signer"
    if any(p.fullmatch(s) for p in _patterns()["stamp_timestamp"]):
        return "time"
    if matches_any("stamp_other", s):
        return "time" if matches_any("stamp_timestamp", s) else "other"
    return None


def stamp_lines(lines: list[Line]) -> set[int]:
    """Indices of digital-signature stamp blocks (a signer line and a timestamp, nothing else)."""
    out: set[int] = set()
    block: list[tuple[int, str]] = []
    for ln in [*lines, None]:
        kind = _stamp_kind(ln.stripped) if ln is not None and not ln.blank else None
        if kind is not None:
            block.append((ln.index, kind))
            continue
        kinds = {k for _, k in block}
        if {"signer", "time"} <= kinds:
            out.update(i for i, _ in block)
        block = []
    return out
