"""What the error browser shows of each error: the text around it with the gold and the
predicted spans marked, and its likely cause (the extraction method, the section's label, the
page), so errors can be read in place and grouped.

A predicted record points into the cleaned text with its offsets; a gold record is located
there by its string (locate.py), else in the reference text. Misses that share one gold
evidence (the lead and partners of one missed table row) become one entry.
"""

from __future__ import annotations

from bisect import bisect_right

from pipeline.gold import collapse
from pipeline.score.context import GoldSections, PredSections
from pipeline.score.data import DocInput
from pipeline.score.locate import norm_text

CONTEXT_CHARS = 160
PRED_KEEP = ("method", "page", "source_start", "source_end", "start", "end")
Span = tuple[int, int]


class DocView:
    """One document's texts and page map, for the context and cause of its errors."""

    def __init__(self, doc: DocInput, gold_ctx: GoldSections, pred_ctx: PredSections):
        self.doc, self.gold_ctx, self.pred_ctx = doc, gold_ctx, pred_ctx
        self.text = doc.locator.raw if doc.locator is not None else None
        marks = sorted({(int(row["start"]), int(row["page"]))
                        for table in ("sections", "targets", "assignments")
                        for row in doc.pred.get(table, [])
                        if row.get("page") is not None and row.get("start") is not None})
        self.page_starts = [start for start, _ in marks]
        self.pages = [page for _, page in marks]

    def page_at(self, offset: int | None) -> int | None:
        """The page of a cleaned-text offset, from the pages of predicted rows around it."""
        if offset is None or not self.pages:
            return None
        index = bisect_right(self.page_starts, offset) - 1
        return self.pages[max(index, 0)]

    def gold_span(self, table: str, record: dict) -> Span | None:
        """Where a gold record's string sits in the cleaned text (first occurrence)."""
        if self.doc.locator is None:
            return None
        needle = record.get("heading" if table == "sections" else "evidence") or ""
        spans = self.doc.locator.find(needle) if needle.strip() else []
        return spans[0] if spans else None

    def pred_span(self, table: str, row: dict) -> Span | None:
        """A predicted row's own span (a heading's line for sections)."""
        keys = ("heading_start", "heading_end") if table == "sections" else ("start", "end")
        start, end = row.get(keys[0]), row.get(keys[1])
        if start is None or end is None or self.text is None:
            return None
        start, end = sorted((int(start), int(end)))  # a faulty row may have them inverted
        return (start, end) if end > start else None


def snippet(text: str, gold: Span | None, pred: Span | None,
            width: int = CONTEXT_CHARS) -> dict | None:
    """The text around the spans as segments [text, marks], marks "g", "p", "gp" or ""."""
    spans = [s for s in (gold, pred) if s is not None]
    if not spans:
        return None
    low = max(0, min(s[0] for s in spans) - width)
    high = min(len(text), max(s[1] for s in spans) + width)
    low = text.rfind(" ", 0, low) + 1 if low > 0 else 0
    space = text.find(" ", high)
    high = space if 0 <= space < high + 20 else high
    cuts = sorted({low, high, *(min(max(x, low), high) for s in spans for x in s)})
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        marks = ("g" if gold and gold[0] <= start < gold[1] else "") + \
                ("p" if pred and pred[0] <= start < pred[1] else "")
        segments.append([text[start:end], marks])
    return {"segments": segments, "cut_before": low > 0, "cut_after": high < len(text)}


def _reference_snippet(reference: str | None, string: str) -> dict | None:
    """Context from the collapsed reference text when there is no cleaned text to show."""
    needle = collapse(string or "")
    at = reference.find(needle) if reference and needle else -1
    if at < 0:
        return None
    return snippet(reference, (at, at + len(needle)), None)


def _pred_record(row: dict, fields: list[str]) -> dict:
    return {k: row.get(k) for k in [*fields, *PRED_KEEP] if k in row}


def _pred_label(view: DocView, table: str, row: dict) -> str | None:
    if table == "sections":
        return row.get("label")
    section = view.pred_ctx.section_of(row)
    return section.get("label") if section else None


def enrich(entry: dict, view: DocView, fields: dict[str, list[str]]) -> dict:
    """The entry with its context, cause (method, section label, page) and records trimmed to
    the fields worth showing side by side."""
    table = "assignments" if entry["table"] == "agency_set" else entry["table"]
    gold, pred = entry["gold"], entry["pred"]
    gold_span = view.gold_span(table, gold[0]) if gold else None
    pred_span = view.pred_span(table, pred[0]) if pred else None
    context, where = None, None
    if view.text is not None and (gold_span or pred_span):
        context, where = snippet(view.text, gold_span, pred_span), view.doc.text_name
    elif gold:
        string = gold[0].get("heading") if table == "sections" else entry["text"]
        context = _reference_snippet(view.doc.reference, string or "")
        where = "reference text" if context else None
    if pred:
        label, page = _pred_label(view, table, pred[0]), pred[0].get("page")
        page = page if page is not None else view.page_at(pred_span[0] if pred_span else None)
        method = pred[0].get("method")
    else:
        label = gold[0].get("label") if table == "sections" else \
            view.gold_ctx.label_of(entry["text"])
        page, method = view.page_at(gold_span[0] if gold_span else None), None
    entry.update({
        "gold": [{k: g.get(k) for k in fields[table]} for g in gold],
        "pred": [_pred_record(p, fields[table]) for p in pred],
        "cause": {"method": method or ("not predicted" if not pred else None),
                  "label": label, "page": page},
        "context": context, "context_source": where,
    })
    return entry


def _duty(entry: dict) -> str:
    """What makes two misses one: an assignment's task (a table row's lead and partners share
    it), else the evidence or heading."""
    records = entry["gold"] or entry["pred"]
    if entry["table"] == "assignments" and records and records[0].get("task"):
        return norm_text(records[0]["task"])
    return entry["text"]


def merge_misses(entries: list[dict]) -> list[dict]:
    """FN (or FP) entries of one document and table that share their duty or text become one
    entry listing every record: a missed table row is one entry, not one per agency."""
    merged: list[dict] = []
    index: dict[tuple, dict] = {}
    for entry in entries:
        key = (entry["doc_id"], entry["table"], entry["error"], entry["section"], _duty(entry))
        if entry["error"] not in ("FN", "FP") or not key[-1]:
            merged.append(entry)
            continue
        if key in index:
            first = index[key]
            first["gold"] += entry["gold"]
            first["pred"] += entry["pred"]
            first["detail"] += " | " + entry["detail"]
            continue
        index[key] = entry
        merged.append(entry)
    return merged
