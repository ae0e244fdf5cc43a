"""One document through every stage, as plain functions callable without Prefect."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.clean import clean_document
from pipeline.describe import describe
from pipeline.errors import VnplanError
from pipeline.ingest import ingest
from pipeline.model import Document, Failure
from pipeline.provenance import trace
from pipeline.segment import segment


@dataclass
class Outcome:
    """The result of processing one input: a finished Document or a Failure."""

    source: str
    document: Document | None = None
    failure: Failure | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _segment(doc: Document) -> Document:
    tables = [(t.start, t.end) for t in doc.layout.tables] if doc.layout else []
    doc.sections = segment(doc.text or "", tables)
    return doc


def _extract(doc: Document) -> Document:
    from extractors import extract

    return trace(extract(doc))


def process_path(
    path: str | Path, *, suggest_only: bool = False, raise_transient: bool = False
) -> Outcome:
    """ingest → clean → describe → segment → extract, timing each stage.

    A document-specific problem (a typed VnplanError, or a bug that only this document
    triggers) becomes the Outcome's Failure naming the stage, so a batch goes on. With
    `raise_transient`, errors worth retrying (an OCR crash) are raised for the caller to retry.
    """
    source = str(path)
    outcome = Outcome(source)
    stages = [
        ("clean", lambda d: clean_document(d, suggest_only=suggest_only)),
        ("describe", describe),
        ("segment", _segment),
        ("extract", _extract),
    ]
    stage = "ingest"
    try:
        started = time.perf_counter()
        doc = ingest(path)
        outcome.timings["ingest"] = time.perf_counter() - started
        for stage, run in stages:
            started = time.perf_counter()
            doc = run(doc)
            outcome.timings[stage] = time.perf_counter() - started
    except VnplanError as exc:
        if raise_transient and getattr(exc, "transient", False):
            raise  # let the orchestrator retry it
        outcome.failure = Failure(source, exc.stage, type(exc).__name__, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the batch
        outcome.failure = Failure(source, stage, type(exc).__name__,
                                  f"internal error in stage '{stage}': {exc}")
    else:
        outcome.document = doc
    return outcome
