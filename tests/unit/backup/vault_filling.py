"""Filling a vault generically: rows in every table there is, and files under files/.

Generic on purpose: an area's new table is covered by the restore drill with no change here.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, MetaData, select

from clearpath.vault.service import Vault

ROWS_PER_TABLE = 4


def tables(engine: Engine) -> MetaData:
    metadata = MetaData()
    metadata.reflect(bind=engine)
    return metadata


def _value(column: Column[Any], n: int, engine: Engine) -> Any:
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column
        with engine.connect() as conn:
            values = conn.execute(select(target)).scalars().all()
        return values[n % len(values)] if values else None
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = str
    if kind is bool:
        return n % 2 == 0
    if kind is int:
        return 1000 + n
    if kind is float:
        return n + 0.25
    if kind is decimal.Decimal:
        return decimal.Decimal(n) / 4
    if kind is dt.datetime:
        return dt.datetime(2026, 1, 1, 9, 30, tzinfo=dt.UTC) + dt.timedelta(days=n)
    if kind is dt.date:
        return dt.date(2026, 1, 1) + dt.timedelta(days=n)
    if kind is bytes:
        return os.urandom(16)
    text = f"{column.table.name}.{column.name} {n} ünïcode ✓ שלום"
    length = getattr(column.type, "length", None)
    return text[-length:] if length else text


def fill_every_table(vault: Vault) -> int:
    """Add rows to every table of the open vault (parents before children); returns rows."""
    engine = vault.engine
    metadata = tables(engine)
    added = 0
    n = 0
    for table in metadata.sorted_tables:
        if table.name == "alembic_version":
            continue
        for _ in range(ROWS_PER_TABLE):
            n += 1
            row = {column.name: _value(column, n, engine) for column in table.columns}
            with engine.begin() as conn:
                conn.execute(table.insert().values(row))
            added += 1
    return added


def every_row(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    metadata = tables(vault.engine)
    with vault.engine.connect() as conn:
        return {
            name: sorted((tuple(r) for r in conn.execute(select(table))), key=repr)
            for name, table in metadata.tables.items()
        }


def add_files(files_dir: Path) -> None:
    """Files the way a file store keeps them: nested folders, odd sizes, an empty one."""
    for index, size in enumerate((0, 1, 4096, 1024 * 1024 + 7, 3 * 1024 * 1024)):
        path = files_dir / f"{index:02x}" / f"blob-{index}.enc"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))


def every_file(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
