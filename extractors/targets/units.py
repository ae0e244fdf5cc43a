"""Units after a number, with scale words applied (ANNOTATION §2, `unit` and `value`).

Plans of every domain write a quantity as number, scale words, unit: "1,5 tỷ đồng" is
1 500 000 000 VND, "2 nghìn tấn" 2 000 tonne, "3 km²" 300 ha, "400 triệu USD" 400 000 000
USD. A rate per inhabitants keeps its number and takes the unit of its base ("30 giường
bệnh/vạn dân" per10000, "12‰" per1000). Durations, multiples and scores ("20 ngày", "gấp 2
lần", "85 điểm") are targets only after a cue that sets a value ("đạt", "tối đa", "gấp"):
"trong 5 năm tới" and "3 lần" in a task say when or how often, not what to reach.

The grammar is data (`data/target_cues.yaml`: `scales`, `measure_units`, `gated_units`,
`per_bases`), so a new unit word is a line of YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.targets.cues import alternation, cues


@dataclass(frozen=True)
class UnitRead:
    """The unit found after a number: its contract name, the factor scale words and the unit
    apply to the value, how many characters of the text it took, and whether the number is a
    target only after a value-setting cue."""

    unit: str
    factor: float
    length: int
    gated: bool = False


@lru_cache(maxsize=1)
def _scale_re() -> regex.Pattern:
    """Scale words, none the first syllable of a word ("tỷ lệ" is a rate: "1   Tỷ lệ hộ …" is
    a row number and an indicator, not a billion)."""
    words = rf"\s*(?!{alternation(cues()['not_scales'])}(?!\w))"
    return regex.compile(
        rf"^(?:{words}{alternation(list(cues()['scales']))}(?!\w))+", regex.IGNORECASE
    )


@lru_cache(maxsize=1)
def _unit_table() -> list[tuple[regex.Pattern, str, float, bool]]:
    """(pattern anchored at the start, unit, factor, gated), longest surface first."""
    rows: list[tuple[str, str, float, bool]] = []
    for surface, (unit, factor) in cues()["measure_units"].items():
        rows.append((surface, unit, float(factor), False))
    for unit, surfaces in cues()["gated_units"].items():
        rows += [(s, unit, 1.0, True) for s in surfaces]
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    return [
        (regex.compile(r"^\s*" + regex.escape(s).replace(r"\ ", r"\s+") + r"(?![\w²])", regex.I),
         unit, factor, gated)
        for s, unit, factor, gated in rows
    ]


def scale_of(after: str) -> tuple[float, int]:
    """(factor, length) of the scale words that open `after` ("triệu", "nghìn tỷ"); (1, 0)."""
    m = _scale_re().match(after)
    if m is None:
        return 1.0, 0
    factor = 1.0
    for word in regex.findall(r"\w+", m.group().lower()):
        factor *= float(cues()["scales"][word])
    return factor, m.end()


def measure_of(after: str) -> UnitRead | None:
    """The scale and measure unit that open `after` ("triệu USD", "nghìn tấn", "km²", "ngày"),
    else None; a scale word alone is not a unit (the noun after it may be a count)."""
    factor, skip = scale_of(after)
    rest = after[skip:]
    if rest.lstrip().startswith("‰") and skip == 0:
        return UnitRead("per1000", 1.0, len(rest) - len(rest.lstrip()) + 1)
    for pattern, unit, unit_factor, gated in _unit_table():
        m = pattern.match(rest)
        if m:
            return UnitRead(unit, factor * unit_factor, skip + m.end(), gated)
    return None


@lru_cache(maxsize=1)
def _per_re() -> regex.Pattern:
    bases = alternation(list(cues()["per_bases"]))
    people = alternation(cues()["per_people"])
    return regex.compile(
        rf"(?:/\s*|\s+trên\s+)(?:(?:1|một)\s+)?(?P<base>{bases})\s+{people}(?!\w)", regex.I
    )


def per_unit(window: str) -> str | None:
    """`per100`, `per1000` or `per10000` when `window` names a rate per inhabitants
    ("giường bệnh/vạn dân", "thuê bao/100 dân", "trên 1.000 trẻ đẻ sống"), else None."""
    m = _per_re().search(window)
    if m is None:
        return None
    return cues()["per_bases"][m["base"].lower()]


def scaled(value: float, factor: float) -> float | int:
    """`value` times `factor`, as an int when whole ("1,25 triệu" is 1250000, not 1250000.0)."""
    out = round(value * factor, 6)
    return int(out) if out == int(out) else out
