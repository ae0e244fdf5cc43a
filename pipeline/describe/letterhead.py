"""The letterhead's parts: the issuer block, the place of signing, the title line, and a
decision's authority line.

In every form the genre takes, the letterhead is the cells before the type line ("KẾ HOẠCH",
"QUYẾT ĐỊNH"). Among them the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập -
Tự do - Hạnh phúc"), the number line and the place-and-date line are known by their words;
what remains, printed in capitals near the motto, is the issuer block ("ỦY BAN NHÂN DÂN / TỈNH
BẮC NINH"), whichever column or order the source put it in. A decision repeats its issuer as
the authority line between its title and "Căn cứ …" ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from pipeline.describe.bodies import names_a_body
from pipeline.describe.cells import Cell, cells
from pipeline.describe.text import fold, folded_words, mostly_capitals
from pipeline.vi.legal import LETTERHEAD_CHARS, find_place_date, match_place_date, number_spans
from pipeline.yamldata import load_yaml

ISSUER_WINDOW = 4  # issuer fragments sit at most this many fragments before the motto (and
# twice as many after it, when a PDF read the right-hand column first)
_MOTTO = [regex.compile(r"(?:cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*viet\s*nam){e<=3}"),
          regex.compile(r"(?:doc\s*lap\s*tu\s*do\s*hanh\s*phuc){e<=2}")]
_RULE = regex.compile(r"[-_=–—.]{3,}")
_AUTHORITY_STOP = regex.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Xét|Theo|QUYẾT\s+ĐỊNH\s*:|Điều\s+\d)")


@cache
def doc_types() -> dict[str, list[str]]:
    """Type codes ("KH") and the title words that name them ("KẾ HOẠCH"), from data."""
    text = resources.files("pipeline.data").joinpath("doc_types.yaml").read_text("utf-8")
    return load_yaml(text)


@cache
def _type_words() -> dict[str, str]:
    """Folded type words ("ke hoach") and their codes, longest first."""
    pairs = {folded_words(w): code for code, words in doc_types().items() for w in words}
    return dict(sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True))


@cache
def _type_word_pattern() -> re.Pattern:
    words = "|".join(re.escape(k).replace(r"\ ", " +") for k in _type_words())
    return re.compile(rf"(?:{words})(?![a-z0-9])")


def _type_word_at(text: str) -> str | None:
    """The type word that starts a cell, in capitals ("KẾ HOẠCH", OCR'd "QUYET ĐỊNH"), as
    printed; not the "QUYẾT ĐỊNH:" that opens a decision's articles."""
    m = _type_word_pattern().match(fold(text[:40]))
    if m and text[m.end():m.end() + 1] != ":" and mostly_capitals(text[:m.end()], 0.9):
        return text[:m.end()]
    return None


@dataclass(frozen=True)
class Letterhead:
    """What the head of a document says about its issuer, place, type and title."""

    issuer: str | None = None  # the issuer block as printed, lines joined
    place: str | None = None  # place of signing ("Hà Nội", "Thành phố Hồ Chí Minh")
    date: str | None = None  # ISO date of signing
    type_word: str | None = None  # "KẾ HOẠCH", as the type line prints it
    title_cells: tuple[Cell, ...] = ()  # the type line's cell and the cells after it
    authority: str | None = None  # a decision's authority line


def type_code(word: str) -> str | None:
    """The type code ("QĐ") a type line's word ("QUYẾT ĐỊNH", "QUYET DINH") names."""
    return _type_words().get(folded_words(word))


def _without(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of `text` outside `spans`, split at rules ("-------")."""
    pieces, pos = [], 0
    for a, b in sorted(spans):
        pieces.append(text[pos:a])
        pos = max(pos, b)
    pieces.append(text[pos:])
    return [p.strip(" ,;:") for piece in pieces for p in _RULE.split(piece) if p.strip(" ,;:")]


def _fragments(cell: Cell) -> tuple[list[str], bool]:
    """The cell's text less motto, number and place-date, and whether it held the motto."""
    folded = fold(cell.text)
    spans = [m.span() for pattern in _MOTTO for m in pattern.finditer(folded)]
    motto = bool(spans)
    spans += number_spans(cell.text)
    date = match_place_date(cell.text)
    if date:
        spans.append(date.span())
    return [p for p in _without(cell.text, spans) if sum(ch.isalpha() for ch in p) >= 2], motto


def _issuer_block(head: list[Cell]) -> str | None:
    fragments: list[str] = []
    motto_at: int | None = None
    for cell in head:
        pieces, motto = _fragments(cell)
        if motto and motto_at is None:
            motto_at = len(fragments)
        fragments.extend(pieces)
    if motto_at is None:
        fragments = fragments[:2 * ISSUER_WINDOW]
    else:
        fragments = fragments[max(0, motto_at - ISSUER_WINDOW):motto_at + 2 * ISSUER_WINDOW]
    block = [f for f in fragments if mostly_capitals(f)]
    return " ".join(block) or None


def _authority(after_title: list[Cell]) -> str | None:
    """The first capitals line after the title that a local or national body's name starts."""
    for cell in after_title[:12]:
        if _AUTHORITY_STOP.match(cell.text):
            return None
        if mostly_capitals(cell.text, 0.9) and names_a_body(cell.text):
            return cell.text
    return None


def read_letterhead(text: str) -> Letterhead:
    """The letterhead of `text`: issuer block, place, type line, title cells and authority."""
    all_cells = cells(text[:LETTERHEAD_CHARS])
    title_at = next((i for i, c in enumerate(all_cells) if _type_word_at(c.text)), None)
    head = all_cells if title_at is None else all_cells[:title_at]
    place, date = next((p for c in head if (p := find_place_date(c.text))), (None, None))
    if title_at is None:
        return Letterhead(_issuer_block(head), place, date)
    title_cells = tuple(all_cells[title_at:])
    word = _type_word_at(title_cells[0].text)
    return Letterhead(_issuer_block(head), place, date, word, title_cells,
                      _authority(list(title_cells[1:])))
