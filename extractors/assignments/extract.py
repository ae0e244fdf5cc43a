"""Assignments: who must do what, by when (ANNOTATION §3), from duties and appendix tables.

Duties come from the "Tổ chức thực hiện" section (owner blocks → duties → roles), task rows
from appendix tables. A table row that restates a duty (same task, ignoring case) is merged
into it: the duty's record keeps its wording and takes the row's time (examples/README).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.assignments.clauses import assigned_roles
from extractors.assignments.duties import blocks, duties, tcth_regions
from extractors.assignments.labelled import block_roles, claimed, find_blocks, time_span
from extractors.assignments.merge_rows import dedupe, merge
from extractors.assignments.owner_titles import title_owners
from extractors.assignments.roles import Role, after_aside, make_ctx, parse_duty
from extractors.assignments.task_sections import task_section_roles
from extractors.fold import collapse, fold_document
from extractors.mentions.agencies import AgencyMention, find_agencies
from extractors.mentions.deadlines import Deadline, duty_deadline, table_deadline
from extractors.mentions.defined_names import with_defined
from extractors.mentions.tasks import clause_end, cue_pattern, task_text
from extractors.tables.rows import Report, TableRow
from extractors.tables.task_table import model_task_rows
from extractors.tables.text_rows import task_rows
from pipeline.model import Assignment, DocumentMeta, Section, Table


def extract_assignments(
    text: str, sections: list[Section], meta: DocumentMeta, tables: list[Table] | None = None,
    report: Report | None = None, mentions: list[AgencyMention] | None = None,
) -> list[Assignment]:
    """Every (task, agency, role) record in `text`; task rows from the model's `tables`, or,
    when they give none, from tables the text alone shows (text that lost its layout). A table
    a reader cannot read is skipped and told to `report`. `mentions`: the text's agencies, if
    already found."""
    mentions = with_defined(text, find_agencies(text)) if mentions is None else mentions
    ctx = make_ctx(text, mentions)
    labelled = find_blocks(text, sections)
    taken = claimed(labelled)
    skip = taken + [(t.start, t.end) for t in tables or []]
    duty_recs = [_from_role(text, r) for r in _roles(ctx, sections, skip)
                 if not any(a <= r.ev_start < b for a, b in taken)]
    for block in labelled:
        span = time_span(block)
        for r in block_roles(ctx, block):
            duty_recs.append(_from_role(text, r, span))
    table_recs: list[Assignment] = []
    follow: dict[int, str] = {}
    rows = model_task_rows(text, tables or [], mentions, report) or task_rows(text, mentions,
                                                                                report)
    for row in rows:
        if not (row.deadline.due_start or row.deadline.due_end or row.deadline.recurrence):
            row.deadline = _title_deadline(sections, row.cell_start, row.deadline)
        for a in _from_row(text, row):
            table_recs.append(a)
            follow[id(a)] = text[row.task_end:row.task_end + 120]
    return merge(dedupe(duty_recs), dedupe(table_recs, per_row=True), follow)


def _title_deadline(sections: list[Section], at: int, own: Deadline) -> Deadline:
    """A table row without a time of its own takes the time its table's title states: an
    appendix "DANH MỤC CÁC HỆ THỐNG … CẦN XÂY DỰNG ĐẾN NĂM 2020" dates every row of its list."""
    for sec in sorted((s for s in sections if s.start <= at < s.end and s.level),
                      key=lambda s: s.start, reverse=True):
        found = duty_deadline(sec.heading)
        if found.due_start or found.due_end:
            return found
    return own


def _roles(ctx, sections: list[Section], skip: list[tuple[int, int]]) -> list[Role]:
    """Roles of the implementation sections, of "giao A chủ trì" sentences elsewhere, and of
    the task sections' sentences that name their doer (outside `skip`: blocks and tables)."""
    out: list[Role] = []
    regions = tcth_regions(ctx.text, sections)
    for rs, re_ in regions:
        for blk in blocks(ctx.text, rs, re_):
            out += _block_roles(ctx, blk.start, blk.end)
    return (out + assigned_roles(ctx, regions)
            + task_section_roles(ctx, sections, regions + skip))


_GIAO = regex.compile(r"[\s*]*(?:Giao|Yêu cầu|Đề nghị)\s*:?\s+")


def _block_roles(ctx, start: int, end: int) -> list[Role]:
    """Roles of one numbered block: its heading agencies own each duty below it."""
    g = _GIAO.match(ctx.text, start)
    owners, after = ctx.chain_at(g.end() if g else start, end)
    if not any(o.assignable for o in owners):
        owners, after = title_owners(ctx, start, end)
    elif owners:
        after = after_aside(ctx.text, after, end)  # "Công an tỉnh (cơ quan thường trực …):"
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


def _from_role(text: str, r: Role, time: tuple[int, int] | None = None) -> Assignment:
    """The record of one role; its deadline read from `time` (a labelled block's time field)
    or from the duty's own words."""
    start = r.deadline_from if r.deadline_from >= 0 else r.task_start
    if time is not None:  # a time field reads like a time cell when no phrase in it is led in
        field = text[time[0]:time[1]]
        dl = duty_deadline(field)
        if not (dl.due_start or dl.due_end or dl.recurrence):
            dl = table_deadline(field.strip().rstrip(".;,").strip()) if field.strip() else dl
    else:
        dl = duty_deadline(text[start:_deadline_scope(text, start, r.duty_end)])
    return Assignment(
        agency=r.agency, role=r.role, task=task_text(text, r.task_start, r.task_end),
        deadline_text=dl.deadline_text, due_start=dl.due_start, due_end=dl.due_end,
        recurrence=dl.recurrence, evidence=collapse(text[r.ev_start:r.task_end].replace("**", "")),
        start=r.ev_start, end=r.task_end, method="duty",
    )


@lru_cache(maxsize=1)
def _completion_clause() -> regex.Pattern:
    return regex.compile(rf"\s*(?:{cue_pattern('completion_clause')})(?!\w)")


def _deadline_scope(text: str, start: int, end: int) -> int:
    """Where a task's time words stop: at a ";" that opens a clause with its own verb
    ("…; Hàng năm đánh giá kết quả…" is a later task's cycle), but not at one that only says when
    the task is due ("; hoàn thành trước 30/6"). A "," does not stop it: "…, tổng hợp vào dự
    toán ngân sách hàng năm" still gives the duty its yearly cycle (examples/README 8.d). A new
    sentence is a later duty too ("… trước ngày 31/01/2024. Định kỳ hằng quý tổng hợp …")."""
    done = _completion_clause()
    folded = fold_document(text)
    depth = 0
    for i in range(start, end):
        ch = text[i]
        depth += ch in "([" and 1 or (-1 if ch in ")]" and depth else 0)
        if ch == ";" and not depth and not done.match(folded, i + 1):
            return i
        if ch == "." and not depth and _NEW_SENTENCE.match(text, i + 1) \
                and not done.match(folded, i + 1):
            return i
    return end


_NEW_SENTENCE = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")


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
