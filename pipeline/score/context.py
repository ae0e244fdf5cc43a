"""Which section an error sits in, so a reader of the report can find it in the document.

Predictions carry a section id (or an offset) into the predicted sections table; gold records
carry none, so their section is the nearest gold heading that precedes them in the reference.
"""

from __future__ import annotations

from bisect import bisect_right

from pipeline.gold import collapse


def heading_title(number: str | None, heading: str | None) -> str:
    """'II. Mục tiêu' style title of a heading ('' number gives the heading alone)."""
    number, heading = (number or "").strip(), (heading or "").strip()
    if number and heading:
        return f"{number}. {heading}"
    return number or heading


class PredSections:
    """Finds a predicted row's section in the predicted sections table."""

    def __init__(self, sections: list[dict]):
        self.by_id = {row["sec_id"]: row for row in sections if row.get("sec_id") is not None}
        self.rows = sorted((row for row in sections if row.get("start") is not None),
                           key=lambda row: (row["start"], -(row.get("end") or 0)))

    def of(self, row: dict) -> str:
        """Title of the section a predicted row sits in ('' when unknown)."""
        section = self.section_of(row)
        return heading_title(section.get("number"), section.get("heading")) if section else ""

    def section_of(self, row: dict) -> dict | None:
        """The predicted section row a predicted record sits in (by id, else by offset)."""
        section = self.by_id.get(row.get("section"))
        if section is None and row.get("start") is not None:
            section = self._containing(row["start"])
        return section

    def parent_of(self, row: dict) -> str:
        """Title of a predicted section's parent section ('' at the top)."""
        parent = self.by_id.get(row.get("parent"))
        return heading_title(parent.get("number"), parent.get("heading")) if parent else ""

    def _containing(self, offset: int) -> dict | None:
        best = None
        for row in self.rows:
            if row["start"] > offset:
                break
            if row.get("end") is None or offset < row["end"]:
                best = row  # later starts are deeper or later: keep the last one
        return best


class GoldSections:
    """Finds where gold headings and strings sit in the collapsed reference text."""

    def __init__(self, sections: list[dict], reference: str | None):
        self.reference = reference or ""
        self.positions: list[int] = []
        self.titles: list[str] = []
        self.labels: list[str | None] = []
        cursor = 0
        for section in sections:
            heading = collapse(section.get("heading") or "")
            at = self.reference.find(heading, cursor) if heading else -1
            if at < 0:
                continue
            self.positions.append(at)
            self.titles.append(heading_title(section.get("number"), section.get("heading")))
            self.labels.append(section.get("label"))
            cursor = at + 1

    def _index(self, text: str | None) -> int:
        at = self.reference.find(collapse(text or "")) if text else -1
        return bisect_right(self.positions, at) - 1 if at >= 0 else -1

    def of(self, text: str | None) -> str:
        """Title of the nearest gold heading before the first occurrence of `text`."""
        index = self._index(text)
        return self.titles[index] if index >= 0 else ""

    def label_of(self, text: str | None) -> str | None:
        """Label of the nearest gold heading before the first occurrence of `text`."""
        index = self._index(text)
        return self.labels[index] if index >= 0 else None

    def parent_of(self, index: int, sections: list[dict]) -> str:
        """Title of the nearest level-1 gold heading before gold section `index`."""
        for section in reversed(sections[:index]):
            if section.get("level") == 1:
                return heading_title(section.get("number"), section.get("heading"))
        return ""
