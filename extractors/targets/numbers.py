"""Numbers that can be targets: percentages, counts, measures with units, ranks, with ranges.

Vietnamese writes "8.000" for eight thousand and "20,4" for twenty point four. A number glued to
a slash or a letter ("36a/NQ-CP", "14/10/2015") is part of a document number or a date, and a
bare number with no unit or noun ("mức độ 3") is a name, not a quantity; nor is a number before
a word that names a level, part, time or age ("3 cấp", "dưới 5 tuổi"). Units and scale words
are read by units.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.targets.cues import alternation, cue_re, cues, words_re
from extractors.targets.units import measure_of, scale_of, scaled

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d{1,2}(?=\s*%))?(?:,\d+)?"
NUMBER_RE = regex.compile(
    rf"(?<![\w/.,])(?P<a>{NUM})(?![\w/]|[.,]\d)(?P<ap>\s*%)?"
    rf"(?:\s*(?:-|–|—|\bđến\b)\s*(?P<b>{NUM})(?![\w/]|[.,]\d)(?P<bp>\s*%)?)?",
    regex.IGNORECASE,
)


@dataclass
class Mention:
    """One number with its unit, read from the text around it.

    `value` has the scale words applied ("1,25 triệu tấn" is 1250000). `end` is where the
    quantity ends (after "%" or a measure unit such as "triệu USD"; right after the number for
    counts, whose noun belongs to the indicator). `cue` is set when the number is a target only
    after a cue: "gated" (durations, multiples, scores: a value-setting word or comparator),
    "open" (a count of a noun not in the list: a comparator or a verb of making).
    """

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    unit_end: int
    cue: str | None = None


def parse_number(text: str) -> float:
    """The value of a Vietnamese-formatted number ("8.000" → 8000, "20,4" → 20.4)."""
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def _clean(value: float) -> float | int:
    return int(value) if value == int(value) else value


def _count_unit(after: str) -> int:
    """Length of the count noun that opens `after`, 0 if none."""
    m = cue_re("count_units", at_start=True).match(after)
    if not m:
        return 0
    return m.end()


def _admin_unit(text: str, start: int, after: str) -> int:
    """Length of an administrative unit noun after a rollout lead-in ("tại 10 huyện"), else 0."""
    m = words_re(list(cues()["admin_units"]), at_start=True).match(after)
    leads = alternation(cues()["admin_unit_leads"]) + r"\s*$"
    lead = regex.search(leads, text[max(0, start - 8) : start])
    return m.end() if m and lead else 0


OPEN_NOUN = regex.compile(r"^\s+(?:\p{Ll}[\p{Ll}\p{M}]*|\p{Lu}{2,8}(?![\p{Ll}\d]))(?=[\s,;.)/]|$)")


def _open_noun(after: str) -> int:
    """Length of a noun that opens `after` and may be counted ("phòng học", "HTX"), else 0:
    a lowercase word that is not a level, part, time or age (`not_units`), or an abbreviation
    (a document's "HTX", "DNNVV" stands for a noun phrase)."""
    m = OPEN_NOUN.match(after)
    if m is None or cue_re("not_units", at_start=True).match(after):
        return 0
    return m.end()


def _is_year(token: str) -> bool:
    return bool(regex.fullmatch(r"(?:19|20)\d\d", token))


def _range(m: regex.Match) -> tuple[float, float | None, bool] | None:
    """(value, value_max, is_percent) or None when the dash joins two unrelated numbers."""
    a = parse_number(m["a"])
    if m["b"] is None:
        return a, None, bool(m["ap"])
    b = parse_number(m["b"])
    if b <= a or (m["ap"] and not m["bp"]) or _is_year(m["a"]):
        return None
    if regex.search(r"đến", m.group(), regex.I) and not m["ap"]:
        return None  # "18 đến 100%": a row number, not a range
    return a, b, bool(m["bp"])


def _unit_after(text: str, start: int, end: int) -> tuple[str, float, int, str | None] | None:
    """(unit, factor, unit end, cue) of the number `text[start:end]`, else None."""
    after = text[end : end + 60]
    measure = measure_of(after)
    if measure is not None:
        cue = "gated" if measure.gated else None
        return measure.unit, measure.factor, end + measure.length, cue
    factor, skip = scale_of(after)
    rest = after[skip:]
    age = words_re([cues()["age_unit"]], at_start=True).match(rest)
    if age:
        life = cue_re("age_subjects").search(text, max(0, start - 80), start)
        return ("year", factor, end + skip + age.end(), "gated") if life else None
    noun = _count_unit(rest) or _admin_unit(text, start, rest)
    if noun:
        return "count", factor, end + skip + noun, None
    noun = _open_noun(rest)
    if noun:
        return "count", factor, end + skip + noun, "open"
    return None


RATE_RE = regex.compile(
    rf"(?<![\w/.,])(?P<a>{NUM})(?:\s*(?:-|–)\s*(?P<b>{NUM}))?"
    r"/\s*(?P<base>100|1\.000|10\.000|100\.000)\s+(?=\p{L})"
)


def _rates(text: str) -> list[Mention]:
    """Rates of people written as a fraction of a base: "dưới 46/100.000 trẻ đẻ sống",
    "1/1.000 trẻ đẻ sống", "1,5 - 2/100 dân". The number is glued to the slash, which elsewhere
    marks a date or a document number, so these are read here when the base counts people
    (`per_people`: a map's scale "tỷ lệ 1/1.000 cho …" and a score "45/100 điểm" are no rates);
    the base makes the unit (units.per_unit reads it in the clause; a base the contract names
    no unit for, 100.000, leaves a count)."""
    people = cue_re("per_people", at_start=True)
    out = []
    for m in RATE_RE.finditer(text):
        if not people.match(text[m.end():m.end() + 40]):
            continue
        a = parse_number(m["a"])
        b = parse_number(m["b"]) if m["b"] else None
        if b is not None and b <= a:
            b = None
        out.append(Mention(m.start(), m.end("b") if b is not None else m.end("a"), _clean(a),
                           None if b is None else _clean(b), "count", m.end("base")))
    return out


def find_mentions(text: str) -> list[Mention]:
    """Every percentage, quantity with a unit or count noun, rate of a base, or range in
    `text`, in order."""
    out: list[Mention] = _rates(text)
    for m in NUMBER_RE.finditer(text):
        parsed = _range(m)
        end = m.end()
        if parsed is None:
            parsed = (parse_number(m["a"]), None, bool(m["ap"]))
            end = m.end("ap") if m["ap"] else m.end("a")
        value, value_max, percent = parsed
        if percent:
            out.append(Mention(m.start(), end, _clean(value), value_max, "%", end))
            continue
        if _is_year(m["a"]) and value_max is None:
            continue
        found = _unit_after(text, m.start(), end)
        if found is None:
            continue
        unit, factor, unit_end, cue = found
        high = scaled(value_max, factor) if value_max is not None else None
        quantity_end = end if unit == "count" else unit_end
        out.append(Mention(m.start(), quantity_end, scaled(value, factor), high, unit, unit_end,
                           cue))
    return sorted(out, key=lambda mention: mention.start)


@dataclass
class Rank:
    """A place in a ranking: "nhóm 20 tỉnh dẫn đầu" (<=) or "xếp thứ 15" (=)."""

    start: int
    end: int
    value: int
    comparator: str


def find_ranks(text: str) -> list[Rank]:
    """Ranking targets in `text`: a group of leading provinces or a stated place."""
    c = cues()
    group = regex.compile(
        rf"(?<!\w){alternation(c['rank_before_le'])}\s+(?P<n>\d{{1,2}})\s+"
        rf"{alternation(c['rank_after_le'])}(?!\w)",
        regex.IGNORECASE,
    )
    place = regex.compile(
        rf"(?<!\w){alternation(c['rank_before_eq'])}\s+(?P<n>\d{{1,2}})(?![\w/])", regex.I
    )
    leading = cue_re("rank_lead_le")
    out = []
    for m in group.finditer(text):
        if leading.search(text[m.end() : m.end() + 100]) or "top" in m.group().lower():
            out.append(Rank(m.start(), m.end("n"), int(m["n"]), "<="))
    out += [Rank(m.start(), m.end("n"), int(m["n"]), "=") for m in place.finditer(text)]
    return sorted(out, key=lambda r: r.start)
