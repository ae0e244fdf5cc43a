"""Documents → pandas frames → CSV, Parquet and DuckDB, written atomically and reproducibly.

Column names and types follow ANNOTATION.md; rows are sorted and floats formatted the same way
on every run, so the same inputs give byte-identical CSV and Parquet files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from pipeline.model import Document, Failure

STR, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STR, "source": STR, "sha256": STR, "province": STR, "doc_type": STR,
        "doc_number": STR, "signed_date": STR, "title": STR, "signer": STR, "pages": INT,
        "ocr_pages": INT, "encoding": STR, "n_chars": INT, "status": STR,
    },
    "sections": {
        "doc_id": STR, "sec_id": INT, "parent": INT, "depth": INT, "level": INT, "number": STR,
        "heading": STR, "label": STR, "kind": STR, "start": INT, "end": INT,
        "heading_start": INT, "heading_end": INT, "page": INT, "source_start": INT,
        "source_end": INT,
    },
    "targets": {
        "doc_id": STR, "indicator": STR, "code": STR, "value": FLOAT, "value_max": FLOAT,
        "unit": STR, "comparator": STR, "kind": STR, "scope_level": STR, "year": INT,
        "period_start": INT, "evidence": STR, "start": INT, "end": INT, "section": INT,
        "method": STR, "page": INT, "source_start": INT, "source_end": INT,
    },
    "assignments": {
        "doc_id": STR, "agency": STR, "role": STR, "task": STR, "deadline_text": STR,
        "due_start": STR, "due_end": STR, "recurrence": STR, "evidence": STR, "start": INT,
        "end": INT, "section": INT, "method": STR, "page": INT, "source_start": INT,
        "source_end": INT,
    },
    "corrections": {
        "doc_id": STR, "start": INT, "end": INT, "source_start": INT, "source_end": INT,
        "before": STR, "after": STR, "reason": STR, "score": FLOAT, "applied": BOOL,
        "page": INT,
    },
    "failures": {
        "source": STR, "doc_id": STR, "stage": STR, "error_type": STR, "message": STR,
    },
}
SORT_KEYS = {
    "documents": ["doc_id"],
    "sections": ["doc_id", "start", "sec_id"],
    "targets": ["doc_id", "start", "end", "value"],
    "assignments": ["doc_id", "start", "end", "agency", "role"],
    "corrections": ["doc_id", "start", "source_start"],
    "failures": ["source", "stage", "message"],
}


def _document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id, "source": doc.source, "sha256": doc.sha256,
        **asdict(doc.meta), "pages": len(doc.pages), "ocr_pages": doc.ocr_pages,
        "encoding": doc.encoding, "n_chars": len(doc.text or ""), "status": doc.status,
    }


def _rows(docs: Iterable[Document], failures: Iterable[Failure]) -> dict[str, list[dict]]:
    docs = list(docs)
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for doc in docs:
        rows["documents"].append(_document_row(doc))
        for name, items in (("sections", doc.sections), ("targets", doc.targets),
                            ("assignments", doc.assignments), ("corrections", doc.corrections)):
            # items are flat dataclasses: vars() is asdict() without its deep copy
            rows[name].extend({"doc_id": doc.doc_id, **vars(item)} for item in items)
    problems = [p for doc in docs for p in doc.problems]
    rows["failures"] = [dict(vars(f)) for f in [*failures, *problems]]
    return rows


def build_frames(docs: Iterable[Document], failures: Iterable[Failure]) -> dict[str, pd.DataFrame]:
    """One frame per contract table with fixed columns, dtypes and row order."""
    frames = {}
    for name, rows in _rows(docs, failures).items():
        schema = SCHEMAS[name]
        frame = pd.DataFrame(rows, columns=list(schema))
        frame = frame.astype(schema)
        frame = frame.sort_values(SORT_KEYS[name], kind="stable", na_position="first")
        frames[name] = frame.reset_index(drop=True)
    return frames


def atomic_write(path: Path, write) -> None:
    """Write through `write(tmp_path)` to a temporary file, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


def write_frames(frames: dict[str, pd.DataFrame], out_dir: Path) -> None:
    """Every table as CSV and Parquet, and all of them in one DuckDB file."""
    for name, frame in frames.items():
        atomic_write(out_dir / f"{name}.csv", lambda p, f=frame: f.to_csv(
            p, index=False, encoding="utf-8", float_format="%.12g", lineterminator="\n"))
        atomic_write(out_dir / f"{name}.parquet", lambda p, f=frame: f.to_parquet(
            p, index=False, engine="pyarrow", compression="zstd"))
    atomic_write(out_dir / "vnplan.duckdb", lambda p: _write_duckdb(frames, p))


def _write_duckdb(frames: dict[str, pd.DataFrame], path: Path) -> None:
    import duckdb

    path.unlink(missing_ok=True)  # mkstemp made an empty file; DuckDB wants to create its own
    con = duckdb.connect(str(path))
    try:
        for name, frame in frames.items():
            con.register("frame", frame)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
            con.unregister("frame")
    finally:
        con.close()


def write_cleaned(docs: Iterable[Document], out_dir: Path) -> None:
    """The cleaned text of each document, the text every offset in the tables points into."""
    for doc in docs:
        atomic_write(out_dir / "cleaned" / f"{doc.doc_id}.txt",
                     lambda p, t=doc.text or "": p.write_text(t, encoding="utf-8"))
