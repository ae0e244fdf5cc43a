"""DuckDB tables out as CSV and Parquet, streamed a row group at a time.

Parquet keeps the exact text and the nullable types (pandas reads back Int64, not float
with NaN). CSV is what people open in a spreadsheet: text cells that would start a formula
get a leading apostrophe (`tables.neutralise_formulas`), numbers are written `%.12g`, lines
end in `\\n`. Row groups are cut at fixed row counts (pages of row ids, not the batches
DuckDB happens to hand over), so the same rows always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import arrow_schema, neutralise_formulas, pandas_types

ROW_GROUP = 65_536  # rows per Parquet row group, and per page read from DuckDB
CSV_ROWS = 8_192  # rows per slice converted to pandas for the CSV


def pages(con: duckdb.DuckDBPyConnection, name: str, schema: pa.Schema,
          size: int = ROW_GROUP) -> Iterator[pa.Table]:
    """Table `name` in its stored order, `size` rows at a time (the last page shorter), cast
    to `schema`. Each page is its own query over a range of row ids: DuckDB's streaming
    reader fetches ahead, and on a 10,000-plan set that held some 200 MB more than the pages
    themselves; a range query holds one page. Row ids run from 0 in the order the table was
    created (`Assembly.create` inserts its rows sorted and never deletes)."""
    total = int(con.sql(f'SELECT count(*) FROM "{name}"').fetchall()[0][0])
    for start in range(0, total, size):
        page = con.sql(f'SELECT * FROM "{name}" WHERE rowid >= {start} AND '
                       f'rowid < {start + size} ORDER BY rowid').to_arrow_table()
        expected = min(size, total - start)
        if page.num_rows != expected:
            raise RuntimeError(f"table {name}: rows {start}-{start + expected} are not "
                               f"numbered in order ({page.num_rows} read)")
        yield page.cast(schema)


def _write_csv(handle, table: pa.Table, header: bool) -> None:
    """Append `table` to a CSV file a slice at a time: pandas holds a Python object per
    cell, several times the Arrow size of long Vietnamese text."""
    for offset in range(0, table.num_rows, CSV_ROWS):
        frame = table.slice(offset, CSV_ROWS).to_pandas(types_mapper=pandas_types)
        neutralise_formulas(frame).to_csv(handle, header=header and offset == 0, index=False,
                                          encoding="utf-8", float_format="%.12g",
                                          lineterminator="\n")


def export_table(con: duckdb.DuckDBPyConnection, name: str, folder: Path) -> None:
    """Write table `name` as `<name>.parquet` (zstd) and `<name>.csv` in `folder`."""
    schema = arrow_schema(name)
    header = True
    with pq.ParquetWriter(folder / f"{name}.parquet", schema, compression="zstd") as parquet, \
            open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as csv:
        for table in pages(con, name, schema):
            parquet.write_table(table)
            _write_csv(csv, table, header)
            header = False
        if header:  # no rows: the header alone
            empty = pd.DataFrame({c: pd.Series([], dtype=pandas_types(t) or object)
                                  for c, t in zip(schema.names, schema.types, strict=True)})
            empty.to_csv(csv, index=False, lineterminator="\n")
