"""Departments listed after one shared head: "Các sở: Tài chính, Kế hoạch và Đầu tư" is
"Sở Tài chính" and "Sở Kế hoạch và Đầu tư"; "các Sở Nội vụ, Tư pháp" the same without a colon.

Each field is matched, longest first, against what the listed departments do (`Lexicon.
department_fields`), so the "và" inside "Kế hoạch và Đầu tư" or the commas inside "Văn hóa,
Thể thao và Du lịch" do not split a name; the list ends at the first words that name no
department.
"""

from __future__ import annotations

from extractors.fold import fold
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Lexicon
from extractors.mentions.agency.local import Body

MAX_FIELD_TOKENS = 9
_SEPARATORS = (",", "và", ";")


def _field_end(scan: Scan, j: int, lex: Lexicon) -> tuple[int, str] | None:
    """The longest department field at token `j`: (end token, department's name)."""
    for k in range(min(len(scan), j + MAX_FIELD_TOKENS), j, -1):
        name = lex.department_fields.get(fold(" ".join(scan.lower[j:k])))
        if name and scan.cap(j):
            return k, name
    return None


def listed_departments(scan: Scan, lex: Lexicon) -> list[Body]:
    """Every "các sở[:] A, B và C" of the text, as one body naming each department."""
    out: list[Body] = []
    for i in range(len(scan) - 2):
        if scan.lower[i:i + 2] != ["các", "sở"]:
            continue
        colon = scan.words[i + 2] == ":"
        j, names, end = i + 2 + colon, [], 0
        while j < len(scan):
            hit = _field_end(scan, j, lex)
            if not hit:
                break
            end, name = hit
            names.append(name)
            j = end + 1 if end < len(scan) and scan.lower[end] in _SEPARATORS else len(scan)
        if len(names) >= 2 or colon and names:
            out.append(Body(i, end, tuple(names), "so"))
    return out
