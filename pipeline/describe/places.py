"""The provinces and centrally governed cities of Viet Nam, before and after the 2025 merger.

Two data files: the 63 units that signed until 30 June 2025 (pipeline/data/provinces_63.txt)
and the 34 from 1 July 2025 (provinces_34.txt). A name is recognised from either list (a plan
signed in 2016 by "tỉnh Hải Dương" and one signed in 2025 by "thành phố Hải Phòng" are both
provinces), and the signing date picks the list in force where that matters: whether "thành
phố X" is a province-level city, and which names an OCR-damaged letterhead may be read as.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from pipeline.describe.text import folded_words

MERGER_DATE = "2025-07-01"  # Nghị quyết 202/2025/QH15 takes effect
CITY = "thành phố"
FUZZY_MIN_LETTERS = 6  # shorter names are too close to each other to be read through OCR noise


@dataclass(frozen=True)
class Province:
    """One province or centrally governed city under one name, and when it signed so."""

    name: str
    kind: str  # "tỉnh" or "thành phố"
    since: str  # first signing date under this name (ISO), "" when before any document here
    until: str  # last signing date under this name (ISO), "" when it still signs so
    spellings: tuple[str, ...]
    successor: str  # its unit among the 34 (itself for the 34)

    def in_force(self, date: str | None) -> bool:
        """Whether a document signed on `date` (ISO, or None when unknown) can come from it."""
        if date is None:
            return True
        return (not self.since or date >= self.since) and (not self.until or date <= self.until)


def _read(file_name: str, until: str, since: str) -> list[Province]:
    text = resources.files("pipeline.data").joinpath(file_name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + [""] * 6
        name, kind = cols[0], cols[1]
        if since:  # the 34: the third column lists the units they were formed from
            out.append(Province(name, kind, since, "", (), name))
        else:
            spellings = tuple(s.strip() for s in cols[5].split(",") if s.strip())
            out.append(Province(name, kind, cols[3], cols[4] or until, spellings, cols[2]))
    return out


@cache
def provinces() -> tuple[Province, ...]:
    """Every unit of both lists: the 63 (signing until 30 June 2025) and the 34 (from 1 July)."""
    before = _read("provinces_63.txt", until="2025-06-30", since="")
    after = _read("provinces_34.txt", until="", since=MERGER_DATE)
    return tuple(before + after)


@cache
def formed_from() -> dict[str, tuple[str, ...]]:
    """Each of the 34 and the units of the 63 it was formed from, as the data file lists them."""
    text = resources.files("pipeline.data").joinpath("provinces_34.txt").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, parts = (line.split("\t") + ["", ""])[:3]
            out[name.strip()] = tuple(p.strip() for p in parts.split(",") if p.strip())
    return out


@cache
def _by_key() -> dict[str, list[Province]]:
    out: dict[str, list[Province]] = {}
    for unit in provinces():
        for spelling in (unit.name, *unit.spellings):
            out.setdefault(folded_words(spelling), []).append(unit)
    return out


def _pick(units: list[Province], date: str | None, kind: str | None) -> Province | None:
    fitting = [u for u in units if kind is None or u.kind == kind]
    dated = [u for u in fitting if u.in_force(date)]
    if kind == CITY:
        return dated[0] if dated else None  # a city is a province only while it is one
    return (dated or fitting or [None])[0]


def province_at(words: str, date: str | None = None, kind: str | None = None
                ) -> tuple[Province, int] | None:
    """The province whose name starts the folded `words` ("thanh hoa so 12…"), and how many
    characters of `words` it takes. `kind` "thành phố" accepts only a centrally governed city
    in force on `date`. A name one letter off (OCR: "quang trl") is accepted when it is long
    enough and no other name in force is as close."""
    best: tuple[Province, int] | None = None
    for key, units in _by_key().items():
        if (words == key or words.startswith(key + " ")) and (best is None or len(key) > best[1]):
            unit = _pick(units, date, kind)
            if unit:
                best = (unit, len(key))
    return best or _fuzzy_at(words, date, kind)


def _fuzzy_at(words: str, date: str | None, kind: str | None) -> tuple[Province, int] | None:
    found: dict[str, tuple[Province, int]] = {}
    for key, units in _by_key().items():
        if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
            continue
        m = regex.match(rf"(?:{regex.escape(key)}){{e<=1}}(?= |$)", words)
        unit = _pick(units, date, kind) if m else None
        if unit and unit.in_force(date):
            found[unit.name] = (unit, m.end())
    return next(iter(found.values())) if len(found) == 1 else None


def province_named(name: str, date: str | None = None) -> Province | None:
    """The province a place name on its own names ("Hà Nội", "Thành phố Hồ Chí Minh",
    "TP. Huế"), or None for any other place."""
    words = regex.sub(r"^(?:thanh pho|tp|tinh)\s+", "", folded_words(name))
    hit = province_at(words, date)
    return hit[0] if hit and hit[1] == len(words) else None
