"""One record per (task, agency, role): duplicates dropped, restating table rows merged.

A table row that restates a duty (examples/README, "Restated duties are merged") adds its time
to the duty's records and keeps only the agencies the duty does not already have; reworded
restatements stay separate records (gold notes: Hải Dương IV.1 / row 1, Thanh Hóa V.7.a / row 36).
"""

from __future__ import annotations

from pipeline.model import Assignment

MIN_PREFIX_WORDS = 6
MAX_TAIL_WORDS = 4
AGREE_WORDS = 3


def _key(a: Assignment) -> tuple[str, str, str]:
    return a.agency, a.role, a.task.casefold()


def dedupe(recs: list[Assignment]) -> list[Assignment]:
    """Drop records without a task and repeats of the same (agency, role, task)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in recs:
        if a.task and _key(a) not in seen:
            seen.add(_key(a))
            out.append(a)
    return out


def _words(s: str) -> list[str]:
    return [w.strip(",.;:()") for w in s.casefold().split() if w.strip(",.;:()")]


def restated(task: str, follow: str, by_task: dict[str, list[Assignment]]) -> list | None:
    """Duty records whose task the row's task restates, else None.

    Same text ignoring case; or one task a word prefix of the other (at least MIN_PREFIX_WORDS
    words) when what is left over is a short tail (an OCR-cut duty line "… theo các văn bản")
    or when the text after the row's task (`follow`) goes on as the duty does: a table task
    stops at a bracket or an interleaved cell, so "… chất lượng ISO" followed by "(ISO điện
    tử) trong hoạt động" restates the duty, while "… mục tiêu, nhiệm vụ" followed by another
    cell and "của Nghị quyết số 17 trong cơ quan" may be a rewording and is kept apart."""
    key = task.casefold()
    if key in by_task:
        return by_task[key]
    words = _words(task)
    for other, recs in by_task.items():
        ow = _words(other)
        n = min(len(words), len(ow))
        if n < MIN_PREFIX_WORDS or words[:n] != ow[:n]:
            continue
        rest = ow[n:] if len(ow) > n else words[n:]
        if len(rest) <= MAX_TAIL_WORDS:
            return recs
        if len(ow) > n and _words(follow)[:AGREE_WORDS] == rest[:AGREE_WORDS]:
            return recs
    return None


def merge(duty: list[Assignment], table: list[Assignment],
          follow: dict[int, str]) -> list[Assignment]:
    """Fold table rows that restate a duty into it (the duty keeps its wording and evidence
    and takes the row's time); the row's other agencies stay, under the duty's task."""
    by_task: dict[str, list[Assignment]] = {}
    for a in duty:
        by_task.setdefault(a.task.casefold(), []).append(a)
    have = {_key(a) for a in duty}
    kept: list[Assignment] = []
    for a in table:
        same = restated(a.task, follow.get(id(a), ""), by_task)
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
