"""Letterhead metadata: province, document type and number, signing date, title, signer.

Read from the first lines of the cleaned text (the national motto block, "Số: 681/KH-UBND",
"Hải Dương, ngày 01 tháng 4 năm 2016", the type line and its title) and from the signature
block at the end. Anything not found stays None; the doc id then falls back to the file name.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import regex
import yaml

from pipeline.model import DocumentMeta
from pipeline.vi.fold import ascii_slug
from pipeline.vi.legal import LETTERHEAD_CHARS, attachment_notes, document_number, issue_date

HEADER_CHARS = LETTERHEAD_CHARS
_SIGNER_TITLE = regex.compile(r"(?:PHÓ\s+)?CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN")
_PERSON = regex.compile(r"^\s*(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})\s*$", regex.MULTILINE)


@cache
def _provinces() -> list[str]:
    text = resources.files("pipeline.data").joinpath("provinces.txt").read_text("utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return sorted(names, key=len, reverse=True)


@cache
def _doc_types() -> dict[str, list[str]]:
    text = resources.files("pipeline.data").joinpath("doc_types.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _canonical_province(name: str) -> str:
    key = ascii_slug(name)
    for canon in _provinces():
        if ascii_slug(canon) == key:
            return canon.replace(" – ", " - ")
    return name


def find_province(text: str) -> str | None:
    """The issuing province: from the letterhead, the place-date line, or the title."""
    header = text[:HEADER_CHARS]
    folded = header.casefold()
    for scope in (r"(?:ủy|uỷ)\s+ban\s+nhân\s+dân\s+(?:tỉnh|thành\s+phố)\s+", r"ubnd\s+tỉnh\s+",
                  r"tỉnh\s+", r""):
        for name in _provinces():
            pattern = scope + regex.escape(name.casefold()) + r"(?!\p{L})"
            if scope == "":
                pattern += r"\s*,\s*ngày"
            if regex.search(pattern, folded):
                return _canonical_province(name)
    return None


def find_number(header: str) -> tuple[str | None, str | None]:
    """("681/KH-UBND", "KH") from a "Số: 681/KH-UBND" line."""
    found = document_number(header)
    return (found.text, found.kind_code) if found else (None, None)


def find_date(header: str) -> str | None:
    """ISO signing date from "…, ngày 01 tháng 4 năm 2016" in the letterhead."""
    return issue_date(header)


def find_type_and_title(header: str) -> tuple[str | None, str | None]:
    """The type code named by the title line ("KẾ HOẠCH" → "KH") and the title after it."""
    best: tuple[int, str, regex.Match] | None = None
    for code, words in _doc_types().items():
        for word in words:
            pattern = r"(?m)(?:^[ \t*]*|\s{2,})" + regex.escape(word) + r"(?=\s|\*|$)"
            m = regex.search(pattern, header)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), code, m)
    if best is None:
        return None, None
    _, code, m = best
    return code, _title_after(header, m.end())


def _title_after(header: str, pos: int) -> str | None:
    rest = header[pos:pos + 600].replace("**", "")
    lines = rest.split("\n")
    while len(lines) > 1 and not lines[0].strip():
        lines = lines[1:]
    title_lines: list[str] = []
    for line in lines:
        line = line.strip()
        if not line or regex.match(r"(?:Căn cứ|CHỦ TỊCH|ỦY BAN|UỶ BAN|Thực hiện|Số:)", line):
            break
        title_lines.append(line)
        if len(title_lines) == 4:
            break
    title = " ".join(title_lines)
    if len(lines) == 1 or len(title) > 300:  # one-line documents: the upper-case run is the title
        caps = regex.match(r"\s*((?:[\p{Lu}\d][\p{Lu}\d/,.-]*\s+)+)", rest)
        title = caps.group(1) if caps else title[:200]
        title = regex.sub(r"\s+\p{Lu}\p{Ll}*\s*$", "", title)
    title = regex.sub(r"\s+", " ", title).strip(" -–:")
    return title or None


def find_signer(text: str) -> str | None:
    """The signer's name: a person's name on its own line just below a signing title."""
    plain = text.replace("**", "")
    found = None
    for title in _SIGNER_TITLE.finditer(plain):
        line_end = plain.find("\n", title.start())
        if line_end == -1 or plain[title.end():line_end].strip():
            continue  # the title runs on as a sentence: not a signature block
        after = plain[line_end:line_end + 120]
        m = _PERSON.search(after)
        if m and not regex.search(r"Nơi nhận|Lưu|Văn phòng|Sở |Ủy ban|UBND|PHỤ", m.group(1)):
            found = m.group(1)
    return found


def find_attached_to(text: str) -> tuple[str, str, str] | None:
    """(number, type, ISO date) from an appendix note "(Kèm theo Quyết định số 526/QĐ-UBND
    ngày 05/02/2013 …)": the document itself when its letterhead lost the number line."""
    notes = attachment_notes(text)
    if not notes:
        return None
    note = notes[0]
    return f"{note.number}/{note.kind}", note.kind.split("-")[0], note.date


def extract_metadata(text: str) -> DocumentMeta:
    """All letterhead fields that can be read from `text`."""
    header = text[:HEADER_CHARS]
    number, number_kind = find_number(header)
    title_kind, title = find_type_and_title(header)
    doc_type = number_kind or title_kind
    signed_date = find_date(header)
    if number is None:
        attached = find_attached_to(text)
        if attached and (title_kind is None or attached[1].upper() == title_kind.upper()
                         or ascii_slug(attached[1]) == ascii_slug(title_kind)):
            number, doc_type, signed_date = attached[0], attached[1], signed_date or attached[2]
    if doc_type and doc_type.upper() == "QD":
        doc_type = "QĐ"
    return DocumentMeta(
        province=find_province(text),
        doc_type=doc_type,
        doc_number=number,
        signed_date=signed_date,
        title=title,
        signer=find_signer(text),
    )


def make_doc_id(meta: DocumentMeta, source: str) -> str:
    """ANNOTATION §4 id when the letterhead gives everything, else a slug of the file name."""
    if meta.province and meta.doc_type and meta.doc_number and meta.signed_date:
        number = regex.match(r"\d+[a-zA-Z]?", meta.doc_number)
        if number:
            return (f"{ascii_slug(meta.province)}-{meta.signed_date[:4]}-"
                    f"{ascii_slug(meta.doc_type)}{number.group().lower()}")
    return ascii_slug(Path(source).stem, "-") or "document"
