"""The "Tổ chức thực hiện" section cut into owner blocks and duties.

Works from the text alone (one-line documents included) and uses the section tree when the
segmenter provides one. A block is a numbered paragraph ("3. Sở Nội vụ") whose leading agencies
own its duties; a duty is a lettered item, a bullet, or else a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.fold import fold
from extractors.mentions.tasks import cue_pattern, roles_data
from pipeline.model import Section


@dataclass
class Block:
    """A numbered paragraph of the implementation section: [start, end) after its number."""

    start: int
    end: int


def tcth_regions(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Spans of the implementation sections: from the tree if labelled, else by heading cues."""
    top = [s for s in sections if s.label == "TO_CHUC_THUC_HIEN"]
    roots = [s for s in top if s.parent is None or all(p.sec_id != s.parent for p in top)]
    if roots:
        return [region for s in roots for region in _root_regions(text, s, sections)]
    folded = fold(text)
    head = regex.compile(
        rf"(?:^|\n|[\s.])(?:[ivx]+|\d+|dieu\s+\d+|phan\s+[ivx\d]+)\s*[.:)]?\s*"
        rf"(?:{cue_pattern('section_heading')})(?!\w)[ \t]*(?::|\n|(?=\s+\d+\.\s)|(?=\s+[A-ZĐ]))"
    )
    out = []
    for m in head.finditer(folded):
        if not _looks_like_heading(text, m):
            continue
        out.append((m.end(), _cut_end(text, m.end(), len(text))))
    return _dedupe(out)


_ROMAN = regex.compile(r"[IVX]+")


def _root_regions(text: str, root: Section, sections: list[Section]) -> list[tuple[int, int]]:
    """The implementation section's span; under a "Phần III. TỔ CHỨC THỰC HIỆN" that holds
    "I. TRÁCH NHIỆM …", "II. KINH PHÍ …", the span of each Roman part (each numbers its own
    owner blocks from 1, and a Roman heading would otherwise end the section)."""
    parts = [c for c in sections if c.parent == root.sec_id and c.number
             and _ROMAN.fullmatch(c.number)]
    if not parts:
        return [(root.heading_end, _cut_end(text, root.heading_end, root.end))]
    out = []
    if text[root.heading_end:parts[0].start].strip():
        out.append((root.heading_end, parts[0].start))
    for part in parts:
        out.append((part.heading_end, _cut_end(text, part.heading_end, part.end)))
    return out


def _looks_like_heading(text: str, m: regex.Match) -> bool:
    """A cue phrase that is its own title ("V. TỔ CHỨC THỰC HIỆN"), not words in a sentence."""
    body = text[m.start():m.end()].strip()
    words = regex.findall(r"\w+", body)
    return len(words) <= 8


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def _cut_end(text: str, start: int, end: int) -> int:
    """Cut at the signature block, "Nơi nhận" or the next top-level heading."""
    folded = fold(text)
    ends = [fold(e) for e in roles_data()["section_end"]]
    best = end
    for e in ends:
        i = folded.find(e, start, end)
        if i >= 0:
            best = min(best, i)
    nxt = regex.search(r"\n\s*(?:[IVX]+\.\s+[A-ZĐ]|Điều\s+\d+\.)", text[start:best])
    if nxt:
        best = start + nxt.start()
    while best > start and text[best - 1] in " \t\n|*_":  # "| ***Nơi nhận:***" of a web copy
        best -= 1
    return best


_NUM = regex.compile(r"(?<![^\s])[ \t]*(\d{1,2})\.[ \t]+(?=\S)")


def blocks(text: str, start: int, end: int) -> list[Block]:
    """Numbered paragraphs 1., 2., 3. … in order inside [start, end); one block if none."""
    found: list[tuple[int, int]] = []
    want = 1
    for m in _NUM.finditer(text, start, end):
        if m.start() != start and not _starts_item(text, start, m.start()):
            continue
        if int(m.group(1)) == want:
            found.append((m.start(), m.end()))
            want += 1
    if not found:
        return [Block(start, end)]
    out = []
    for i, (_, body) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else end
        out.append(Block(body, stop))
    return out


def _starts_item(text: str, region_start: int, i: int) -> bool:
    before = text[region_start:i].rstrip(" \t")
    return not before or before[-1] in "\n.:;!?" or before.endswith("./.")


_LETTER = regex.compile(r"(?:^|(?<=\n)|(?<=[.:;]\s{1,4}))[ \t]*[a-zđ]?\)[ \t]+(?=\S)")
_BULLET = regex.compile(r"(?m)^[ \t]*[-–•][ \t]+(?=\S)")


def duties(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Duty spans of a block body: lettered items, else bullets, else paragraphs."""
    lead = regex.match(r"[\s*:]*", text[start:end])
    first = start + (lead.end() if lead else 0)
    items = [m for m in _LETTER.finditer(text, start, end)]
    head = regex.match(r"[ \t]*[a-zđ]\)[ \t]+", text[first:end])
    starts = [m.end() for m in items]
    if head and first + head.end() not in starts:
        starts.insert(0, first + head.end())
    if not starts:
        starts = [m.end() for m in _BULLET.finditer(text, start, end)]
    if not starts:
        return _split_closing(text, _paragraphs(text, first, end))
    starts.sort()
    spans = []
    for i, s in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else end
        spans.append((s, _trim(text, s, stop)))
    return _split_closing(text, spans)


def _split_closing(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a closing paragraph ("Trên đây là Kế hoạch …") off the duty it runs on from."""
    pat = regex.compile(rf"(?<=[.;:]\s+)(?:{cue_pattern('closing')})(?!\w)")
    out = []
    folded = fold(text)
    for s, e in spans:
        m = pat.search(folded, s, e)
        if m:
            out += [(s, _trim(text, s, m.start())), (m.start(), e)]
        else:
            out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> int:
    m = regex.search(r"[\s]*(?:[a-zđ]?\)|[-–•])?[\s]*$", text[s:e])
    return s + (m.start() if m else e - s)


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs, a line joined to the previous one when that did not end a sentence."""
    spans: list[list[int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            continue
        if spans and text[spans[-1][0]:spans[-1][1]].rstrip()[-1:] not in ".;:!?":
            spans[-1][1] = e
        else:
            spans.append([s + len(line) - len(line.lstrip()), e])
    return [(s, e) for s, e in spans]
