"""The records as one typed table: every column of every record kind, and its type.

The JSON Schema is the contract; this is its flat form, for the readers that want one type per
column: Parquet (``io.arrow``), Spark, DuckDB's ``read_json(columns=...)`` and SQL tables
(``summitclaims schema --as columns|sql``). Columns are the schema's properties in first-seen
order (``schema_columns``), typed from the schema (``format: date`` -> date,
integer -> long, number -> double, boolean -> bool, arrays of strings -> strings, else string);
``meta`` and ``producer`` as JSON text (their keys vary per input); and ``seq``, the record's
position within its document (0 = the document record), so ordering by ``doc, seq`` gives the
records in ``extract``'s order. JSONL and CSV have no ``seq``: their line order is that order.
"""
from __future__ import annotations

from typing import Any, Iterable

from .resources import record_schema

SEQ = "seq"
JSON_TEXT = ("meta", "producer")

DUCKDB_TYPES = {"date": "DATE", "long": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN",
                "strings": "VARCHAR[]", "string": "VARCHAR"}
# SQLite has no dates, lists or booleans: ISO text, JSON text, and 0/1 (as sqlite-utils stores them)
SQLITE_TYPES = {"date": "TEXT", "long": "INTEGER", "double": "REAL", "bool": "INTEGER",
                "strings": "TEXT", "string": "TEXT"}


def schema_columns(schema: dict[str, Any]) -> list[str]:
    """Every property of every record kind in the schema, in first-seen order: the CSV header."""
    cols: list[str] = []
    for kind in schema.get("$defs", {}).values():
        for name in kind.get("properties", {}):
            if name not in cols:
                cols.append(name)
    if "meta" not in cols:
        cols.append("meta")
    return cols


def _column_kind(defs: Iterable[dict[str, Any]]) -> str:
    """One of date, long, double, bool, strings, string for a property seen in these kind defs."""
    types: set[str] = set()
    for d in defs:
        if d.get("format") == "date":
            return "date"
        t = d.get("type")
        types.update(t if isinstance(t, list) else [t] if t else [])
        if "const" in d or "enum" in d:
            types.add("string")
    types.discard("null")
    if types == {"integer"}:
        return "long"
    if types <= {"number", "integer"} and types:
        return "double"
    if types == {"boolean"}:
        return "bool"
    if types == {"array"}:
        return "strings"
    return "string"


def record_columns(schema: dict[str, Any] | None = None, seq: bool = True) -> list[tuple[str, str]]:
    """(column, kind) for every column of the records table, in order (``seq`` last, if asked)."""
    schema = schema or record_schema()
    kinds = list(schema.get("$defs", {}).values())
    out = []
    for name in schema_columns(schema):
        defs = [k["properties"][name] for k in kinds if name in k.get("properties", {})]
        out.append((name, "string" if name in JSON_TEXT else _column_kind(defs)))
    if seq:
        out.append((SEQ, "long"))
    return out


def duckdb_columns() -> dict[str, str]:
    """{column: DuckDB type} for ``read_json(path, columns=...)`` over JSONL records."""
    return {n: DUCKDB_TYPES[k] for n, k in record_columns(seq=False)}


def create_table_sql(table: str = "records") -> str:
    """A CREATE TABLE statement for the records in SQLite (``id`` is the primary key, so a re-run
    can be upserted with ``sqlite-utils insert --replace``)."""
    cols = [f'    "{n}" {SQLITE_TYPES[k]}{" PRIMARY KEY" if n == "id" else ""}'
            for n, k in record_columns(seq=False)]
    return f'CREATE TABLE IF NOT EXISTS "{table}" (\n' + ",\n".join(cols) + "\n);\n"
