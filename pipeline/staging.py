"""Records streamed into a version under construction, a few at a time.

Each document processed in a run gets a placement number (`_m`); its rows go to one staging
Parquet file per table (buffered, flushed as row groups), its cleaned text to
`cleaned/.m<_m>.txt`, and only a small `Placed` entry stays in memory. Ids are handed out at
the end, over the whole set (`pipeline.ids`); `finish_texts` then gives the texts their
`<doc_id>.txt` names. Memory stays flat however many documents the run holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.records import DocumentRecord
from pipeline.tables import ITEM_TABLES, PLACEMENT_COLUMNS, SCHEMAS, arrow_schema

FLUSH_ROWS = 50_000  # rows buffered per table before a row group is written
FLUSH_DOCS = 64
PLACEMENT = "_m"


@dataclass
class Placed:
    """A document placed by this run: enough to give it an id and a manifest row."""

    m: int
    key: str  # absolute source path
    sha256: str
    natural: str | None  # natural id; None for a failure
    previous_id: str | None
    failed: bool


def staged_schema(name: str) -> pa.Schema:
    """A staging file's schema: the table's columns less those filled at placement, plus
    the placement number."""
    base = arrow_schema(name, PLACEMENT_COLUMNS)
    return base.insert(0, pa.field(PLACEMENT, pa.int64()))


class Staging:
    """The staging files of one build folder."""

    def __init__(self, build: Path):
        self.folder = build / ".staging"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.cleaned = build / "cleaned"
        self.cleaned.mkdir(exist_ok=True)
        self.placed: list[Placed] = []
        self._writers = {name: pq.ParquetWriter(self.path(name), staged_schema(name))
                         for name in SCHEMAS}
        self._buffers: dict[str, list[pa.Table]] = {name: [] for name in SCHEMAS}
        self._buffered = 0

    def path(self, table: str) -> Path:
        """The staging Parquet file of `table`."""
        return self.folder / f"{table}.parquet"

    def add(self, key: str, record: DocumentRecord, previous_id: str | None = None) -> Placed:
        """Stage one document's record (rows and cleaned text, or its failure row)."""
        m = len(self.placed)
        if record.ok:
            (self.cleaned / f".m{m}.txt").write_text(record.text, encoding="utf-8", newline="")
            self._buffer("documents", m, [record.fields])
            for name in ITEM_TABLES:
                rows = record.rows.get(name)
                if rows is not None and rows.num_rows:
                    self._buffer_table(name, m, rows)
            if record.problems:  # parts a stage skipped: failures rows of a kept document
                self._buffer("failures", m, [{"stage": s, "error_type": e, "message": msg}
                                             for s, e, msg in record.problems])
        else:
            stage, error_type, message = record.failure or ("pipeline", "", "")
            self._buffer("failures", m, [{"stage": stage, "error_type": error_type,
                                          "message": message}])
        placed = Placed(m, key, record.sha256, record.base_id(key) if record.ok else None,
                        previous_id, not record.ok)
        self.placed.append(placed)
        self._buffered += 1
        if self._buffered >= FLUSH_DOCS or self._rows() >= FLUSH_ROWS:
            self.flush()
        return placed

    def _buffer(self, name: str, m: int, rows: list[dict]) -> None:
        schema = staged_schema(name)
        self._buffers[name].append(pa.Table.from_pylist(
            [{PLACEMENT: m, **row} for row in rows], schema=schema))

    def _buffer_table(self, name: str, m: int, rows: pa.Table) -> None:
        schema = staged_schema(name)
        columns = {PLACEMENT: pa.array([m] * rows.num_rows, pa.int64())}
        for field in schema:
            if field.name == PLACEMENT:
                continue
            if field.name in rows.column_names:
                columns[field.name] = rows.column(field.name).cast(field.type)
            else:  # a column added since the record was cached: null
                columns[field.name] = pa.nulls(rows.num_rows, field.type)
        self._buffers[name].append(pa.table(columns, schema=schema))

    def _rows(self) -> int:
        return sum(t.num_rows for tables in self._buffers.values() for t in tables)

    def flush(self) -> None:
        """Write the buffered rows as one row group per table."""
        for name, tables in self._buffers.items():
            if tables:
                self._writers[name].write_table(pa.concat_tables(tables))
                tables.clear()
        self._buffered = 0

    def close(self) -> None:
        """Flush and close every staging file (each is valid Parquet, maybe with no rows)."""
        self.flush()
        for writer in self._writers.values():
            writer.close()

    def finish_texts(self, ids: dict[str, str]) -> None:
        """Give each staged cleaned text its final name, `<doc_id>.txt`."""
        for placed in self.placed:
            if not placed.failed:
                target = self.cleaned / f"{ids[placed.key]}.txt"
                if target.exists():
                    raise RuntimeError(f"two documents were given the id {target.stem}")
                (self.cleaned / f".m{placed.m}.txt").rename(target)
