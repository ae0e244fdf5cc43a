"""Duties handed out in the plan's task sections, outside "Tổ chức thực hiện".

A plan's "Nhiệm vụ, giải pháp" often names the doer of a task in the
task's own sentence: "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp rà soát …; Sở
Tài chính hướng dẫn cơ chế …". ANNOTATION §3 counts duties wherever they stand, so a sentence or
";"-part there that opens with agencies and then their role or verb is their duty, and so are
the later ";"-parts of their sentence. A part that names no doer ("Hoàn thiện cơ chế …") is
the plan's, not an agency's: no row. Budget sections
are not read: they say where the money comes from ("Doanh nghiệp viễn thông, tổ chức bảo đảm
kinh phí …" names payers, not doers).
"""

from __future__ import annotations

import regex

from extractors.assignments.roles import Ctx, Role, part_starts, subject_parts
from pipeline.model import Section

LABELS = frozenset({"NHIEM_VU", "GIAI_PHAP"})
_LINE = regex.compile(r"[^\n]+")
_MARKER = regex.compile(r"[ \t*]*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[-–•+])?[ \t*]*")


def task_section_roles(ctx: Ctx, sections: list[Section],
                       skip: list[tuple[int, int]]) -> list[Role]:
    """Role rows of the lines of task sections outside the spans in `skip` (the implementation
    sections, labelled blocks and tables, which other readers own)."""
    rows: list[Role] = []
    for start, end in _task_spans(sections):
        for line in _LINE.finditer(ctx.text, start, end):
            ls, le = line.span()
            if any(a <= ls < b for a, b in skip) or regex.search(r"\t|\s\|\s", line[0]):
                continue  # a table row: its cells are the table readers'
            first = _MARKER.match(ctx.text, ls, le).end()
            rows += subject_parts(ctx, [first, *part_starts(ctx, first, le)], le, carry=True)
    return rows


def _task_spans(sections: list[Section]) -> list[tuple[int, int]]:
    """Spans of text whose innermost section is labelled as tasks: each section's
    text from its title's end (a numbered paragraph's own text included) to its first
    subsection."""
    out = []
    for i, sec in enumerate(sections):
        if sec.label not in LABELS:
            continue
        start = sec.heading_end if sec.kind == "heading" else sec.heading_start
        nxt = sections[i + 1].start if i + 1 < len(sections) else sec.end
        out.append((start, min(sec.end, max(nxt, sec.heading_end))))
    return out
