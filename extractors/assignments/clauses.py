"""Duty clauses outside the numbered "Tổ chức thực hiện" blocks.

- The executing article of a decision: "Chánh Văn phòng UBND tỉnh, Giám đốc Sở …, Chủ tịch UBND
  các huyện … chịu trách nhiệm thi hành Quyết định này": every body whose head is named is lead.
- "giao Sở X chủ trì, phối hợp với … <task>" anywhere in the plan: X lead, the others partners.
"""

from __future__ import annotations

import regex

from extractors.assignments.roles import Ctx, Role, parse_duty
from extractors.mentions.tasks import clause_end, cue_pattern, roles_data


def execution_roles(ctx: Ctx) -> list[Role]:
    """Lead rows for every body named before "chịu trách nhiệm thi hành Quyết định này"."""
    rows: list[Role] = []
    cue = regex.compile(rf"(?:{cue_pattern('execution')})(?!\w)\s*")
    titles = "|".join(regex.escape(t) for t in roles_data()["titles"])
    for m in cue.finditer(ctx.folded):
        window = max(0, m.start() - 700)
        heads = list(regex.finditer(rf"(?:^|\n|Điều\s+\d+\.\s*)[ \t]*(?:{titles})(?!\w)",
                                    ctx.text[window:m.start()]))
        if not heads:
            continue
        start = window + heads[-1].start()
        start += len(ctx.text[start:]) - len(ctx.text[start:].lstrip())
        start = _after_article(ctx.text, start)
        ts = m.start() + regex.match(r".*?trách nhiệm\s+", ctx.text[m.start():]).end()
        te = clause_end(ctx.text, ts)
        for ag in ctx.mentions:
            if start <= ag.start < m.start() and ag.assignable:
                ev = _title_start(ctx.text, start, ag.start, titles)
                rows.append(Role(ag.canonical, "lead", ts, te, ev, start, te))
    return rows


def _after_article(text: str, start: int) -> int:
    m = regex.match(r"Điều\s+\d+\.\s*", text[start:])
    return start + (m.end() if m else 0)


def _title_start(text: str, lo: int, at: int, titles: str) -> int:
    """Evidence starts at the title of the body's head ("Giám đốc Sở …"), else at the name."""
    found = list(regex.finditer(rf"(?<!\w)(?:{titles})(?!\w)", text[lo:at]))
    return lo + found[-1].start() if found else at


def assigned_roles(ctx: Ctx, skip: list[tuple[int, int]]) -> list[Role]:
    """"giao A chủ trì …" sentences outside the implementation sections (`skip`)."""
    rows: list[Role] = []
    pat = regex.compile(r"(?<!\w)giao\s+")
    lead = regex.compile(rf"\s*(?:{cue_pattern('lead_partner')}|{cue_pattern('lead')})(?!\w)")
    for m in pat.finditer(ctx.folded):
        if any(a <= m.start() < b for a, b in skip):
            continue
        chain, after = ctx.chain_at(m.end(), min(len(ctx.text), m.end() + 300))
        if not chain or not lead.match(ctx.folded, after):
            continue
        end = _sentence_end(ctx.text, after)
        rows += parse_duty(ctx, m.end(), end, [], m.end())
    return rows


def _sentence_end(text: str, pos: int) -> int:
    m = regex.compile(r"\.(?:\s|$)|\n\s*\n").search(text, pos)
    return m.start() if m else len(text)
