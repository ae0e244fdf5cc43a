"""Numbers that can be targets: percentages, counts, ranks and per-100 figures, with ranges.

Vietnamese writes "8.000" for eight thousand and "20,4" for twenty point four. A number glued to
a slash or a letter ("36a/NQ-CP", "14/10/2015") is part of a document number or a date, and a
bare number with no unit noun ("mức độ 3", "3 cấp") is a name, not a quantity.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.targets.cues import alternation, cue_re, cues, words_re

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d{1,2}(?=\s*%))?(?:,\d+)?"
NUMBER_RE = regex.compile(
    rf"(?<![\w/.,])(?P<a>{NUM})(?![\w/]|[.,]\d)(?P<ap>\s*%)?"
    rf"(?:\s*(?:-|–|—|\bđến\b)\s*(?P<b>{NUM})(?![\w/]|[.,]\d)(?P<bp>\s*%)?)?",
    regex.IGNORECASE,
)


@dataclass
class Mention:
    """One number with its unit, read from the text around it."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    unit_end: int


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


def _is_money(after: str) -> bool:
    return bool(words_re(cues()["money_units"], at_start=True).match(after))


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


def find_mentions(text: str) -> list[Mention]:
    """Every percentage, count-with-noun, or range in `text`, in order."""
    out: list[Mention] = []
    for m in NUMBER_RE.finditer(text):
        parsed = _range(m)
        end = m.end()
        if parsed is None:
            parsed = (parse_number(m["a"]), None, bool(m["ap"]))
            end = m.end("ap") if m["ap"] else m.end("a")
        value, value_max, percent = parsed
        after = text[end : end + 60]
        if percent:
            out.append(Mention(m.start(), end, _clean(value), value_max, "%", end))
            continue
        if _is_money(after.lstrip()):
            continue
        ulen = _count_unit(after) or _admin_unit(text, m.start(), after)
        if ulen and not _is_year(m["a"]):
            out.append(Mention(m.start(), end, _clean(value), value_max, "count", end + ulen))
    return out


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
