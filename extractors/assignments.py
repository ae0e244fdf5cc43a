"""Assignments: who must do what, by when (ANNOTATION §3), from duties and appendix tables.

Duties come from the "Tổ chức thực hiện" section (owner blocks → duties → roles), task rows
from appendix tables. A table row that restates a duty (same task, ignoring case) is merged
into it: the duty's record keeps its wording and takes the row's time (examples/README).
"""

from __future__ import annotations

import regex

from extractors.agencies import find_agencies
from extractors.clauses import assigned_roles, execution_roles
from extractors.deadlines import Deadline, duty_deadline
from extractors.duties import blocks, duties, tcth_regions
from extractors.fold import collapse
from extractors.roles import Role, make_ctx, parse_duty
from extractors.table_model import TableRow
from extractors.task_tables import task_rows
from extractors.tasks import clause_end, cue_pattern, task_text
from pipeline.model import Assignment, DocumentMeta, Section


def extract_assignments(
    text: str, sections: list[Section], meta: DocumentMeta
) -> list[Assignment]:
    """Every (task, agency, role) record in `text`."""
    mentions = find_agencies(text)
    ctx = make_ctx(text, mentions)
    duty_recs = [_from_role(text, r) for r in _roles(ctx, sections)]
    table_recs = [a for row in task_rows(text, mentions) for a in _from_row(text, row)]
    return _merge(_dedupe(duty_recs), _dedupe(table_recs))


def _roles(ctx, sections: list[Section]) -> list[Role]:
    out: list[Role] = []
    regions = tcth_regions(ctx.text, sections)
    for rs, re_ in regions:
        for blk in blocks(ctx.text, rs, re_):
            out += _block_roles(ctx, blk.start, blk.end)
    return out + execution_roles(ctx) + assigned_roles(ctx, regions)


_GIAO = regex.compile(r"[\s*]*(?:Giao|Yêu cầu|Đề nghị)\s+")


def _block_roles(ctx, start: int, end: int) -> list[Role]:
    """Roles of one numbered block: its heading agencies own each duty below it."""
    g = _GIAO.match(ctx.text, start)
    owners, after = ctx.chain_at(g.end() if g else start, end)
    if not any(o.assignable for o in owners):
        owners, after = [], start
    ev = owners[0].start if owners else start
    spans = duties(ctx.text, after, end)
    out: list[Role] = []
    for ds, de in spans:
        out += parse_duty(ctx, ds, de, owners, ev)
    return out + _heading_partners(ctx, after, spans, out)


def _heading_partners(ctx, after: int, spans, rows: list[Role]) -> list[Role]:
    """"Các sở sau đây … chủ trì và phối hợp với B thực hiện": B partners every lettered duty."""
    if not spans or spans[0][0] - after > 400:
        return []
    cue = rf"(?:{cue_pattern('lead_partner')})(?!\w)\s*"
    head = regex.search(cue, ctx.folded[after:spans[0][0]])
    if not head:
        return []
    partners, _ = ctx.chain_at(after + head.end(), spans[0][0])
    ev = after + head.start() + ctx.folded[after + head.start():].find("phoi")
    out = []
    for r in rows:
        if r.role == "lead" and spans[0][0] - 5 <= r.ev_start <= r.duty_start + 3:
            end = clause_end(ctx.text, r.task_start, r.duty_end)
            for p in partners:
                if p.assignable and p.canonical != r.agency:
                    out.append(Role(p.canonical, "partner", r.task_start, end, ev, r.duty_start,
                                    r.duty_end))
    return out


def _from_role(text: str, r: Role) -> Assignment:
    dl = duty_deadline(text[r.task_start:r.duty_end])
    return Assignment(
        agency=r.agency, role=r.role, task=task_text(text, r.task_start, r.task_end),
        deadline_text=dl.deadline_text, due_start=dl.due_start, due_end=dl.due_end,
        recurrence=dl.recurrence, evidence=collapse(text[r.ev_start:r.task_end].replace("**", "")),
        start=r.ev_start, end=r.task_end, method="duty",
    )


def _from_row(text: str, row: TableRow) -> list[Assignment]:
    task = task_text(text, row.task_start, row.task_end)
    out = []
    for role, names in (("lead", row.leads), ("partner", row.partners)):
        for name, end in names:
            out.append(_record(name, role, task, row.deadline, text, row.cell_start, end))
    return out


def _record(agency, role, task, dl: Deadline, text, start, end) -> Assignment:
    return Assignment(
        agency=agency, role=role, task=task, deadline_text=dl.deadline_text,
        due_start=dl.due_start, due_end=dl.due_end, recurrence=dl.recurrence,
        evidence=collapse(text[start:end]), start=start, end=end, method="table",
    )


def _key(a: Assignment) -> tuple[str, str, str]:
    return a.agency, a.role, a.task.casefold()


def _dedupe(recs: list[Assignment]) -> list[Assignment]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in recs:
        if a.task and _key(a) not in seen:
            seen.add(_key(a))
            out.append(a)
    return out


def _merge(duty: list[Assignment], table: list[Assignment]) -> list[Assignment]:
    """Fold table rows that restate a duty into it: one record per (task, agency, role)."""
    by_task: dict[str, list[Assignment]] = {}
    for a in duty:
        by_task.setdefault(a.task.casefold(), []).append(a)
    have = {_key(a) for a in duty}
    kept: list[Assignment] = []
    for a in table:
        same = by_task.get(a.task.casefold())
        if not same:
            kept.append(a)
            continue
        for d in same:
            d.deadline_text, d.due_start, d.due_end = a.deadline_text, a.due_start, a.due_end
            d.recurrence = a.recurrence
        a.task = same[0].task
        if _key(a) not in have:
            kept.append(a)
    return duty + kept
