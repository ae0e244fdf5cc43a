"""What a line opens: a heading ("II.", "2.1.", "Phần I", "Điều 2", "PHỤ LỤC"), a numbered
paragraph, a list item, or nothing. Shapes come from `pipeline/data/heading_patterns.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex
from rapidfuzz.distance import Levenshtein

from pipeline.vi.fold import fold
from pipeline.vi.markers import roman_value
from pipeline.yamldata import load_yaml


@dataclass(frozen=True)
class Shape:
    """A line's opening: `kind` (phan, part, dieu, phuluc, roman, arabic, letter, dash, plus)."""

    kind: str
    rank: int
    num: str
    rest: str


@cache
def data() -> dict:
    """The heading-pattern data file, loaded once."""
    raw = resources.files("pipeline.data").joinpath("heading_patterns.yaml")
    return load_yaml(raw.read_text(encoding="utf-8"))


@cache
def _compiled() -> tuple[tuple[str, int, regex.Pattern], ...]:
    return tuple((h["kind"], h["rank"], regex.compile(h["regex"])) for h in data()["headings"])


@cache
def _listed(key: str) -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(p) for p in data()[key])


def shapes_of(line: str) -> list[Shape]:
    """Every heading or item shape that `line` (stripped) could open with, best first."""
    out = []
    for kind, rank, pattern in _compiled():
        m = pattern.match(line)
        if m:
            out.append(Shape(kind, rank, " ".join(m.group("num").split()), m.group("rest").strip()))
    return out


def is_annex_title(title: str) -> bool:
    """An appendix's list title ("DANH MỤC CÁC NHIỆM VỤ …"), compared without accents (OCR
    confuses accents first) and allowing one OCR misreading."""
    head = fold(title)
    for word in data()["annex_words"]:
        w = fold(word)
        if Levenshtein.distance(head[:len(w)], w) <= (1 if len(w) >= 6 else 0):
            return True
    return False


def is_terminator(line: str) -> bool:
    """A recipients or signature line: the plan's sections end here."""
    return any(p.match(line) for p in _listed("terminators"))


def runs_on(title: str) -> bool:
    """True if a numbered line's text is a sentence (a paragraph), not a title."""
    cfg = data()["paragraph"]
    if len(title) > cfg["max_title"]:
        return True
    return any(regex.search(p, title) for p in cfg["run_on"])


def repair_arabic(num: str, expected: int) -> str | None:
    """The number `num` read with OCR repairs, if it is valid and (when repaired) fits."""
    if regex.fullmatch(r"\d{1,2}(\.\d{1,2})*", num):
        return num
    fixed = "".join(data()["ocr_digits"].get(c, c) for c in num)
    return fixed if fixed.isdigit() and int(fixed) == expected else None


def repair_roman(num: str, expected: int) -> str | None:
    """The Roman numeral `num`, with OCR repairs ("111" for "III") where they fit the sequence."""
    if roman_value(num) is not None:
        return num
    fixed = "".join(data()["ocr_roman"].get(c, c) for c in num)
    return fixed if roman_value(fixed) == expected else None
