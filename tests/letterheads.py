"""Documents of the genre written in every text form a letterhead reaches us in.

One `Letter` (issuer block, number, place and date, type and title, a body that names other
provinces, recipients and signature block) is rendered as: plain lines, markdown bold, a web
copy's pipe table whose cells wrap, a PDF's two columns side by side (tab or spaces) or read one
column after the other (either column first), one line for the whole text, and an OCR'd scan
(capitals losing their tone marks, "Đ" read as "D" and a final "I" as "l"; stray dots). The
describe stage must read the same metadata from each.
"""

from __future__ import annotations

import random
import textwrap
import unicodedata
from dataclasses import dataclass, field

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
RECIPIENTS = ("Nơi nhận:", "- Như mục IV;", "- Bộ Khoa học và Công nghệ (b/c);", "- Lưu: VT, KGVX.")


@dataclass
class Letter:
    """The parts of one document as its author typed them."""

    issuer: tuple[str, ...]
    number: str
    place: str
    date: tuple[int, int, int]  # day, month, year
    type_word: str = "KẾ HOẠCH"
    title: tuple[str, ...] = ("Chuyển đổi số năm 2025",)
    body: str = ""
    signature: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer: str = "Nguyễn Văn An"
    preamble: tuple[str, ...] = field(default_factory=lambda: (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",))

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}"

    @property
    def date_line(self) -> str:
        d, m, y = self.date
        return f"{self.place}, ngày {d:02d} tháng {m} năm {y}"


def _tail(letter: Letter) -> list[str]:
    """Title, preamble and body: the same in every form but the one-line one."""
    return ["", letter.type_word, *letter.title, "", *letter.preamble, "", letter.body, ""]


def _signature_lines(letter: Letter) -> list[str]:
    return [*RECIPIENTS, "", *letter.signature, "", "", letter.signer]


def plain(letter: Letter) -> str:
    """Each part on its own line, left column above right column."""
    head = [*letter.issuer, "-------", *MOTTO, "---------------", letter.number_line,
            letter.date_line]
    return "\n".join(head + _tail(letter) + _signature_lines(letter)) + "\n"


def markdown(letter: Letter) -> str:
    """A converter's markdown: bold issuer, motto, type line and signature, italic date."""
    head = [f"**{line}**" for line in letter.issuer] + ["-------", f"**{MOTTO[0]}**", MOTTO[1],
                                                       letter.number_line,
                                                       f"*{letter.date_line}*"]
    tail = ["", f"**{letter.type_word}**", *(f"**{t}**" for t in letter.title), "",
            *(f"*{p}*" for p in letter.preamble), "", letter.body, ""]
    sign = [*RECIPIENTS, "", *(f"**{s}**" for s in letter.signature), "", f"**{letter.signer}**"]
    return "\n".join(head + tail + sign) + "\n"


def _wrapped(text: str, width: int = 18) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def pipe_table(letter: Letter) -> str:
    """A web copy: each letterhead cell between "|" lines, its text wrapped at a narrow width,
    two cells to a row (a second "|" line starts a row)."""
    issuer = [line for part in letter.issuer for line in _wrapped(part)]
    motto = _wrapped(MOTTO[0]) + [MOTTO[1], "---------------"]
    head = ["|", f"**{issuer[0]}", *issuer[1:-1], f"{issuer[-1]}**", "-------", "|",
            *motto, "|", "|", letter.number_line, "|", *_wrapped(f"*{letter.date_line}*", 24),
            "|"]
    sign = ["|", *RECIPIENTS, "|", *(f"**{s}**" for s in letter.signature),
            f"**{letter.signer}**", "|"]
    return "\n".join(head + _tail(letter) + sign) + "\n"


def side_by_side(letter: Letter, gap: str = "\t") -> str:
    """A PDF's two columns on one line each, separated by a tab or a run of spaces."""
    left = [*letter.issuer, "-------", letter.number_line]
    right = [MOTTO[0], MOTTO[1], "---------------", letter.date_line]
    width = max(len(left), len(right))
    left += [""] * (width - len(left))
    right += [""] * (width - len(right))
    head = [f"{a}{gap}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    sign_right = [*letter.signature, "", letter.signer]
    sign = [f"{a}{gap}{b}".rstrip() for a, b in zip(RECIPIENTS, sign_right, strict=False)]
    sign += [f"{gap}{b}".rstrip() for b in sign_right[len(RECIPIENTS):]]
    return "\n".join(head + _tail(letter) + sign) + "\n"


def in_sequence(letter: Letter, right_first: bool = False) -> str:
    """A PDF's two columns read one after the other."""
    left = [*letter.issuer, "-------", letter.number_line]
    right = [*MOTTO, "---------------", letter.date_line]
    head = right + left if right_first else left + right
    return "\n".join(head + _tail(letter) + _signature_lines(letter)) + "\n"


def one_line(letter: Letter) -> str:
    """A text that lost its line breaks: the whole document on one line."""
    parts = [*letter.issuer, "-------", *MOTTO, "---------------", letter.number_line,
             letter.date_line, "  ", letter.type_word, *letter.title, *letter.preamble,
             letter.body, *RECIPIENTS, *letter.signature, letter.signer]
    return " ".join(parts) + "\n"


def _ocr_word(word: str, rng: random.Random) -> str:
    if word.isupper() and rng.random() < 0.5:  # tone marks lost on capitals
        word = "".join(unicodedata.normalize("NFD", ch)[0] for ch in word)
    if word.isupper() and word.endswith("I") and rng.random() < 0.5:
        word = word[:-1] + "l"
    return word.replace("Đ", "D") if word.isupper() and rng.random() < 0.5 else word


def ocr(letter: Letter, seed: int = 0) -> str:
    """The plain form as an OCR engine without a good Vietnamese model reads a scan of it."""
    rng = random.Random(seed)
    lines = []
    for line in plain(letter).split("\n"):
        words = [_ocr_word(w, rng) for w in line.split(" ")]
        if words and words[-1] and rng.random() < 0.2:
            words[-1] += "."
        lines.append(" ".join(words))
    return "\n".join(lines)


FORMS = {
    "plain": plain,
    "markdown": markdown,
    "pipe table": pipe_table,
    "side by side, tab": side_by_side,
    "side by side, spaces": lambda letter: side_by_side(letter, "      "),
    "left column first": in_sequence,
    "right column first": lambda letter: in_sequence(letter, right_first=True),
    "one line": one_line,
    "ocr": ocr,
}
