"""The records as typed Arrow columns: one table for a run, shared by ``extract -f parquet`` and
``spark-extract``.

The columns and their types are ``summitclaims.columns``'s, as Arrow types (date32, int64,
float64, bool, list<string>, string).
"""
from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterable

import pyarrow as pa

from ..columns import SEQ, record_columns
from ..fields import parse_iso_date
from .writers import Writer

__all__ = ["SEQ", "ARROW_TYPES", "ParquetWriter", "arrow_schema", "record_columns", "records_to_arrow"]

ARROW_TYPES = {
    "date": pa.date32(), "long": pa.int64(), "double": pa.float64(), "bool": pa.bool_(),
    "strings": pa.list_(pa.string()), "string": pa.string(),
}


def arrow_schema(columns: list[tuple[str, str]]) -> pa.Schema:
    """The Arrow schema of (name, kind) columns, each kind one of ``ARROW_TYPES``."""
    return pa.schema([(n, ARROW_TYPES[k]) for n, k in columns])


def _cell(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return parse_iso_date(value)
    if kind == "double":
        return float(value)
    if kind == "string" and not isinstance(value, str):   # meta, producer: anything structured
        return json.dumps(value, ensure_ascii=False)
    return value


def records_to_arrow(rows: list[list[dict[str, Any]]], columns: list[tuple[str, str]],
                     first_seq: list[int] | None = None) -> pa.RecordBatch:
    """Records of several documents (each list in extract's order, its document record first) as
    one Arrow batch; ``first_seq`` gives each list's first ``seq`` when it continues a document."""
    cols: dict[str, list[Any]] = {n: [] for n, _ in columns}
    for i, records in enumerate(rows):
        base = first_seq[i] if first_seq else 0
        for seq, rec in enumerate(records, base):
            for name, kind in columns:
                cols[name].append(seq if name == SEQ else _cell(kind, rec.get(name)))
    return pa.RecordBatch.from_arrays([pa.array(cols[n], type=ARROW_TYPES[k]) for n, k in columns],
                                      schema=arrow_schema(columns))


class _Sink:
    """The output stream as pyarrow writes to it, until ``drop``: a run cut short must not get a
    footer, which pyarrow's writer would otherwise add when it is garbage-collected, making a
    partial table look whole."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.dropped = False
        self.closed = False

    def write(self, data) -> int:
        if not self.dropped:
            self.stream.write(data)
        return len(data)

    def flush(self) -> None:
        if not self.dropped:
            self.stream.flush()

    def close(self) -> None:      # the stream is its owner's to close
        self.closed = True

    def writable(self) -> bool:
        return True


class ParquetWriter(Writer):
    """Records streamed into one Parquet table, a row group every ``group_rows`` records; the
    parts of a long article (``continues``) count ``seq`` on."""

    def __init__(self, stream: BinaryIO, group_rows: int = 20_000):
        import pyarrow.parquet as pq

        self.columns = record_columns()
        self.sink = _Sink(stream)
        self.writer = pq.ParquetWriter(self.sink, arrow_schema(self.columns), compression="zstd")
        self.group_rows = group_rows
        self.pending: list[list[dict[str, Any]]] = []
        self.first_seq: list[int] = []
        self.count = 0
        self.seq = 0

    def write(self, records: Iterable[dict[str, Any]], continues: bool = False) -> None:
        records = list(records)
        if not records:
            return
        if not continues:
            self.seq = 0
        self.pending.append(records)
        self.first_seq.append(self.seq)
        self.seq += len(records)
        self.count += len(records)
        if self.count >= self.group_rows:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_batch(records_to_arrow(self.pending, self.columns, self.first_seq))
        self.pending, self.first_seq, self.count = [], [], 0

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def abort(self) -> None:
        self.sink.dropped = True
        self.pending = []
        try:
            self.writer.close()
        except Exception:      # nothing it could say matters: the run already failed
            pass
