"""Runs the cleaning steps and composes their offset maps and corrections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.clean.context import StepInput
from pipeline.model import Correction, Document, Layout
from pipeline.offsets import Edit, OffsetMap, apply_edits

Step = Callable[[str, StepInput | None], list[Edit]]


@dataclass
class CleanResult:
    """Cleaned text, its map back to the input text, and every change made or suggested."""

    text: str
    offset_map: OffsetMap
    corrections: list[Correction] = field(default_factory=list)
    regime: str = "clean"  # "speckled" when the input read as a speckled scan (speckled.py)
    layout: Layout = field(default_factory=Layout)  # the reader's layout, in cleaned offsets


def default_steps() -> list[tuple[str, Step]]:
    """The cleaning steps in order; imported lazily so `vnplan clean` starts fast."""
    from pipeline.clean import blocks, debris, layout, normalize, structure, words

    return [
        ("normalize", normalize.edits),
        ("blocks", blocks.edits),
        ("layout", layout.edits),
        ("debris", debris.edits),
        ("words", words.edits),
        ("structure", structure.edits),
    ]


def clean_text(
    text: str, *, layout: Layout | None = None, origin: str = "text",
    suggest_only: bool = False, steps: Sequence[tuple[str, Step]] | None = None,
) -> CleanResult:
    """Clean `text` (with the reader's `layout` of it and its `origin`, see `StepInput`); with
    `suggest_only`, return it unchanged with the suggested corrections."""
    from pipeline.clean.speckled import current_regime, document_scope

    steps = list(steps) if steps is not None else default_steps()
    with document_scope():
        result = _run(text, steps, suggest_only, StepInput(layout or Layout(), origin))
        result.regime = current_regime()
    return result


def _run(text: str, steps: Sequence[tuple[str, Step]], suggest_only: bool,
         given: StepInput) -> CleanResult:
    """The steps applied in turn, offsets composed, the layout carried along, corrections
    collected."""
    current = text
    back = OffsetMap.identity(len(text))
    # each pending correction: [start, end] in the current text, raw span, before, after, ...
    pending: list[list] = []
    suggestions: list[Correction] = []
    for _name, step in steps:
        edits = step(current, given)
        if suggest_only:
            for e in edits:
                rs, re_ = back.span(e.start, e.end)
                suggestions.append(Correction(rs, re_, rs, re_, current[e.start:e.end],
                                              e.replacement, e.reason, e.score, applied=False))
            continue
        if not edits:
            continue
        new_text, step_back, fwd, applied = apply_edits(current, edits)
        for p in pending:
            p[0], p[1] = fwd[p[0]], fwd[p[1]]
            if p[1] < p[0]:
                p[1] = p[0]
        for a in applied:
            rs, re_ = back.span(a.edit.start, a.edit.end)
            pending.append([a.new_start, a.new_end, rs, re_, a.before, a.edit.replacement,
                            a.edit.reason, a.edit.score])
        back = step_back.compose(back)
        current = new_text
        given.layout = given.layout.mapped(lambda i, fwd=fwd: fwd[i])
    if suggest_only:
        return CleanResult(text, OffsetMap.identity(len(text)), suggestions, layout=given.layout)
    corrections = [Correction(s, e, rs, re_, b, a, r, sc) for s, e, rs, re_, b, a, r, sc in pending]
    corrections.sort(key=lambda c: (c.start, c.source_start))
    return CleanResult(current, back, corrections, layout=given.layout)


def text_origin(doc: Document) -> str:
    """Where a document's text came from, for the steps (`StepInput.origin`)."""
    if doc.ocr_pages:
        return "ocr"
    return "digital" if doc.encoding.split("+")[0] in ("pdf", "docx") else "text"


def clean_document(doc: Document, *, suggest_only: bool = False) -> Document:
    """Fill `doc.text`, `doc.clean_map` and `doc.corrections` from `doc.raw_text`."""
    result = clean_text(doc.raw_text, layout=doc.ingested, origin=text_origin(doc),
                        suggest_only=suggest_only)
    doc.text = result.text
    doc.clean_map = result.offset_map
    doc.corrections = result.corrections
    doc.layout = result.layout
    return doc
