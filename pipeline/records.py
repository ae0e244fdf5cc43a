"""One document's contribution to the output set, compact and independent of its path.

A `DocumentRecord` is what a worker returns, what the cache stores and what the flow stages:
the `documents` columns that depend on content, the rows of each item table as Arrow tables,
the cleaned text and the letterhead (for the doc_id), or the failure. It holds no Python
object per character or per row (a Document's offset maps and item lists cost about 1.4 MB a
plan in memory), and nothing that depends on where the file sits: two inputs with the same
bytes share one record, and each gets its own doc_id and source when it is placed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pyarrow as pa

from pipeline.describe import make_doc_id
from pipeline.model import DocumentMeta
from pipeline.process import Outcome, process_path
from pipeline.tables import document_fields, item_rows

ATTEMPTS = 3  # an OCR crash (a transient error) is tried this many times
RETRY_DELAY = 1.0


@dataclass
class DocumentRecord:
    """What one input yields: rows and cleaned text, or a failure."""

    sha256: str
    fields: dict = field(default_factory=dict)
    rows: dict[str, pa.Table] = field(default_factory=dict)
    text: str = ""
    meta: DocumentMeta | None = None
    failure: tuple[str, str, str] | None = None  # stage, error type, message
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # parts skipped
    transient: bool = False  # failed in a way worth trying again next run: never cached
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the document was processed (its rows are the record's)."""
        return self.failure is None

    def base_id(self, source: str) -> str:
        """The document's natural id at `source`: from its letterhead, else from the file
        name (so the same bytes under two names give two ids)."""
        return make_doc_id(self.meta or DocumentMeta(), source)


def record_of(outcome: Outcome, sha256: str, seconds: float = 0.0) -> DocumentRecord:
    """The record of a finished Outcome."""
    if outcome.document is None:
        failure = outcome.failure
        assert failure is not None, "an Outcome holds a document or a failure"
        return DocumentRecord(sha256, failure=(failure.stage, failure.error_type,
                                               failure.message), seconds=seconds)
    doc = outcome.document
    doc.sha256 = sha256
    problems = [(p.stage, p.error_type, p.message) for p in doc.problems]
    return DocumentRecord(sha256, fields=document_fields(doc), rows=item_rows(doc),
                          text=doc.text or "", meta=doc.meta, problems=problems,
                          seconds=seconds)


def failed_record(sha256: str, stage: str, error: BaseException,
                  transient: bool = True) -> DocumentRecord:
    """The record of a document whose processing itself broke (a crashed worker, an OCR
    crash on every attempt): not cached, so the next run tries it again."""
    return DocumentRecord(sha256, failure=(stage, type(error).__name__, str(error)),
                          transient=transient)


def process_input(path: str, sha256: str) -> DocumentRecord:
    """Process one input end to end, trying a transient failure (an OCR crash) again."""
    started = time.perf_counter()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            outcome = process_path(path, raise_transient=attempt < ATTEMPTS)
        except Exception:  # noqa: BLE001 - a transient error: wait and try again
            time.sleep(RETRY_DELAY * attempt)
            continue
        record = record_of(outcome, sha256, time.perf_counter() - started)
        if outcome.failure is not None and attempt == ATTEMPTS:
            record.transient = _is_transient(outcome.failure.error_type)
        return record
    raise AssertionError("unreachable: the last attempt never raises")


def _is_transient(error_type: str) -> bool:
    from pipeline import errors

    kind = getattr(errors, error_type, None)
    return bool(getattr(kind, "transient", False))
