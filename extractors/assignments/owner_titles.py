"""Owners of a numbered block whose title line is not itself an agency list.

Implementation sections number their paragraphs by owner ("3. Sở Nội vụ"), but some titles name
the owners in other words:
- "1. Trách nhiệm của Sở Nội vụ": the agencies after an owner-title prefix own the block;
- "2. Các cơ quan chủ trì các dự án, nhiệm vụ được nêu trong Kế hoạch": a collective body that no
  gazetteer lists; the title as printed is the agency (gold notes, Hà Tĩnh V.2);
- "8. Các cơ quan báo chí của tỉnh" over "Báo A, Đài B … <task>": the title is a summary and the
  paragraph's own subjects own the duty (`parse_duty` prefers a duty's own subject).
A title line has no final punctuation and the next non-empty line starts with a capital letter;
without line breaks (one-line documents) no title is read and the block is left as it was.
"""

from __future__ import annotations

import regex

from extractors.assignments.roles import Ctx
from extractors.mentions.agencies import AgencyMention
from extractors.mentions.tasks import cue_pattern

_TITLE = regex.compile(r"[ \t*]*([^\n]{3,200}?)[ \t*]*\n\s*(?=[A-ZĐÀ-Ỹ])")
MAX_TITLE_WORDS = 25


def title_owners(ctx: Ctx, start: int, end: int) -> tuple[list[AgencyMention], int]:
    """(owners, where the block's duties start) for a title line at `start`; ([], start) if the
    block does not open with a title line."""
    m = _TITLE.match(ctx.text, start, end)
    if not m or m.group(1)[-1] in ".;:!?," or len(m.group(1).split()) > MAX_TITLE_WORDS:
        return [], start
    ts, te = m.start(1), m.end(1)
    folded = ctx.folded
    pre = regex.match(rf"(?:{cue_pattern('owner_title_prefixes')})(?!\w)\s*", folded[ts:te])
    if pre:
        chain, after = ctx.chain_at(ts + pre.end(), te)
        if chain and after >= te - 1:
            return chain, m.end()
    if regex.match(rf"(?:{cue_pattern('body_titles')})(?!\w)", folded[ts:te]):
        title = ctx.text[ts:te]
        name = title[:1].upper() + title[1:]
        return [AgencyMention(ts, te, title, name, "unit")], m.end()
    return [], m.end()
