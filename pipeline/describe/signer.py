"""The signer: the name under the signing title of the signature block.

The block prints who signs for whom ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), a
blank space or "(Đã ký)", then the name ("Nguyễn Văn A"). Whatever form the text took, the
name is the first cell after the last title of the block: on the same cell when a web copy's
pipe cell or a one-line text ran them together, on a following line otherwise, and in the
right-hand column when a PDF put the recipients ("Nơi nhận: …") beside it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import regex

from pipeline.describe.cells import PIPE_CELL_MAX_LINES, Cell, cells
from pipeline.describe.text import fold, folded_words, mostly_capitals
from pipeline.yamldata import load_yaml

LOOK_AHEAD_ROWS = 14  # the recipients list beside the block can be this long
_SIGNED = regex.compile(r"^[\s(\[]*(?:đã\s+ký|daky|ký\s+tên|đóng\s+dấu)[\s)\].,]*", regex.I)
_RECIPIENT = regex.compile(r"^\s*(?:[-+•]|Nơi\s+nhận|Lưu\s*:)")
_NAME = regex.compile(
    r"^(?P<name>\p{Lu}\p{Ll}*(?!\p{L})(?:\s+\p{Lu}\p{Ll}*(?!\p{L})){1,5})(?P<after>.*)$"
)
_NOT_A_NAME = frozenset({  # first words of lines that follow a block but are no name
    "Nơi", "Lưu", "Căn", "Điều", "Như", "Các", "Kèm", "Phụ", "Ghi", "Sở", "Ủy", "Uỷ", "Ban",
    "Văn", "Bộ", "Thủ", "Chủ", "Phó", "Trưởng", "Giám", "Đã", "Ngày", "Số", "Kính", "Gửi",
    "Tỉnh", "Thành", "Báo", "Đài", "Cổng", "Trung", "Thường", "Hội", "Công", "Kho", "Cục",
    "Chi", "Viện", "Trường", "Bệnh", "Quỹ",
})


@cache
def _title_pattern() -> re.Pattern:
    """Signing titles from data, matched on the fold (OCR drops tone marks on capitals)."""
    text = resources.files("pipeline.data").joinpath("issuers.yaml").read_text("utf-8")
    titles = sorted({folded_words(t) for t in load_yaml(text)["signing_titles"]},
                    key=len, reverse=True)
    words = "|".join(re.escape(t).replace(r"\ ", " +") for t in titles)
    return re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z0-9])")


def _name_at(text: str) -> str | None:
    """A person's name starting `text` and ending it (or followed by capitals, as in a
    one-line text: "Nguyễn Dương Thái PHỤ LỤC …")."""
    m = _NAME.match(_SIGNED.sub("", text).strip())
    if not m or m["name"].split()[0] in _NOT_A_NAME:
        return None
    after = m["after"].strip(" .,;")
    if after and not regex.match(r"^(?:\p{Lu}{2,}|[\d(]|$)", after):
        return None  # a sentence, not a name
    return m["name"]


def _after_title(cell: Cell) -> str | None:
    """What follows the last signing title in the cell, or None without a title."""
    titles = [m for m in _title_pattern().finditer(fold(cell.text))
              if mostly_capitals(cell.text[m.start():m.end()], 0.9)]
    return cell.text[titles[-1].end():] if titles else None


def _beside_recipients(cell: Cell) -> bool:
    """True when the signature block is a right-hand column: its own cell, or a line that an
    OCR engine or a PDF reader ran on from the recipients ("- Như mục IV; KT. CHỦ TỊCH")."""
    return cell.column > 0 or bool(_RECIPIENT.match(cell.text))


def _name_below(following: list[Cell], title_cell: Cell) -> str | None:
    """The first name in the cells below a title. When the block is a right-hand column, the
    recipients beside it ("- Lưu: VT.") are passed over; a name alone on a line may still end
    it (a PDF drops the indent of a line whose left column is empty)."""
    beside = _beside_recipients(title_cell)
    for cell in following:
        if cell.row > title_cell.row + LOOK_AHEAD_ROWS:
            return None
        rest = _after_title(cell)
        text = _SIGNED.sub("", rest if rest is not None else cell.text).strip()
        if not text or regex.fullmatch(r"[\d\s.]+", text):
            continue
        name = _name_at(text)
        if name or not (beside and (not cell.column or _RECIPIENT.match(cell.text))):
            return name
    return None


def _window(text: str, at: int) -> str:
    """The lines around a signing title at `at`: the pipe cell it may sit in above it, the
    rows where its name may be below it."""
    start = at
    for _ in range(PIPE_CELL_MAX_LINES + 1):
        start = text.rfind("\n", 0, max(start - 1, 0)) + 1 if start else 0
    end = at
    for _ in range(LOOK_AHEAD_ROWS + PIPE_CELL_MAX_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return text[start:]
    return text[start:end]


def find_signer(text: str) -> str | None:
    """The name of the person who signed: the first signature block that prints one."""
    for m in _title_pattern().finditer(fold(text)):
        if not mostly_capitals(text[m.start():m.end()], 0.9):
            continue
        window_cells = cells(_window(text, m.start()))
        for i, cell in enumerate(window_cells):
            rest = _after_title(cell)
            if rest is None:
                continue
            rest = _SIGNED.sub("", rest).strip()
            name = _name_at(rest) if rest else _name_below(window_cells[i + 1:], cell)
            if name:
                return name
    return None
