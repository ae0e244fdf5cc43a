"""Duty clauses outside the numbered "Tổ chức thực hiện" blocks.

A decision's closing article ("Chánh Văn phòng UBND tỉnh, Giám đốc Sở … chịu trách nhiệm thi
hành Quyết định này") assigns no duty (schema 2): it gives no rows.
- "giao Sở X chủ trì, phối hợp với … <task>" anywhere in the plan: X lead, the others partners,
  a standing role before the cue skipped ("giao X là cơ quan thường trực, chủ trì …").
"""

from __future__ import annotations

import regex

from extractors.assignments.roles import Ctx, Role, parse_duty, past_standing_role
from extractors.mentions.tasks import cue_pattern, skip_prefix


def assigned_roles(ctx: Ctx, skip: list[tuple[int, int]]) -> list[Role]:
    """"giao A chủ trì …" sentences outside the implementation sections (`skip`)."""
    rows: list[Role] = []
    pat = regex.compile(r"(?<!\w)giao\s+")
    lead = regex.compile(rf"\s*(?:{cue_pattern('lead_partner')}|{cue_pattern('lead')})(?!\w)")
    for m in pat.finditer(ctx.folded):
        if any(a <= m.start() < b for a, b in skip):
            continue
        chain, after = ctx.chain_at(m.end(), min(len(ctx.text), m.end() + 300))
        if chain:  # "giao Ban Dân tộc tỉnh là cơ quan thường trực, chủ trì …"
            after = past_standing_role(ctx, skip_prefix(ctx.text, after),
                                       min(len(ctx.text), after + 300))
        if not chain or not lead.match(ctx.folded, after):
            continue
        end = _sentence_end(ctx.text, after)
        rows += parse_duty(ctx, m.end(), end, [], m.end())
    return rows


def _sentence_end(text: str, pos: int) -> int:
    m = regex.compile(r"\.(?:\s|$)|\n\s*\n").search(text, pos)
    return m.start() if m else len(text)
