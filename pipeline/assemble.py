"""A version's tables, assembled in DuckDB from the previous version and this run's staging,
then exported as CSV and Parquet a row group at a time.

Each table is the previous version's rows of the documents carried over unchanged plus the
staged rows of the documents this run placed, with their ids joined in, sorted by the
table's keys and then every other column (so ties cannot reorder between runs). Row changes
per table (`<table>_rows_added/_removed` in `runs`) compare the rows that left the set with
those that came in, as multisets, leaving out the run bookkeeping.

Memory stays flat as the set grows: DuckDB works within a small memory limit on one thread,
and tables keyed by document are sorted and compared a slice of documents at a time (ranges
of doc ids, cut by `SLICE_DOCS` and `SLICE_ROWS`), so no sort holds more than a slice.
One sort over a 10,000-plan set's 900,000 assignments ran out of memory at 128 MB on two
threads (DuckDB spills sorted runs, but not all of a sort's state).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.faults import checkpoint
from pipeline.plan import MEMBERS
from pipeline.staging import PLACEMENT, Staging
from pipeline.tables import (
    ITEM_TABLES,
    PLACEMENT_COLUMNS,
    RUN_COLUMNS,
    SCHEMAS,
    SORT_KEYS,
    duckdb_type,
    schema_of,
)

# DuckDB keeps the pages it has read cached up to this limit, so the publishing step of a
# large set sits at the limit whatever its size: 512 MB put the 10,000-plan set 370 MB above
# the 1,000-plan one.
DUCKDB_MEMORY = "128MB"
# A statement that still runs out (rows far wider than the genre's: DuckDB pins a Parquet row
# group whole) is tried again with twice the limit, up to this: memory, never the run.
DUCKDB_MEMORY_MAX_MB = 2048
SLICE_DOCS = 500  # at most so many documents per slice of a sort or comparison,
SLICE_ROWS = 200_000  # and at most so many rows, unless one document alone has more
MEMBERS_SCHEMA = pa.schema([("source", pa.string()), ("doc_id", pa.string()),
                            ("natural", pa.string()), ("sha256", pa.string()),
                            ("pipeline", pa.string()), ("failed", pa.bool_())])
_MEMBER_COLUMNS = ", ".join(f'"{name}"' for name in MEMBERS_SCHEMA.names)
CHANGE_TABLES = (*ITEM_TABLES, "failures")
SLICED_TABLES = ("documents", *ITEM_TABLES)  # keyed by doc_id, never null


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _quote(path: Path) -> str:
    return _literal(str(path))


def _in_slice(bounds: tuple[str | None, str | None]) -> str:
    """SQL condition: doc_id within [low, high) (an open end for None)."""
    low, high = bounds
    parts = ([f"doc_id >= {_literal(low)}"] if low is not None else []) + \
            ([f"doc_id < {_literal(high)}"] if high is not None else [])
    return " AND ".join(parts) or "true"


def _columns(name: str, available: set[str] | None = None,
             without: tuple[str, ...] = ()) -> str:
    """The table's columns in order; those missing from `available` as typed NULLs."""
    parts = []
    for column, kind in schema_of(name).items():
        if column in without:
            continue
        if available is None or column in available:
            parts.append(f'"{column}"')
        else:
            parts.append(f'CAST(NULL AS {duckdb_type(kind)}) AS "{column}"')
    return ", ".join(parts)


def slice_bounds(counts: list[tuple[str, int]], docs: int,
                 rows: int) -> list[tuple[str | None, str | None]]:
    """Ranges [low, high) of doc ids from (doc_id, rows) in doc id order: consecutive
    documents, at most `docs` of them and `rows` rows (a larger document alone). The first
    and last ranges are open, so together they cover every possible id."""
    cuts: list[str] = []
    in_docs = in_rows = 0
    for doc_id, count in counts:
        if in_docs and (in_docs >= docs or in_rows + count > rows):
            cuts.append(doc_id)
            in_docs = in_rows = 0
        in_docs += 1
        in_rows += count
    return list(zip([None, *cuts], [*cuts, None], strict=True))


