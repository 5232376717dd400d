"""Export everything: every table as JSON and CSV, and the stored files, in one zip.

Generic over the schema: the tables are read from the database itself, so an area's new table
is exported with no change here. The zip is built as a stream (the zip format's data
descriptors), so it needs no seeking and little memory, for a download or a file.

Stored files are exported readable only through a decrypter: FILE_DECRYPTERS lists each
area's ``readable_file(vault, path_under_files) -> Iterator[bytes] | None`` (the evidence
file store's today). Files no decrypter claims are listed in ``files-not-included.txt``
instead, since their encrypted bytes help no one outside the vault. The layout and the JSON
schema are in
docs/backups.md.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import io
import json
import os
import secrets
import zipfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, select

from clearpath.backup.snapshot import file_sources
from clearpath.evidence.file_export import readable_file as evidence_readable_file
from clearpath.vault.atomic import FILE_MODE, fsync_dir
from clearpath.vault.service import Vault

FORMAT = "clearpath-export"
VERSION = 1
PREFIX = "export"
ProgressFn = Callable[[int, int], None]
# Each takes the vault and a path relative to files/ and returns the file's readable bytes as
# blocks, or None when the file is not one it knows.
FileDecrypter = Callable[[Vault, str], Iterator[bytes] | None]
FILE_DECRYPTERS: tuple[FileDecrypter, ...] = (evidence_readable_file,)

README = """This folder holds everything from your vault, readable by anyone who opens it.
It is NOT encrypted. Keep it somewhere only you can reach, and delete it when it has done
its job.

manifest.json  what is here: each table and its row count
data/*.json    every table, with its columns and rows
tables/*.csv   the same rows, one spreadsheet per table
files/         the stored files, readable (where the program could read them)
"""


@dataclass
class Summary:
    tables: int = 0
    rows: int = 0
    files: int = 0
    left_out: int = 0


class _Sink(io.RawIOBase):
    """What the zip writer writes, held until the stream hands it on. Not seekable, so the
    zip writer uses data descriptors and never goes back."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _csv_value(value: Any) -> str:
    shown = _json_value(value)
    if isinstance(shown, dict):
        return str(shown["base64"])
    return "" if shown is None else str(shown)


def export_pieces(vault: Vault, summary: Summary | None = None) -> Iterator[bytes]:
    """The export zip's bytes, piece by piece."""
    summary = summary if summary is not None else Summary()
    sink = _Sink()
    listed: list[dict[str, Any]] = []
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{PREFIX}/README.txt", README)
        metadata = MetaData()
        metadata.reflect(bind=vault.engine)
        for table in sorted(metadata.tables.values(), key=lambda t: t.name):
            count = yield from _table_json(vault, archive, sink, table)
            yield from _table_csv(vault, archive, sink, table)
            listed.append(
                {
                    "name": table.name,
                    "rows": count,
                    "json": f"data/{table.name}.json",
                    "csv": f"tables/{table.name}.csv",
                }
            )
            summary.tables += 1
            summary.rows += count
        yield from _files(vault, archive, sink, summary)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": _now(),
            "tables": listed,
            "files": summary.files,
            "files_left_out": summary.left_out,
        }
        archive.writestr(f"{PREFIX}/manifest.json", json.dumps(manifest, indent=2))
    yield sink.drain()


def _rows(vault: Vault, table: Table) -> Iterator[Any]:
    with vault.engine.connect() as conn:
        yield from conn.execute(select(table)).yield_per(500)


def _table_json(
    vault: Vault, archive: zipfile.ZipFile, sink: _Sink, table: Table
) -> Generator[bytes, None, int]:
    columns = [c.name for c in table.columns]
    described = [{"name": c.name, "type": str(c.type)} for c in table.columns]
    count = 0
    with archive.open(_entry(f"data/{table.name}.json"), "w", force_zip64=True) as out:
        head = {"table": table.name, "columns": described}
        out.write(json.dumps(head)[:-1].encode() + b', "rows": [')
        for row in _rows(vault, table):
            item = {k: _json_value(v) for k, v in zip(columns, row, strict=True)}
            out.write((b",\n" if count else b"\n") + json.dumps(item).encode())
            count += 1
            if count % 500 == 0:
                yield sink.drain()
        out.write(b"\n]}\n")
    yield sink.drain()
    return count


def _table_csv(
    vault: Vault, archive: zipfile.ZipFile, sink: _Sink, table: Table
) -> Iterator[bytes]:
    with archive.open(_entry(f"tables/{table.name}.csv"), "w", force_zip64=True) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow([c.name for c in table.columns])
        for count, row in enumerate(_rows(vault, table), start=1):
            writer.writerow([_csv_value(v) for v in row])
            if count % 500 == 0:
                text.flush()
                yield sink.drain()
        text.flush()
        text.detach()
    yield sink.drain()


def decrypters() -> list[FileDecrypter]:
    """Every area's way to make its stored files readable."""
    return list(FILE_DECRYPTERS)


def _files(
    vault: Vault, archive: zipfile.ZipFile, sink: _Sink, summary: Summary
) -> Iterator[bytes]:
    left_out: list[str] = []
    readers = decrypters()
    for source in file_sources(vault.paths.files):
        relative = source.name.removeprefix("files/")
        readable = next((out for d in readers if (out := d(vault, relative)) is not None), None)
        if readable is None:
            left_out.append(relative)
            continue
        info = _entry(f"files/{relative}", zipfile.ZIP_STORED)
        with archive.open(info, "w", force_zip64=True) as target:
            for block in readable:
                target.write(block)
                yield sink.drain()
        summary.files += 1
    if left_out:
        summary.left_out = len(left_out)
        archive.writestr(
            f"{PREFIX}/files-not-included.txt",
            "These stored files could not be made readable by this version, so they are not "
            "in the export. They are safe in your vault and in your backups.\n\n"
            + "\n".join(left_out)
            + "\n",
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _entry(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    now = datetime.now()
    info = zipfile.ZipInfo(
        f"{PREFIX}/{name}", (now.year, now.month, now.day, now.hour, now.minute, now.second)
    )
    info.compress_type = compression
    return info


def export_to_file(vault: Vault, out: Path, progress: ProgressFn | None = None) -> Summary:
    """Write the export zip to ``out`` (temp name, fsync, rename). It is not encrypted."""
    summary = Summary()
    temp = out.with_name(f".{out.name}.partial-{secrets.token_hex(4)}")
    written = 0
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            for piece in export_pieces(vault, summary):
                handle.write(piece)
                written += len(piece)
                if progress is not None:
                    progress(written, 0)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
        fsync_dir(out.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return summary
