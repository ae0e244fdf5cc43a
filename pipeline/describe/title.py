"""The document's type and title: the type line ("KẾ HOẠCH") and the lines under it.

The title runs from the type line to the first blank line, the preamble ("Căn cứ …", "Thực
hiện …"), or a decision's authority line ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"), whichever comes
first. A document whose lines were lost (one line for the whole text, or a web copy whose
title shares a cell with the preamble) keeps the run of capitals after the type word.
"""

from __future__ import annotations

import regex

from pipeline.describe.bodies import read_body
from pipeline.describe.cells import Cell
from pipeline.describe.letterhead import Letterhead, type_code
from pipeline.describe.text import fold, mostly_capitals

TITLE_MAX_LINES = 6
RUN_ON_CHARS = 300  # a title cell longer than this carries the text after the title too
_STOP = regex.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Xét|Theo\s+đề\s+nghị|Kính\s+gửi|Số\s*:|QUYẾT\s+ĐỊNH\s*:|"
    r"Điều\s+\d|[IVX]+\.\s|\d+\.\s|Trong\s+thời\s+gian)"
)
_STOP_INSIDE = regex.compile(r"\s(?:Căn\s+cứ|Thực\s+hiện|Xét\s+đề\s+nghị)\s")
_CAPITALS_RUN = regex.compile(r"\s*((?:[\p{Lu}\d][\p{Lu}\d/,.()\-–]*\s+)+)")
_AUTHORITY_LINE = regex.compile(
    r"^(?:chu tich )?(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) (?:tinh|thanh pho|tp) .+$"
    r"|^(?:thu tuong chinh phu|chinh phu|bo truong bo .+)$"
)


def _is_authority(text: str) -> bool:
    """True for a whole authority line: "ỦY BAN NHÂN DÂN TỈNH X", "THỦ TƯỚNG CHÍNH PHỦ"."""
    words = " ".join(fold(text).split())
    if not mostly_capitals(text, 0.9) or not _AUTHORITY_LINE.match(words):
        return False
    return words.startswith(("thu tuong", "chinh phu", "bo truong")) or bool(
        (body := read_body(text)) and body.province)


def _without_authority(title: str) -> str:
    """The title less an authority line glued to its end ("… CHÍNH PHỦ SỐ THỦ TƯỚNG CHÍNH
    PHỦ"), unless "của" makes it part of the title ("… CỦA THỦ TƯỚNG CHÍNH PHỦ")."""
    words = title.split()
    for i in range(1, len(words)):
        if words[i - 1].lower() != "của" and _is_authority(" ".join(words[i:])):
            return " ".join(words[:i])
    return title


def _title_lines(first_rest: str, following: list[Cell], row: int) -> list[str]:
    lines = [first_rest] if first_rest else []
    for cell in following:
        if cell.column or _STOP.match(cell.text) or _is_authority(cell.text):
            break
        if lines and cell.row > row + 1:  # a blank line ends the title
            break
        lines.append(cell.text)
        row = cell.row
        if len(lines) == TITLE_MAX_LINES:
            break
    return lines


def find_type_and_title(head: Letterhead) -> tuple[str | None, str | None]:
    """The type code named by the type line ("KẾ HOẠCH" → "KH") and the title under it."""
    if not head.type_word or not head.title_cells:
        return None, None
    first = head.title_cells[0]
    rest = first.text[len(head.type_word):].strip()  # the type word matched the cell's start
    title = " ".join(_title_lines(rest, list(head.title_cells[1:]), first.row))
    inside = _STOP_INSIDE.search(title)
    if inside:
        title = title[:inside.start()]
    if len(title) > RUN_ON_CHARS or (inside and len(first.text) > RUN_ON_CHARS):
        caps = _CAPITALS_RUN.match(title + " ")
        title = caps.group(1) if caps else title[:200]
        title = regex.sub(r"\s+\p{Lu}\p{Ll}*\s*$", "", title)
    title = _without_authority(" ".join(title.split())).strip(" -–:;,")
    return type_code(head.type_word), title or None
