"""What to tell a user about a file a batch skipped because vnplan does not read its type.

A folder of plans often holds Word 97-2003 files and spreadsheets beside the PDFs; saying which
ones were left out, and what to do about them, beats a silent smaller count.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

ADVICE = {
    ".doc": "Word 97-2003 document: save it as .docx or PDF",
    ".rtf": "rich text: save it as .docx or PDF",
    ".odt": "OpenDocument text: save it as .docx or PDF",
    ".xls": "spreadsheet: vnplan reads tables inside PDF and DOCX documents, not workbooks",
    ".xlsx": "spreadsheet: vnplan reads tables inside PDF and DOCX documents, not workbooks",
    ".ods": "spreadsheet: vnplan reads tables inside PDF and DOCX documents, not workbooks",
    ".ppt": "presentation: not read",
    ".pptx": "presentation: not read",
    ".zip": "archive: unpack it first",
    ".rar": "archive: unpack it first",
}
SHOWN_PER_KIND = 10


def describe(path: Path) -> str:
    """Why a file was skipped, in words a user can act on."""
    suffix = path.suffix.lower()
    return ADVICE.get(suffix, f"'{suffix or 'no extension'}' is not a type vnplan reads")


def summary_lines(skipped: Iterable[Path]) -> list[str]:
    """One line per kind of skipped file, naming the files (the first ten of each kind)."""
    by_reason: dict[str, list[Path]] = {}
    for path in skipped:
        by_reason.setdefault(describe(Path(path)), []).append(Path(path))
    lines = []
    for reason, paths in sorted(by_reason.items(), key=lambda item: -len(item[1])):
        names = ", ".join(str(p) for p in paths[:SHOWN_PER_KIND])
        more = f" and {len(paths) - SHOWN_PER_KIND} more" if len(paths) > SHOWN_PER_KIND else ""
        lines.append(f"  skipped {len(paths)} unsupported ({reason}): {names}{more}")
    return lines
