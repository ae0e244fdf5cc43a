"""Legal references: how administrative documents name themselves and each other.

A document's letterhead carries its number ("Số: 1118/QĐ-UBND": number, kind of document,
issuing body; or the party's form "Số: 09-NQ/TU") and its place and date of issue ("Thanh
Hóa, ngày 29 tháng 3 năm 2019"); its appendix says which document issues it ("(Ban hành kèm
theo Quyết định số 1118/QĐ-UBND ngày 29/3/2019 …)"); its text cites others ("Quyết định số
06/QĐ-TTg ngày 02/01/2025"). One grammar of the genre, used by the describe stage (ids,
dates) and the clean stage (a misread number checked against the letterhead's own); it
imports no stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

LETTERHEAD_CHARS = 4000  # the letterhead, title and preamble fit in the first characters

_CODE = r"[\p{Lu}][\p{Lu}\p{Ll}&]{1,11}"
# "Số: 681/KH-UBND", "Số: 36a/NQ-CP", "Số: 22/2016/NQ-HĐND", "Số: 2629/QĐ-TTg"
_NUMBER = regex.compile(
    r"(?<!\p{L})Số\s*:?\s*(?P<n>\d{1,5}[a-zA-Z]?)\s*/\s*(?P<kind>(?:\d{4}\s*/\s*)?[\p{L}]{1,4})"
    rf"\s*[-–]\s*(?P<issuer>{_CODE}(?:\s*[-–]\s*{_CODE})?)(?![\p{{L}}\d])"
)
# the party's form "Số: 09-NQ/TU": number, type, then the issuer after the slash
_PARTY_NUMBER = regex.compile(
    rf"(?<!\p{{L}})Số\s*:?\s*(?P<n>\d{{1,5}}[a-zA-Z]?)\s*[-–]\s*(?P<kind>[\p{{L}}]{{1,4}})\s*/\s*"
    rf"(?P<issuer>{_CODE})(?![\p{{L}}\d])"
)
_LONG_DATE = r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d\d)"
_SHORT_DATE = r"ngày\s+(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>(?:19|20)\d\d)"
_WORD, _LOWER = r"\p{Lu}\p{Ll}*(?!\p{L})", r"\p{Ll}+(?!\p{L})"
# "Hải Dương, ngày 01 tháng 4 năm 2016", "Thành phố Hồ Chí Minh, ngày 19/11/2025": the place
# is written in lower case with capitals, so capitals before it (an issuer beside it) stay out
_PLACE_DATE = regex.compile(
    rf"(?<!\p{{L}})(?P<place>(?:TP\.?\s*)?{_WORD}(?:[\s-]+(?:{_WORD}|{_LOWER})){{0,5}})\s*,\s*"
    rf"(?:{_LONG_DATE}|{_SHORT_DATE})"
)
_ATTACHED = regex.compile(
    r"kèm\s+theo\s+(?:Quyết\s+định|Kế\s+hoạch(?:\s+hành\s+động)?|Nghị\s+quyết|Chỉ\s+thị|"
    r"Chương\s+trình|Đề\s+án)\s+số\s*:?\s*(?P<n>\d{1,5}[a-zA-Z]?)\s*/\s*(?P<kind>[\p{L}]{1,4})"
    rf"\s*[-–]\s*(?P<issuer>{_CODE})\s+(?:{_LONG_DATE}|{_SHORT_DATE})"
    r"(?:\s+của\s+(?P<by>[^()\n]{3,80}))?",
    regex.IGNORECASE,
)

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
class Reference:
    """A document number as written ("681/KH-UBND"), its type code ("KH") and issuer code
    ("UBND"), with the signing date and the issuing body when the text gives them."""

    number: str
    kind: str
    issuer_code: str
    date: str | None = None
    issued_by: str | None = None


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= m <= 12 else None


def _date_of(m: regex.Match) -> str | None:
    if m["d"] is not None:
        return _iso(m["d"], m["m"], m["y"])
    return _iso(m["d2"], m["m2"], m["y2"])


def number_spans(text: str) -> list[tuple[int, int]]:
    """Where "Số: …" numbers are written in `text`, in either form."""
    return [m.span() for pattern in (_NUMBER, _PARTY_NUMBER) for m in pattern.finditer(text)]


def find_reference(header: str) -> Reference | None:
    """The document's own number from the letterhead's "Số: …" line, in either order of type
    and issuer ("681/KH-UBND", "09-NQ/TU")."""
    m = _NUMBER.search(header)
    party = _PARTY_NUMBER.search(header)
    if party and (m is None or party.start() < m.start()):
        code = regex.sub(r"\s+", "", party["issuer"])
        return Reference(f"{party['n']}-{party['kind']}/{code}", party["kind"], code)
    if m is None:
        return None
    kind, code = regex.sub(r"\s+", "", m["kind"]), regex.sub(r"\s+", "", m["issuer"])
    return Reference(f"{m['n']}/{kind}-{code}", kind.split("/")[-1], code)


def find_number(header: str) -> tuple[str | None, str | None]:
    """("681/KH-UBND", "KH") from a "Số: 681/KH-UBND" line; (None, None) without one."""
    ref = find_reference(header)
    return (ref.number, ref.kind) if ref else (None, None)


def match_place_date(header: str) -> regex.Match | None:
    """The letterhead's place-and-date phrase "Hải Dương, ngày 01 tháng 4 năm 2016" (or "…,
    ngày 01/4/2016"), the first with a valid date."""
    return next((m for m in _PLACE_DATE.finditer(header) if _date_of(m)), None)


def find_place_date(header: str) -> tuple[str, str] | None:
    """(place, ISO date) of the letterhead's place-and-date phrase."""
    m = match_place_date(header)
    if m is None:
        return None
    return regex.sub(r"\s+", " ", m["place"]).strip(" .–-"), _date_of(m)


def find_date(header: str) -> str | None:
    """ISO signing date from the letterhead's place-and-date line."""
    found = find_place_date(header)
    return found[1] if found else None


def _leading_number(number: str) -> str:
    m = regex.match(r"\d+[a-zA-Z]?", number)
    return m.group().lower() if m else ""


def find_attached_to(text: str, number: str | None = None) -> Reference | None:
    """The document an appendix note attaches the text to: "(Kèm theo Quyết định số
    526/QĐ-UBND ngày 05/02/2013 của UBND tỉnh Nghệ An)". With `number`, only a note naming
    that number (the document's own appendix, not a cited one's)."""
    for m in _ATTACHED.finditer(text):
        written = f"{m['n']}/{m['kind']}-{m['issuer']}"
        if number is not None and _leading_number(number) != m["n"].lower():
            continue
        by = m["by"].strip(" ,.;*_") if m["by"] else None
        return Reference(written, m["kind"], m["issuer"], _date_of(m), by or None)
    return None


@dataclass(frozen=True)
class AttachmentNote:
    """A note attaching a text to the document issuing it, as OCR may have read it: number,
    kind-issuer ("QĐ-UBND"), ISO date and the span of the number in the text."""

    number: str
    kind: str
    date: str
    start: int
    end: int


def attachment_notes(text: str) -> list[AttachmentNote]:
    """Notes that attach a plan or an appendix to the document issuing it ("Ban hành kèm theo
    Quyết định số 526/QĐ-UBND ngày 05/02/2013"), as references to that document."""
    out = []
    for m in _ATTACHMENT.finditer(text):
        date = _date_of(m)
        if date:
            out.append(AttachmentNote(m["number"], f"{m['kind']}-{m['issuer']}", date,
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
