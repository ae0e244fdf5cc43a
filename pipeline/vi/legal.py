"""Legal references: how administrative documents name themselves and each other.

A document's letterhead carries its number ("Số: 1118/QĐ-UBND": number, kind of document,
issuing body) and its place and date of issue ("Thanh Hóa, ngày 29 tháng 3 năm 2019"); its
appendix says which document issues it ("(Ban hành kèm theo Quyết định số 1118/QĐ-UBND ngày
29/3/2019 …)"); its text cites others ("Quyết định số 06/QĐ-TTg ngày 02/01/2025"). The date in
these references is parsed only as far as the reference needs it (day, month, year).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

LETTERHEAD_CHARS = 4000  # the letterhead and title sit within the first characters

_NUMBER_LINE = regex.compile(
    r"(?<!\p{L})Số\s*:\s*(\d{1,5}[a-zA-Z]?)\s*/\s*((?:\d{4}/)?[\p{Lu}\p{Ll}]{1,4})\s*[-–]\s*"
    r"([\p{Lu}&]{2,10}(?:\s*[-–]\s*[\p{Lu}]{2,10})?)"
)
_PLACE_DATE = regex.compile(
    r"(?P<place>[\p{Lu}][\p{L} .–-]{1,40}?)\s*,\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
    r"\s+năm\s+(?P<y>(?:19|20)\d\d)"
)
_LONG_DATE = r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
_SHORT_DATE = r"ngày\s+(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>(?:19|20)\d\d)"
# "(Ban hành kèm theo Quyết định số 1118/QĐ-UBND ngày 29 tháng 3 năm 2019": "kèm" as OCR
# reads it too ("Kèn", "KÈM")
_ATTACHMENT = regex.compile(
    r"\b[Kk][eèéEÈÉ][mnMN]\b[^\n()]{0,40}?\b[Ss][ốỐ]\s*:?\s*(?P<number>\d{1,5}[a-z]?)\s*/\s*"
    r"(?P<kind>[\p{Lu}\p{Ll}]{1,4})\s*[-–]\s*(?P<issuer>[\p{Lu}]{2,10})"
    rf"\s+(?:{_LONG_DATE}|{_SHORT_DATE})")
_CITATION = regex.compile(
    r"(?<![\w/])(?P<number>\d+[a-z]?)(?:/(?P<year>(?:19|20)\d\d))?/"
    r"(?P<kind>[\p{Lu}]+-[\p{Lu}][\p{L}&]*)"
    r"\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class DocumentNumber:
    """A letterhead's number: "681/KH-UBND" is number 681 of kind KH by UBND."""

    number: str
    kind: str  # as written, maybe with a year before it ("2017/TT")
    issuer: str

    @property
    def text(self) -> str:
        """The number as one string, spaces taken out: "681/KH-UBND"."""
        return f"{self.number}/{self.kind}-{self.issuer}"

    @property
    def kind_code(self) -> str:
        """The kind of document without a year: "KH", "QĐ"."""
        return self.kind.split("/")[-1]


@dataclass(frozen=True)
class Reference:
    """A reference to a document with its date: number, kind-issuer ("QĐ-UBND"), ISO date and
    the span of the number in the text."""

    number: str
    kind: str
    date: str  # ISO, yyyy-mm-dd
    start: int
    end: int


def _iso(d: str, m: str, y: str) -> str | None:
    day, month, year = int(d), int(m), int(y)
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def document_number(header: str) -> DocumentNumber | None:
    """The number on a letterhead's "Số: 681/KH-UBND" line (spaces around "/" and "-"
    allowed, "Số: 168 /QĐ-UBND"); None without one."""
    m = _NUMBER_LINE.search(header)
    if not m:
        return None
    return DocumentNumber(m.group(1), m.group(2), regex.sub(r"\s+", "", m.group(3)))


def issue_date(header: str) -> str | None:
    """ISO date of issue from the letterhead's place-and-date line ("Hải Dương, ngày 01 tháng
    4 năm 2016" → "2016-04-01")."""
    m = _PLACE_DATE.search(header)
    return _iso(m["d"], m["m"], m["y"]) if m else None


def attachment_notes(text: str) -> list[Reference]:
    """Notes that attach a plan or an appendix to the document issuing it ("Ban hành kèm theo
    Quyết định số 526/QĐ-UBND ngày 05/02/2013"), as references to that document."""
    out = []
    for m in _ATTACHMENT.finditer(text):
        date = _iso(m["d"], m["m"], m["y"]) if m["d"] else _iso(m["d2"], m["m2"], m["y2"])
        if date:
            out.append(Reference(m["number"], f"{m['kind']}-{m['issuer']}", date,
                                 m.start("number"), m.end("number")))
    return out


@dataclass(frozen=True)
class Citation:
    """A legal document cited with its date: "36a/NQ-CP ngày 14/10/2015"."""

    number: str
    kind: str
    date: str  # d/m/yyyy without leading zeros
    start: int  # span of the number in the text
    end: int


def citations(text: str) -> list[Citation]:
    """Every "number[/year]/KIND-ISSUER ngày d/m/yyyy" citation of `text`."""
    return [Citation(m.group("number"), m.group("kind"),
                     f"{int(m.group('d'))}/{int(m.group('m'))}/{m.group('y')}",
                     m.start("number"), m.end("number"))
            for m in _CITATION.finditer(text)]
