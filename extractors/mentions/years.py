"""Deadlines of targets: year phrases in a sentence, and the plan's own year.

A target's year is stated in its sentence ("đến năm 2020 đạt …", "… đạt 100% vào năm 2015"),
inherited from a heading ("2.1. Giai đoạn 2019 - 2020"), or, in an annual plan, the year the
plan is for ("Kế hoạch … năm 2017", even when signed on 30/12/2016).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.model import DocumentMeta

YEAR = r"(?:19|20)\d\d"
YEAR_RE = regex.compile(
    r"(?<![\w/.-])(?P<pre>giai\s+đoạn(?:\s+(?:từ\s+)?(?:năm\s+)?|\s+đến\s+(?:năm\s+)?)"
    r"|(?:đến|tới|vào|trong|hết|cuối|sau)(?:\s+(?:hết|cuối))?(?:\s+năm)?\s+|năm\s+"
    rf"|(?=(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d))"
    rf"(?P<y1>{YEAR})(?:\s*[-–—]\s*(?:năm\s+)?(?P<y2>{YEAR}))?(?![\w/])",
    regex.IGNORECASE,
)
DATE_BEFORE = regex.compile(r"(?:tháng\s+\d{1,2}|ngày\s+\d{1,2}|so\s+với|kể\s+từ|từ)\s*$", regex.I)
BACKWARD_PRE = regex.compile(r"^(?:vào|trong)\b", regex.I)
CLAUSE_END_AFTER = regex.compile(r"^\s*(?:[,.;)]|và\b|\n|$)", regex.I)


@dataclass
class YearMention:
    """A year phrase: where it is, the year it names, and whether it binds backwards."""

    start: int
    end: int
    year: int
    period_start: int | None
    backward: bool


DEADLINE_DATE = regex.compile(
    rf"(?<!\w)(?:trước|đến|chậm\s+nhất|hoàn\s+thành\s+trước)\s+(?:ngày\s+)?\d{{1,2}}\s*/\s*"
    rf"\d{{1,2}}\s*/\s*(?P<y>{YEAR})(?!\d)",
    regex.IGNORECASE,
)


def year_mentions(text: str, start: int = 0, end: int | None = None) -> list[YearMention]:
    """Year phrases naming a deadline or period in `text[start:end]`. A date is a deadline only
    after "trước", "đến", "chậm nhất" ("trước ngày 30/6/2024" is due in 2024); other dates
    (signing, legal references) name no deadline."""
    end = len(text) if end is None else end
    out = [YearMention(m.start(), m.end(), int(m["y"]), None, True)
           for m in DEADLINE_DATE.finditer(text, start, end)]
    for m in YEAR_RE.finditer(text, start, end):
        if DATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        y1, y2 = int(m["y1"]), int(m["y2"]) if m["y2"] else None
        pre = m["pre"].strip().lower()
        period = y1 if (y2 and y2 > y1) else None
        year = y2 if period else y1
        backward = bool(BACKWARD_PRE.match(pre)) or bool(
            CLAUSE_END_AFTER.match(text[m.end() : m.end() + 5])
        )
        out.append(YearMention(m.start(), m.end(), year, period, backward))
    return sorted(out, key=lambda m: m.start)


def year_for(mentions: list[YearMention], pos: int, next_pos: int) -> YearMention | None:
    """The year phrase of a number at `pos` (next number at `next_pos`) in its sentence.

    A backward phrase right after the number ("… 80% vào năm 2015") wins; otherwise the
    nearest phrase before the number ("đến năm 2020 đạt 100%").
    """
    after = [m for m in mentions if pos < m.start < next_pos and m.backward]
    if after:
        return after[0]
    before = [m for m in mentions if m.end <= pos]
    return before[-1] if before else None


TITLE_START = regex.compile(
    r"(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|QUY\s+HOẠCH|NGHỊ\s+QUYẾT|Kế\s+hoạch)"
)
TITLE_STOP = regex.compile(r"\n\s*\n|Căn cứ|Thực hiện|Trong\s|Để\s|\bI\.\s|CHỦ TỊCH|Ủ?Y BAN")
ANNUAL_RE = regex.compile(rf"(?<!(?:đến|tới|hết|cuối|tháng\s\d{{1,2}})\s)năm\s+({YEAR})(?![\w/-])",
                          regex.I)


def plan_title(text: str, meta: DocumentMeta) -> str:
    """The plan's title: `meta.title`, else the lines after the first "KẾ HOẠCH"-like word."""
    if meta.title:
        return meta.title
    head = text[:4000]
    m = TITLE_START.search(head)
    if not m:
        return ""
    chunk = head[m.start() : m.start() + 400]
    stop = TITLE_STOP.search(chunk, 10)
    return chunk[: stop.start()] if stop else chunk


def plan_year(text: str, meta: DocumentMeta) -> tuple[int | None, int | None]:
    """(year, period_start) that the whole plan is for, from its title; (None, None) if none.

    "… năm 2017" makes an annual plan; "giai đoạn 2021 - 2025" and "đến năm 2020" name the
    horizon, which targets with no year of their own inherit.
    """
    title = plan_title(text, meta).replace("**", "")
    annual = ANNUAL_RE.search(title)
    if annual:
        return int(annual.group(1)), None
    mentions = year_mentions(title)
    periods = [m for m in mentions if m.period_start]
    if periods:
        return periods[0].year, periods[0].period_start
    horizon = [m for m in mentions if title[m.start : m.start + 3].lower() in ("đến", "tới")]
    if horizon:
        return horizon[0].year, None
    return None, None


def annual_plan(text: str, meta: DocumentMeta) -> bool:
    """True for a plan for one year ("Kế hoạch … năm 2017"): that year is every target's."""
    return bool(ANNUAL_RE.search(plan_title(text, meta).replace("**", "")))
