"""DuckDB tables out as CSV and Parquet, streamed a row group at a time.

Parquet keeps the exact text and the nullable types (pandas reads back Int64, not float
with NaN). CSV is what people open in a spreadsheet: text cells that would start a formula
get a leading apostrophe (`tables.neutralise_formulas`), numbers are written `%.12g`, lines
end in `\\n`. Row groups are cut at fixed row counts whatever size of batches DuckDB hands
over, so the same rows always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import arrow_schema, neutralise_formulas, pandas_types

ROW_GROUP = 65_536


def fixed_chunks(batches: Iterator[pa.RecordBatch], schema: pa.Schema,
                 size: int = ROW_GROUP) -> Iterator[pa.Table]:
    """Tables of exactly `size` rows (the last one shorter), cast to `schema`."""
    pending: list[pa.RecordBatch] = []
    count = 0
    for batch in batches:
        if batch.num_rows == 0:
            continue
        pending.append(batch)
        count += batch.num_rows
        while count >= size:
            table = pa.Table.from_batches(pending)
            yield table.slice(0, size).cast(schema)
            rest = table.slice(size)
            pending = rest.to_batches()
            count = rest.num_rows
    if count:
        yield pa.Table.from_batches(pending).cast(schema)


def _write_csv_chunk(handle, table: pa.Table, header: bool) -> None:
    frame = table.to_pandas(types_mapper=pandas_types)
    neutralise_formulas(frame).to_csv(handle, header=header, index=False, encoding="utf-8",
                                      float_format="%.12g", lineterminator="\n")


def export_table(con: duckdb.DuckDBPyConnection, name: str, folder: Path) -> None:
    """Write table `name` as `<name>.parquet` (zstd) and `<name>.csv` in `folder`."""
    schema = arrow_schema(name)
    reader = con.sql(f'SELECT * FROM "{name}"').to_arrow_reader(ROW_GROUP)
    header = True
    with pq.ParquetWriter(folder / f"{name}.parquet", schema, compression="zstd") as parquet, \
            open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as csv:
        for table in fixed_chunks(iter(reader), schema):
            parquet.write_table(table)
            _write_csv_chunk(csv, table, header)
            header = False
        if header:  # no rows: the header alone
            empty = pd.DataFrame({c: pd.Series([], dtype=pandas_types(t) or object)
                                  for c, t in zip(schema.names, schema.types, strict=True)})
            empty.to_csv(csv, index=False, lineterminator="\n")
