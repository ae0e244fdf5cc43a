"""Where a number sits: its sentence, and the headings above it (year, situation report).

Plans are written as lists: a sentence ends at ". " before a capital or a list marker, at a
line break before a capital, digit or marker, and at a tab (table cell). A line break before a
lowercase word is a wrapped line (OCR, PDF) and joins the sentence. Headings come from the
segmenter's sections when there are any; otherwise heading-like lines are read here, so the
extractor also works on text that has not been segmented.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.mentions.years import year_mentions
from extractors.targets.cues import cue_re, cues
from pipeline.model import Section

BOUNDARY_RE = regex.compile(
    r"(?:(?<=[.!?])\s+(?=[\p{Lu}\d\-+•–(]|[a-zđ]\)\s))"  # after ". " before a capital/marker
    r"|(?:(?<=:)\s+(?=[\p{Lu}\-+•–(]|[a-zđ]\)\s))"  # ": " too, but "2012-2015: 240 xã" is one
    r"|\n\s*(?![\p{Ll}])"  # a line break not before a lowercase word
    r"|\t"  # a table cell
    r"|\s(?=(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[IVX]{1,4}\.)[ ]+\p{Lu})"  # inline "1. Xây…"
)
HEADING_RE = regex.compile(
    r"^[ \t*]*(?P<num>(?:Phần|PHẦN)\s+[IVX\d]+\.?|[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))"
    r"[ ]{1,2}(?P<title>(?:(?![ ]{3}|\t)[^\n]){2,160})$",
    regex.MULTILINE,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence-like unit of `text`."""
    out, start = [], 0
    for m in BOUNDARY_RE.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


@dataclass
class Zone:
    """A stretch of text under one heading: the year it sets, and whether it is skipped."""

    start: int
    end: int
    depth: int
    year: int | None
    period_start: int | None
    skip: bool


def _depth(num: str) -> int:
    if num.lower().startswith("phần"):
        return 0
    if regex.fullmatch(r"[IVX]+\.", num):
        return 1
    if num.endswith(")"):
        return 9
    return 1 + num.rstrip(".").count(".") + 1


def _zone(start: int, end: int, depth: int, heading: str, skip: bool) -> Zone:
    years = year_mentions(heading)
    year = years[-1].year if years else None
    period = years[-1].period_start if years else None
    return Zone(start, end, depth, year, period, skip)


def zones_from_sections(sections: list[Section]) -> list[Zone]:
    """Zones from the segmenter's sections (skip by label, year from the heading)."""
    skip_labels = set(cues()["skip_labels"])
    return [
        _zone(s.start, s.end, s.depth, f"{s.number} {s.heading}", s.label in skip_labels)
        for s in sections
    ]


def zones_from_text(text: str, plan_year: int | None) -> list[Zone]:
    """Zones from heading-like lines, for text the segmenter has not seen."""
    heads = [(m.start(), _depth(m["num"]), m["title"]) for m in HEADING_RE.finditer(text)]
    situation = cue_re("situation_headings")
    out = []
    for i, (start, depth, title) in enumerate(heads):
        end = next((s for s, d, _ in heads[i + 1 :] if d <= depth), len(text))
        opening = " ".join(title.strip("* ").split()[:3])
        skip = depth <= 1 and bool(situation.search(opening))
        zone = _zone(start, end, depth, title if len(title) < 120 else "", skip)
        if plan_year and zone.year and zone.year < plan_year and depth <= 1:
            zone.skip = True
        out.append(zone)
    return out


LABEL_RE = regex.compile(
    r"(?:^|\n)[ \t\-+•]*(?P<label>(?:Giai\s+đoạn|Đến|Tới|Trong|Năm)[^:\n]{0,30}?(?:19|20)\d\d)\s*:",
    regex.IGNORECASE,
)


def zones_from_labels(text: str) -> list[Zone]:
    """Period labels that open a paragraph ("Giai đoạn đến 2015: …") and hold until the next
    label or heading line, so the paragraphs after them inherit their year."""
    heads = [m.start() for m in HEADING_RE.finditer(text)]
    labels = [m for m in LABEL_RE.finditer(text) if year_mentions(m["label"] + " ")]
    out = []
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        end = min([h for h in heads if h > m.start()] + [end])
        out.append(_zone(m.start(), end, 99, m["label"], False))
    return out


def enclosing(zones: list[Zone], pos: int) -> list[Zone]:
    """Zones containing `pos`, outermost first."""
    return sorted((z for z in zones if z.start <= pos < z.end), key=lambda z: (z.depth, z.start))