class Assembly:
    """The DuckDB database of one build folder, while its tables are made."""

    def __init__(self, build: Path, staging: Staging, previous: Path | None):
        self.build, self.staging, self.previous = build, staging, previous
        self._slices: dict[str, list[tuple[str | None, str | None]]] = {}
        self.con = duckdb.connect(str(build / "vnplan.duckdb"))
        spill = build / ".staging" / "duckdb"
        self.con.execute(f"SET memory_limit='{DUCKDB_MEMORY}'; SET threads=1; "
                         f"SET temp_directory={_quote(spill)}; "
                         "SET preserve_insertion_order=true")

    def close(self) -> None:
        """Close the database (its file is the version's vnplan.duckdb)."""
        self.con.close()

    def register(self, placed: pa.Table, keep_docs: list[str], keep_failures: list[str]) -> None:
        """The placement table (m → doc_id, source, run_id, processed_at) and what is kept."""
        self.con.register("placed_arrow", placed)
        self.con.execute("CREATE TEMP TABLE placed AS SELECT * FROM placed_arrow")
        self.con.unregister("placed_arrow")
        for table, column, values in (("keep_docs", "doc_id", keep_docs),
                                      ("keep_failures", "source", keep_failures)):
            self.con.register("values_arrow", pa.table({column: pa.array(values, pa.string())}))
            self.con.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM values_arrow")
            self.con.unregister("values_arrow")

    def _previous_file(self, name: str) -> Path | None:
        if self.previous is None:
            return None
        path = self.previous / f"{name}.parquet"
        return path if path.is_file() else None

    def _kept(self, name: str) -> str:
        if name == "failures":  # failed documents, and the skipped parts of kept ones
            return ("(source IN (SELECT source FROM keep_failures) OR "
                    "coalesce(doc_id IN (SELECT doc_id FROM keep_docs), false))")
        return "doc_id IN (SELECT doc_id FROM keep_docs)"

    def previous_rows(self, name: str, kept: bool, without: tuple[str, ...] = ()) -> str | None:
        """SQL for the previous version's rows of `name` that are carried over (`kept`), or
        those that are not; None when there is no previous table."""
        path = self._previous_file(name)
        if path is None:
            return None
        available = set(pq.read_schema(path).names)
        condition = self._kept(name) if kept else f"NOT ({self._kept(name)})"
        return (f"SELECT {_columns(name, available, without)} FROM read_parquet({_quote(path)}) "
                f"WHERE {condition}")

    def staged_rows(self, name: str, without: tuple[str, ...] = ()) -> str:
        """SQL for this run's rows of `name`, with their placement columns joined in."""
        parts = []
        for column in schema_of(name):
            if column in without:
                continue
            owner = "p" if column in PLACEMENT_COLUMNS else "s"
            parts.append(f'{owner}."{column}"')
        return (f"SELECT {', '.join(parts)} FROM read_parquet({_quote(self.staging.path(name))})"
                f" s JOIN placed p USING ({PLACEMENT})")

    def _slices_of(self, name: str) -> list[tuple[str | None, str | None]]:
        """The doc id ranges `name` is sorted and compared in, cut by the rows each document
        has in the previous version and this run (what either side of a comparison holds)."""
        if name not in SLICED_TABLES:
            return [(None, None)]
        if name not in self._slices:
            parts = [f"SELECT p.doc_id FROM read_parquet({_quote(self.staging.path(name))}) s "
                     f"JOIN placed p USING ({PLACEMENT})"]
            path = self._previous_file(name)
            if path is not None:
                parts.append(f"SELECT doc_id FROM read_parquet({_quote(path)})")
            counts = self.run(
                f"SELECT doc_id, count(*) FROM ({' UNION ALL '.join(parts)}) "
                "WHERE doc_id IS NOT NULL GROUP BY doc_id ORDER BY doc_id")
            self._slices[name] = slice_bounds(counts, SLICE_DOCS, SLICE_ROWS)
        return self._slices[name]

    def create(self, name: str) -> None:
        """Create table `name`: carried rows and staged rows, in their final order (slice
        after slice, each sorted: row ids follow the order, which export relies on)."""
        parts = [self.staged_rows(name)]
        carried = self.previous_rows(name, kept=True)
        if carried:
            parts.insert(0, carried)
        keys = SORT_KEYS.get(name, [])
        order = keys + [c for c in schema_of(name) if c not in keys]
        order_sql = ", ".join(f'"{c}" NULLS FIRST' for c in order)
        union = " UNION ALL ".join(f"({part})" for part in parts)
        definitions = ", ".join(f'"{c}" {duckdb_type(kind)}' for c, kind in schema_of(name).items())
        self.con.execute(f'CREATE TABLE "{name}" ({definitions})')
        for bounds in self._slices_of(name):
            self.run(f'INSERT INTO "{name}" SELECT * FROM ({union}) '
                             f'WHERE {_in_slice(bounds)} ORDER BY {order_sql}')
        checkpoint(f"assemble:{name}")

    def row_changes(self, name: str) -> tuple[int, int]:
        """(rows added, rows removed) of `name` by this run, ignoring run bookkeeping. Rows
        of two slices differ in doc_id, so comparing slice by slice is exact."""
        staged = self.staged_rows(name, RUN_COLUMNS)
        left = self.previous_rows(name, kept=False, without=RUN_COLUMNS)
        added = removed = 0
        for bounds in self._slices_of(name):
            condition = _in_slice(bounds)
            new = f"SELECT * FROM ({staged}) WHERE {condition}"
            if left is None:
                added += self.scalar(f"SELECT count(*) FROM ({new})")
                continue
            old = f"SELECT * FROM ({left}) WHERE {condition}"
            added += self.scalar(f"SELECT count(*) FROM (({new}) EXCEPT ALL ({old}))")
            removed += self.scalar(f"SELECT count(*) FROM (({old}) EXCEPT ALL ({new}))")
        return added, removed

    def run(self, sql: str) -> list[tuple]:
        """Execute `sql` and fetch its rows (DuckDB wants results finished before the next
        statement); out of memory, try again with twice the limit (a failed statement leaves
        nothing behind), then go back to the usual limit."""
        base = limit = int(DUCKDB_MEMORY.removesuffix("MB"))
        while True:
            try:
                rows = self.con.execute(sql).fetchall()
                break
            except duckdb.OutOfMemoryException:
                if limit * 2 > DUCKDB_MEMORY_MAX_MB:
                    raise
                limit *= 2
                self.con.execute(f"SET memory_limit='{limit}MB'")
        if limit != base:
            self.con.execute(f"SET memory_limit='{DUCKDB_MEMORY}'")
        return rows

    def scalar(self, sql: str) -> int:
        """The single integer a query returns."""
        return int(self.run(sql)[0][0])

    def create_runs(self, row: pa.Table) -> None:
        """The `runs` table: the previous version's runs and this one, oldest first."""
        self.con.register("run_arrow", row)
        parts = [f"SELECT {_columns('runs')} FROM run_arrow"]
        path = self._previous_file("runs")
        if path is not None:
            available = set(pq.read_schema(path).names)
            parts.insert(0, f"SELECT {_columns('runs', available)} "
                            f"FROM read_parquet({_quote(path)})")
        union = " UNION ALL ".join(f"({part})" for part in parts)
        self.run(f'CREATE TABLE runs AS SELECT * FROM ({union}) '
                         'ORDER BY started_at, run_id')
        self.con.unregister("run_arrow")

    def write_members(self, placed_members: pa.Table) -> None:
        """The version's manifest (source, doc_id, natural id, sha256, pipeline, failed):
        what the next run compares its inputs with."""
        self.con.register("members_arrow", placed_members)
        parts = [f"SELECT {_MEMBER_COLUMNS} FROM members_arrow"]
        path = self.previous / MEMBERS if self.previous else None
        if path is not None and path.is_file():
            parts.insert(0, f"SELECT {_MEMBER_COLUMNS} FROM read_parquet({_quote(path)}) WHERE "
                            "(NOT failed AND doc_id IN (SELECT doc_id FROM keep_docs)) OR "
                            "(failed AND source IN (SELECT source FROM keep_failures))")
        union = " UNION ALL ".join(f"({part})" for part in parts)
        target = _quote(self.build / MEMBERS)
        self.run(f"COPY (SELECT * FROM ({union}) ORDER BY source) TO {target} "
                         "(FORMAT parquet)")
        self.con.unregister("members_arrow")

    def counts(self) -> dict[str, int]:
        """Rows of every table of the version."""
        return {name: self.scalar(f'SELECT count(*) FROM "{name}"') for name in SCHEMAS}
