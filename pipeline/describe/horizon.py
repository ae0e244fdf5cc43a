"""A plan's horizon from its title: the first and last year it is for.

"giai đoạn 2026 - 2030" gives (2026, 2030), "đến năm 2030" gives (None, 2030), "năm 2017" gives
(2017, 2017). Dates and numbers of the documents a title cites ("Nghị quyết số 214/NQ-CP ngày
23/7/2025", "ngày 02 tháng 01 năm 2025") are not horizons and are set aside first. A year of
its own ("Kế hoạch … năm 2024 thực hiện Chiến lược … giai đoạn 2021 - 2030") wins over a
period, and a period over an end year, as the extractors read a plan's year
(extractors/mentions/years.py). Part of the time grammar that belongs in pipeline/vi.
"""

from __future__ import annotations

import regex

YEAR = r"(?:19|20)\d\d"
_CITED = regex.compile(
    rf"ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+{YEAR}|tháng\s+\d{{1,2}}\s+năm\s+{YEAR}"
    r"|\S*\d\S*/\S*",  # "23/7/2025", "214/NQ-CP", "72/2025/QH15", "57-NQ/TW"
    regex.IGNORECASE,
)
_RANGE = regex.compile(
    rf"(?<!\d)(?P<a>{YEAR})\s*(?:[-–—]|đến)\s*(?:năm\s+)?(?P<b>{YEAR})(?!\d)", regex.IGNORECASE
)
_ANNUAL = regex.compile(
    rf"(?<!(?:đến|tới|hết|cuối|sau|trước|từ)\s+)năm\s+(?P<y>{YEAR})(?!\d)(?!\s*(?:[-–—]|đến)\s*"
    rf"(?:năm\s+)?{YEAR})",
    regex.IGNORECASE,
)
_UNTIL = regex.compile(
    rf"(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?(?P<y>{YEAR})(?!\d)", regex.IGNORECASE
)


def horizon(title: str | None) -> tuple[int | None, int | None]:
    """(period_start, period_end) of a plan from its title; (None, None) when it names none."""
    if not title:
        return None, None
    text = _CITED.sub(" ", title.replace("**", ""))
    annual = _ANNUAL.search(text)
    if annual:
        return int(annual["y"]), int(annual["y"])
    for m in _RANGE.finditer(text):
        if int(m["a"]) < int(m["b"]):
            return int(m["a"]), int(m["b"])
    until = _UNTIL.search(text)
    return (None, int(until["y"])) if until else (None, None)
