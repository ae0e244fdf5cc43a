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
from extractors.targets.cues import cue_re, cues, words_re
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
    r"(?:\*\*)?[ ]{1,2}(?:\*\*)?(?P<title>(?:(?![ ]{3}|\t)[^\n]){2,160})$",
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
    label: str = ""


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
    """Zones from the segmenter's sections (skip by label, year from the heading). A list item
    the segmenter keeps as a section whose heading is a sentence ("l) Giảm 10% số ca mắc …
    so với giai đoạn 2018 - 2022.") is a target's own words, not a heading that dates it."""
    skip_labels = set(cues()["skip_labels"])
    out = []
    for s in sections:
        heading = "" if _is_sentence(s.heading) else f"{s.number} {s.heading}"
        # a part whose title says nothing ("Phần II. KẾ HOẠCH … GIAI ĐOẠN 2021 - 2025") over
        # sections that do ("I. MỤC TIÊU") is skipped only where its own sections are
        skip = s.label in skip_labels and not any(
            s.start <= o.start < s.end and o is not s and o.label not in skip_labels
            for o in sections)
        zone = _zone(s.start, s.end, s.depth, heading, skip)
        zone.label = s.label
        out.append(zone)
    return out


def _is_sentence(heading: str) -> bool:
    """A heading that states something rather than names a part: it ends in a full stop or
    holds a figure ("30%", "đạt 95%")."""
    return heading.rstrip().endswith(".") or "%" in heading or len(heading) > 120


def zones_from_text(text: str, plan_year: int | None) -> list[Zone]:
    """Zones from heading-like lines, for text the segmenter has not seen."""
    heads = [(m.start(), _depth(m["num"]), m["title"]) for m in HEADING_RE.finditer(text)]
    situation = cue_re("situation_headings")
    out = []
    for i, (start, depth, title) in enumerate(heads):
        end = next((s for s, d, _ in heads[i + 1 :] if d <= depth), len(text))
        opening = " ".join(title.replace("*", " ").split()[:4])
        skip = depth <= 1 and bool(situation.search(opening))
        zone = _zone(start, end, depth, title if len(title) < 120 else "", skip)
        if plan_year and zone.year and zone.year < plan_year and depth <= 1:
            zone.skip = True
        zone.label = _label(opening, depth, [z for z in out if z.start <= start < z.end])
        out.append(zone)
    return out


def _label(opening: str, depth: int, parents: list[Zone]) -> str:
    """The label a heading's first words give (`heading_labels`: "Mục tiêu …" is MUC_TIEU,
    "Bảo đảm kinh phí" KINH_PHI), else its parent's, as the segmenter labels sections."""
    for label, words in cues()["heading_labels"].items():
        if words_re(words).search(opening):
            return label
    inherited = [z.label for z in parents if z.depth < depth and z.label]
    return inherited[-1] if inherited else ""


PERIOD = r"(?:Giai\s+đoạn|Đến|Tới|Trong|Năm)[^:\n]{0,30}?(?:19|20)\d\d"
LABEL_RE = regex.compile(
    # "Giai đoạn đến 2015: …", or a marked or bold line of its own: "- Giai đoạn 2025-2027"
    # (also when cleaning has joined the list below it onto the line: "… 2025-2027 + 100% …")
    rf"(?:^|\n)[ \t\-+•]*(?P<label>{PERIOD})\s*:"
    rf"|(?:^|\n)[ \t]*(?:[\-+•][ \t]*|\*\*)(?P<label>{PERIOD})[ \t*]*(?=\n|[ \t]+[\-+•][ \t])",
    regex.IGNORECASE,
)


def zones_from_labels(text: str) -> list[Zone]:
    """Period labels that open a paragraph ("Giai đoạn đến 2015: …") or stand alone on a line
    above a list ("- Giai đoạn 2025-2027" then "+ 100% …") and hold until the next label or
    heading line, so the paragraphs after them inherit their year."""
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
