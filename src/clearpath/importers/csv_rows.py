"""CSV files from any tool, once the person has said which column holds what.

Required columns: timestamp, sender, text. Optional: direction ("in"/"out"), recipients,
subject. Timestamps must be ISO 8601 (2021-01-05 21:41 or 2021-01-05T21:41:05+01:00); they
are kept as written, with a "T" between date and time.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from clearpath.importers.base import (
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
    SourceRef,
)

REQUIRED = ("timestamp", "sender", "text")
OPTIONAL = ("direction", "recipients", "subject")
ISO = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?"
)
MAX_FIELD = 1_000_000


def iso_as_written(raw: str, line: int) -> str:
    """``raw`` as ISO 8601 with a ``T``; ImportProblem (naming the line) when it is not one."""
    match = ISO.fullmatch(raw.strip())
    if match is None:
        raise ImportProblem(
            f"the time {raw!r} is not written as year-month-day hour:minute "
            "(for example 2021-01-05 21:41).",
            line=line,
        )
    day, clock, zone = match.groups()
    return f"{day}T{clock}{zone or ''}"


class CsvImporter:
    name = "csv"
    label = "CSV file (with a column for each part)"

    def sniff(self, source: Source, head: bytes) -> bool:
        return source.suffix == ".csv"

    def headers(self, source: Source) -> list[str]:
        """The column names, for the mapping step."""
        with source.open() as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            return next(csv.reader(text), [])

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        mapping = options.columns
        missing = [part for part in REQUIRED if not mapping.get(part)]
        if missing:
            raise ImportProblem(
                "Say which column holds the " + ", ".join(missing) + " before importing."
            )
        csv.field_size_limit(MAX_FIELD)
        with source.open() as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            reader = csv.DictReader(text)
            absent = [c for c in mapping.values() if c and c not in (reader.fieldnames or [])]
            if absent:
                raise ImportProblem(f"This file has no column named {absent[0]!r}.", line=1)
            try:
                for row in reader:
                    yield _row(row, mapping, reader.line_num)
            except (csv.Error, UnicodeDecodeError) as exc:
                raise ImportProblem(
                    f"The file cannot be read as CSV here ({exc}).", line=reader.line_num
                ) from exc


def _row(row: dict[str, str | None], mapping: dict[str, str], line: int) -> ParsedMessage:
    def cell(part: str) -> str:
        column = mapping.get(part)
        return (row.get(column) or "") if column else ""

    raw_time = cell("timestamp")
    direction = cell("direction").strip().lower() or None
    if direction not in (None, "in", "out"):
        raise ImportProblem(f"the direction {direction!r} is neither 'in' nor 'out'.", line=line)
    recipients = tuple(r.strip() for r in cell("recipients").split(";") if r.strip())
    return ParsedMessage(
        sender=cell("sender") or None,
        timestamp=iso_as_written(raw_time, line),
        raw_timestamp=raw_time,
        text=cell("text"),
        source=SourceRef(first_line=line, last_line=line),
        direction=direction,
        recipients=recipients,
        subject=cell("subject") or None,
        channel="csv",
    )
