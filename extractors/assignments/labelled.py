"""Duties laid out as labelled fields: a task table written as text.

    a) Nhiệm vụ: Tham mưu … rà soát, hoàn thiện Chiến lược dữ liệu …
    b) Cơ quan thực hiện:
       - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
       - Đơn vị phối hợp: Các Sở, ban, ngành.
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

A label names a column of a task table ("Đơn vị chủ trì" is the lead column, "Thời gian thực
hiện" the time), so labels are read with the same column vocabulary as table headers
(`tables.columns.column_kind`). Labels that follow one another inside one section make one
block; the roles the labels give hold for every duty of the block's task field (ANNOTATION §3:
"as a table row's or an 'Đơn vị chủ trì / phối hợp' block's do"). A block without a task field
takes the paragraph between its heading and its first label as the task, or, when there is
none, its section's own title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractors.assignments.duties import duties
from extractors.assignments.roles import Ctx, Role, parse_duty
from extractors.mentions.agencies import AgencyMention
from extractors.tables.columns import column_kind, partners_from
from pipeline.model import Section

# a label opens a line (after a list marker) and ends at its colon: "b) Đơn vị chủ trì:"
_LABEL = regex.compile(
    r"(?m)^[ \t]*(?:[a-zđ]\)|\d{1,2}[.)]|[-–•+*])?[ \t*]*"
    r"(?P<label>\p{Lu}[\p{L} ,/]{2,40}?)[ \t*]*:(?![/\d])")
_FIELDS = ("task", "lead", "partner", "time")


@dataclass
class _Field:
    kind: str
    label_start: int
    start: int  # content
    end: int


@dataclass
class Block:
    """One labelled block: its fields by kind, and the section it sits in."""

    section: Section | None
    fields: dict[str, _Field] = field(default_factory=dict)

    @property
    def start(self) -> int:
        """Where the block's first label begins."""
        return min(f.label_start for f in self.fields.values())


def _labels(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(label start, content start, kind) of every field label in `[start, end)`."""
    out = []
    for m in _LABEL.finditer(text, start, end):
        kind = column_kind(m["label"])
        if kind:
            out.append((m.start("label"), m.end(), kind))
    return out


def _owners(text: str, sections: list[Section]) -> list[Section]:
    """The sections a block can belong to: headings, numbered paragraphs, and list items that
    hold a task ("a) Tham mưu …" right above its "Đơn vị chủ trì" lines), not the items that
    are labels themselves ("b) Cơ quan thực hiện:", "- Đơn vị chủ trì: …")."""
    def is_label(s: Section) -> bool:
        line = text.rfind("\n", 0, s.heading_start) + 1
        return bool(_labels(text, line, s.heading_end))

    return [s for s in sections if s.kind in ("heading", "paragraph")
            or s.kind == "item" and not is_label(s) and _labels_below(text, s.heading_end)]


# a field label opening the line below an item, unlettered ("Đơn vị chủ trì:", "- Thời gian:")
_LABEL_BELOW = regex.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[-–•+][ \t]*)?[ \t*]*"
                             r"(?P<label>\p{Lu}[\p{L} ,/]{2,40}?)[ \t*]*:(?![/\d])")


def _labels_below(text: str, pos: int) -> bool:
    """Whether field labels start on the line after `pos`: an item followed by its own "Đơn vị
    chủ trì" lines holds a task, while a bullet of a task field ("a) Nhiệm vụ:" / "- Triển
    khai …" / "- Phối hợp …") or an item followed by "b) Cơ quan thực hiện:" does not."""
    m = _LABEL_BELOW.match(text, pos)
    return bool(m and column_kind(m["label"]))


def _boundaries(owners: list[Section]) -> list[int]:
    """Where an owner starts: a block never runs past one."""
    return sorted(s.start for s in owners)


def find_blocks(text: str, sections: list[Section]) -> list[Block]:
    """Every labelled block of the text with at least a lead or partner field."""
    owners = _owners(text, sections)
    bounds = _boundaries(owners) + [len(text)]
    labels = _labels(text, 0, len(text))
    blocks: list[Block] = []
    current: Block | None = None
    for i, (ls, cs, kind) in enumerate(labels):
        nxt = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        stop = min([b for b in bounds if b > cs] + [nxt])
        if not text[cs:stop].strip(" \t\n-–•+*"):
            continue  # a label over labels ("b) Cơ quan thực hiện:" above "- Đơn vị chủ trì:")
        owner = _owner(owners, ls)
        fresh = current is None or kind in current.fields or owner is not current.section \
            or any(current.start < b <= ls for b in bounds)
        if fresh:
            current = Block(owner)
            blocks.append(current)
        if kind in _FIELDS:
            current.fields[kind] = _Field(kind, ls, cs, stop)
    return [b for b in blocks if "lead" in b.fields or "partner" in b.fields]


