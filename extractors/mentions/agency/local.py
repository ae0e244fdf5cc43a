"""People's Committees by level (ANNOTATION §3), read from "UBND" and a list of level nouns.

- a list of levels is a collective: "UBND các huyện, thị xã, thành phố" is "UBND cấp huyện",
  "Ủy ban nhân dân phường, xã, đặc khu" is "UBND cấp xã", "UBND các cấp" and "UBND cấp huyện,
  cấp xã" are both; without "UBND", "các" and two levels or more ("các huyện, thị xã, thành
  phố") are the same collectives;
- one level and a proper name is that body: "UBND huyện Cẩm Xuyên", "UBND thị xã Hồng Lĩnh";
- "UBND các tỉnh, thành phố trực thuộc trung ương" (a national document's provinces) is the
  collective "UBND cấp tỉnh";
- the province's own committee ("UBND tỉnh Hà Tĩnh", "Ủy ban nhân dân Thành phố", "UBND
  thành phố Hà Nội") is the issuer, which gets no rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.fold import collapse, fold
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Lexicon
from extractors.mentions.agency.places import in_word, proper_end


@dataclass(frozen=True)
class Body:
    """A body (or several, for one mention that names many) read at tokens start..end-1."""

    start: int
    end: int
    names: tuple[str, ...]
    type: str


@dataclass(frozen=True)
class _Level:
    noun: str
    key: str
    proper: str


def _level_at(scan: Scan, j: int, lex: Lexicon) -> tuple[int, _Level] | None:
    hit = scan.at("LEVEL", j)
    if not hit or in_word(scan, j, hit[0], lex):
        return None
    end, noun = hit
    proper = ""
    if not noun.startswith("cấp") and scan.cap(end) and not scan.breaks_line(end):
        stop = proper_end(scan, end)
        proper, end = collapse(scan.span_text(end, stop)), stop
    return end, _Level(collapse(scan.span_text(j, hit[0])), lex.levels[noun], proper)


def _levels(scan: Scan, j: int, lex: Lexicon) -> tuple[list[_Level], int]:
    """The level nouns listed from token `j` ("huyện, thị xã, thành phố Vinh") and their end."""
    found: list[_Level] = []
    end = j
    while True:
        hit = _level_at(scan, j, lex)
        if not hit:
            break
        end, level = hit
        found.append(level)
        j = end
        if j < len(scan) and scan.lower[j] in lex.local_separators and _level_at(scan, j + 1, lex):
            j += 1
    return found, end


def _collective(start: int, end: int, levels: list[_Level]) -> Body:
    keys = tuple(dict.fromkeys(sorted({lv.key for lv in levels})))
    return Body(start, end, keys, "collective")


def _issuer(scan: Scan, i: int, j: int, lex: Lexicon) -> Body | None:
    """"UBND tỉnh (Hà Tĩnh)", "UBND Thành phố", "UBND thành phố Hà Nội"."""
    for category in ("PROV", "LOCAL", "CITY"):
        hit = scan.at(category, j)
        if not hit or hit[1] not in lex.issuer_levels and category != "CITY":
            continue
        end = proper_end(scan, hit[0])
        proper = collapse(scan.span_text(hit[0], end))
        if category == "CITY" and proper and fold(proper) not in lex.central_cities:
            return None
        name = lex.issuer_levels.get(hit[1], "UBND Thành phố")
        return Body(i, end, (name,), "issuer")
    return None


PROVINCES_COLLECTIVE = "UBND cấp tỉnh"
_CENTRAL_TAIL = ("trực", "thuộc", "trung", "ương")


def _provinces_end(scan: Scan, j: int, lex: Lexicon) -> int | None:
    """End of "tỉnh" at token `j`, with ", thành phố (trực thuộc trung ương)" after it:
    the provinces of a national document ("UBND các tỉnh, thành phố trực thuộc trung ương",
    "Ủy ban nhân dân các tỉnh ven biển" read up to "tỉnh")."""
    hit = scan.at("PROV", j)
    if not hit or hit[1].lower() != "tỉnh":
        return None
    end = hit[0]
    k = end + (end < len(scan) and scan.lower[end] in lex.local_separators)
    if scan.lower[k:k + 2] == ["thành", "phố"]:
        end = k + 2
        if tuple(scan.lower[end:end + 4]) == _CENTRAL_TAIL:
            end += 4
    return end


def read_council(scan: Scan, i: int, lex: Lexicon) -> Body | None:
    """The People's Committee(s) named at token `i` ("UBND" …), or None."""
    hit = scan.at("COUNCIL", i)
    if not hit:
        return None
    j = hit[0]
    plural = j < len(scan) and scan.lower[j] == "các"
    provinces = _provinces_end(scan, j + 1, lex) if plural else None
    if provinces:  # "UBND các tỉnh": many provinces, so no province's own committee
        return Body(i, provinces, (PROVINCES_COLLECTIVE,), "collective")
    both = scan.at("BOTH", j)
    if both:
        return Body(i, both[0], tuple(sorted(set(lex.levels.values()))), "collective")
    levels, end = _levels(scan, j + plural, lex)
    if len(levels) >= 2 or plural and levels:
        return _collective(i, end, levels)
    issuer = _issuer(scan, i, j, lex)
    if issuer:
        return issuer
    if not levels:
        return None
    if levels[0].proper:
        level = levels[0]
        return Body(i, end, (f"UBND {level.noun.lower()} {level.proper}",), "local")
    return _collective(i, end, levels)


def read_plural_levels(scan: Scan, i: int, lex: Lexicon) -> Body | None:
    """"các" and two level nouns or more without "UBND": "các huyện, thị xã, thành phố"."""
    if scan.lower[i] != "các":
        return None
    levels, end = _levels(scan, i + 1, lex)
    return _collective(i, end, levels) if len(levels) >= 2 else None
