"""Agreement between two annotators: a second gold folder read as if it were predictions.

Both annotations are located in one text, the first annotator's reference (else the
second's): the second one's records get offsets there, its headings become a section table,
and every scorer then runs unchanged, so the figures mean the same as for vnplan against gold
(F1 between annotators is symmetric in what it counts), with Cohen's kappa beside them.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.gold import RECORD_KINDS, collapse
from pipeline.score.data import (
    DocInput,
    corpus_dirs_for,
    read_reference,
    reference_file,
)
from pipeline.score.locate import Locator


def _located(locator: Locator, string: str, after: int = 0) -> tuple[int, int] | None:
    spans = locator.find(string) if string and string.strip() else []
    if not spans:
        return None
    return next((s for s in spans if s[0] >= after), spans[0])


def _sections(doc_id: str, sections: list[dict], locator: Locator, size: int) -> list[dict]:
    """The second annotator's headings as predicted section rows with offsets."""
    rows, cursor = [], 0
    for index, section in enumerate(sections):
        span = _located(locator, section.get("heading") or "", cursor)
        start, end = span if span else (None, None)
        cursor = end if end is not None else cursor
        rows.append({**section, "doc_id": doc_id, "sec_id": index, "parent": None,
                     "depth": section.get("level"), "kind": "heading", "start": start,
                     "end": None, "heading_start": start, "heading_end": end})
    placed = sorted((r for r in rows if r["start"] is not None), key=lambda r: r["start"])
    for row, following in zip(placed, [*placed[1:], None], strict=True):
        row["end"] = following["start"] if following else size
    return rows


def _records(doc_id: str, records: list[dict], locator: Locator, sections: list[dict]
             ) -> list[dict]:
    """Targets or assignments with offsets and the id of the heading before them."""
    starts = sorted((r["start"], r["sec_id"]) for r in sections if r["start"] is not None)
    rows = []
    for record in records:
        span = _located(locator, record.get("evidence") or "")
        start, end = span if span else (None, None)
        section = None
        for heading_start, sec_id in starts:
            if start is None or heading_start > start:
                break
            section = sec_id
        rows.append({**record, "doc_id": doc_id, "start": start, "end": end,
                     "section": section, "method": "annotator B"})
    return rows


def second_annotator(doc_id: str, gold: dict, text: str | None) -> dict[str, list[dict]]:
    """The second annotator's records in the shape of predicted tables."""
    locator = Locator(text or "")
    sections = _sections(doc_id, gold.get("sections") or [], locator, len(locator.raw))
    return {"sections": sections,
            "targets": _records(doc_id, gold.get("targets") or [], locator, sections),
            "assignments": _records(doc_id, gold.get("assignments") or [], locator, sections),
            "documents": []}


def agreement_inputs(golds_a: dict[str, dict], dir_a: Path, golds_b: dict[str, dict],
                     dir_b: Path, corpus_dirs: list[Path]) -> tuple[list[DocInput], list[str]]:
    """Inputs comparing annotator A (as gold) with annotator B (as predictions); a table only
    one of them annotates is left out, as is a document only one of them annotates."""
    inputs = []
    for doc_id, gold_a in golds_a.items():
        gold_b = golds_b.get(doc_id)
        if gold_b is None:
            continue
        path = reference_file(doc_id, gold_a, dir_a, corpus_dirs_for(dir_a, corpus_dirs)) or \
            reference_file(doc_id, gold_b, dir_b, corpus_dirs_for(dir_b, corpus_dirs))
        text = read_reference(path)
        shared = {k: v for k, v in gold_a.items() if k not in RECORD_KINDS or k in gold_b}
        pred = second_annotator(doc_id, gold_b, text)
        inputs.append(DocInput(doc_id, shared, pred, Locator(text) if text else None,
                               collapse(text) if text else None, pred_sections=pred["sections"],
                               text_name="reference text"))
    unscored = sorted(set(golds_b) - set(golds_a))
    return inputs, unscored