def _owner(owners: list[Section], pos: int) -> Section | None:
    """The innermost owner holding `pos`."""
    best = None
    for s in owners:
        if s.start <= pos < s.end and (best is None or s.depth >= best.depth):
            best = s
    return best


def _agencies(ctx: Ctx, f: _Field | None) -> list[AgencyMention]:
    if f is None:
        return []
    return [m for m in ctx.mentions if f.start <= m.start < f.end and m.assignable]


def block_roles(ctx: Ctx, block: Block) -> list[Role]:
    """Role rows of one block: each duty of its task field for each lead and partner."""
    leads, partners = _roles_of_fields(ctx, block)
    if not leads and not partners:
        return []
    task = block.fields.get("task") or _unlabelled_task(ctx.text, block)
    if task is not None and ctx.text[task.start:task.end].strip():
        spans = duties(ctx.text, task.start, task.end)
    elif block.section is not None:
        spans = [(_title_start(ctx.text, block.section), block.section.heading_end)]
    else:
        return []
    out: list[Role] = []
    for ds, de in spans:
        tasks = {(r.task_start, r.task_end) for r in parse_duty(ctx, ds, de, leads or partners, ds)}
        for ts, te in sorted(tasks):
            for group, role in ((leads, "lead"), (partners, "partner")):
                for a in group:
                    out.append(Role(a.canonical, role, ts, te, ts, ds, de,
                                    deadline_from=_time_start(block)))
    return out


def _roles_of_fields(ctx: Ctx, block: Block) -> tuple[list[AgencyMention], list[AgencyMention]]:
    """Leads and partners of the block; a lead field that goes on to name partners ("Đơn vị
    thực hiện: Sở Tư pháp chủ trì, phối hợp với các sở, ban, ngành") gives both, as a table's
    lead cell does."""
    lead = block.fields.get("lead")
    leads = _agencies(ctx, lead)
    partners = _agencies(ctx, block.fields.get("partner"))
    split = partners_from(ctx.text, lead.start, lead.end) if lead else None
    if split is not None:
        partners = [m for m in leads if m.start > split] + partners
        leads = [m for m in leads if m.start <= split]
    return leads, partners


def _title_start(text: str, sec: Section) -> int:
    """Where a section's title starts after its number: the task of a block under "3. Cập nhật
    văn bản …" is the sentence, not "3"."""
    marker = regex.match(rf"[\s*]*{regex.escape(sec.number)}[.):]?(?=\s)",
                         text[sec.heading_start:sec.heading_end]) if sec.number else None
    return sec.heading_start + marker.end() if marker else sec.heading_start


def _unlabelled_task(text: str, block: Block) -> _Field | None:
    """The paragraph between the block's heading and its first label, when the task is
    written there without a label: "3. Cấp mã số vùng trồng" / "Hướng dẫn …; áp dụng …" /
    "- Đơn vị chủ trì: …". The heading is then a title, the paragraph the duties."""
    sec = block.section
    if sec is None or sec.kind != "heading" or not sec.heading_end <= block.start:
        return None
    end = block.start
    while end > sec.heading_end and text[end - 1] in " \t\n-–•+*":  # the label's marker
        end -= 1
    if not text[sec.heading_end:end].strip(" \t\n."):
        return None
    return _Field("task", sec.heading_end, sec.heading_end, end)


def _time_start(block: Block) -> int:
    f = block.fields.get("time")
    return f.start if f else -1


def time_span(block: Block) -> tuple[int, int] | None:
    """Where the block's completion time is written, if it is."""
    f = block.fields.get("time")
    return (f.start, f.end) if f else None


def claimed(blocks: list[Block]) -> list[tuple[int, int]]:
    """The spans the blocks read, which the duty reader leaves to them."""
    return [(b.start, max(f.end for f in b.fields.values())) for b in blocks]
