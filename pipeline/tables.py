"""The output tables: their columns and types, rows built from a Document, and how a cell is
written to CSV.

`SCHEMAS` is the contract (ANNOTATION.md) plus run bookkeeping; add a column here and every
writer (staging, DuckDB, CSV, Parquet) follows. Rows are sorted by `SORT_KEYS` and then by
every other column, so the same set of documents gives the same bytes on every run.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cache

import pandas as pd
import pyarrow as pa

from pipeline.model import Document

STR, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STR, "source": STR, "sha256": STR, "province": STR, "issuer": STR,
        "doc_type": STR, "doc_number": STR, "signed_date": STR, "title": STR, "signer": STR,
        "period_start": INT, "period_end": INT, "pages": INT,
        "ocr_pages": INT, "encoding": STR, "n_chars": INT, "status": STR,
        "run_id": STR, "processed_at": STR,
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
        "run_id": STR, "processed_at": STR,
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
# tables with one row per item of a Document (its sections, targets …), keyed by doc_id
ITEM_TABLES = ("sections", "targets", "assignments", "corrections")
# filled when a document's record is placed in the set, not when it is processed
PLACEMENT_COLUMNS = ("doc_id", "source", "run_id", "processed_at")
# bookkeeping that differs between two runs over the same documents
RUN_COLUMNS = ("run_id", "processed_at")

RUNS_SCHEMA: dict[str, str] = {
    "run_id": STR, "flow_run_id": STR, "started_at": STR, "finished_at": STR,
    "vnplan_version": STR, "pipeline": STR, "mode": STR, "inputs": INT, "documents": INT,
    "added": INT, "changed": INT, "recomputed": INT, "unchanged": INT, "removed": INT,
    "failed": INT,
    **{f"{name}_rows_{way}": INT for name in (*ITEM_TABLES, "failures")
       for way in ("added", "removed")},
}

_ARROW = {STR: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}
_DUCKDB = {STR: "VARCHAR", INT: "BIGINT", FLOAT: "DOUBLE", BOOL: "BOOLEAN"}
_PANDAS = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(),
           pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}


def schema_of(name: str) -> dict[str, str]:
    """Columns and types of table `name` (a contract table or `runs`)."""
    return RUNS_SCHEMA if name == "runs" else SCHEMAS[name]


@cache
def arrow_schema(name: str, without: tuple[str, ...] = ()) -> pa.Schema:
    """The Arrow schema of a table, less `without`, carrying pandas metadata so that
    `pandas.read_parquet` gives back the nullable dtypes (Int64, not float64 with NaN)."""
    columns = {c: t for c, t in schema_of(name).items() if c not in without}
    empty = pd.DataFrame({c: pd.Series([], dtype=t) for c, t in columns.items()})
    metadata = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema([pa.field(c, _ARROW[t]) for c, t in columns.items()], metadata=metadata)


def duckdb_type(pandas_type: str) -> str:
    """The DuckDB column type of a schema type."""
    return _DUCKDB[pandas_type]


def pandas_types(arrow_type: pa.DataType):
    """types_mapper for `Table.to_pandas`: nullable pandas dtypes for the schema's types."""
    return _PANDAS.get(arrow_type)


def rows_table(name: str, rows: list[dict], without: tuple[str, ...] = ()) -> pa.Table:
    """Rows (dicts, extra keys ignored, missing ones null) as a typed Arrow table."""
    schema = arrow_schema(name, without)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a value of a looser type: let pandas cast
        frame = pd.DataFrame(rows, columns=schema.names).astype(
            {c: t for c, t in schema_of(name).items() if c in schema.names})
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


def document_fields(doc: Document) -> dict:
    """The `documents` columns that depend on the document's content, not on where it sits
    in the set (doc_id, source, run_id and processed_at are filled when it is placed)."""
    return {
        "sha256": doc.sha256, **asdict(doc.meta), "pages": len(doc.pages),
        "ocr_pages": doc.ocr_pages, "encoding": doc.encoding, "n_chars": len(doc.text or ""),
        "status": doc.status,
    }


def item_rows(doc: Document) -> dict[str, pa.Table]:
    """The document's rows of each item table, without doc_id (items are flat dataclasses:
    a field named like a column fills it)."""
    return {name: rows_table(name, [vars(item) for item in getattr(doc, name)], ("doc_id",))
            for name in ITEM_TABLES}


# OWASP, "CSV Injection": a cell starting with one of these is run as a formula by
# spreadsheets; the full-width forms are read as the same by some of them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that would start a formula, prefixed with an apostrophe (for CSV only:
    Parquet and DuckDB keep the exact text)."""
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.StringDtype):
            values = frame[column]
            risky = values.str.startswith(FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                frame[column] = values.mask(risky, "'" + values)
    return frame
