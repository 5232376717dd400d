"""The chronology as CSV, in the column layout family courts often ask for.

One row per incident, oldest first: date, what happened, who was there, witnesses, evidence
reference (item numbers with SHA-256), then the kinds, when it was written down and the
incident number. Written as UTF-8 with a byte-order mark so spreadsheet programs show every
script, and any cell that starts like a formula is prefixed with an apostrophe, so opening
the file never runs anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from clearpath.evidence.records import WITNESS
from clearpath.report.data import ReportData, ReportIncident

HEADER = (
    "Date",
    "What happened",
    "Who",
    "Witnesses",
    "Evidence reference",
    "Kinds",
    "Written down",
    "Incident",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Keep a spreadsheet from reading the cell as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def row_of(incident: ReportIncident) -> list[str]:
    """The cells of one incident's row."""
    latest = incident.latest
    who = "; ".join(
        p.name + (f" ({p.contact})" if p.contact else "")
        for p in latest.people
        if p.role != WITNESS
    )
    witnesses = "; ".join(
        p.name + (f" ({p.contact})" if p.contact else "") for p in latest.witnesses
    )
    evidence = "; ".join(f"{f.item} {f.original_name} SHA-256 {f.sha256}" for f in incident.files)
    if latest.report_numbers:
        evidence = "; ".join(x for x in (evidence, f"Reports: {latest.report_numbers}") if x)
    what = latest.title
    if latest.what_happened:
        what = f"{latest.title}: {latest.what_happened}"
    cells = [
        incident.occurred_text(),
        what,
        who,
        witnesses,
        evidence,
        incident.category_text(),
        incident.recorded_at.strftime("%Y-%m-%d %H:%M UTC"),
        str(incident.incident_id),
    ]
    return [safe_cell(c) for c in cells]


def chronology_rows(data: ReportData) -> Iterator[bytes]:
    """The CSV as encoded chunks (header first), for a streamed download or a file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    yield ("\ufeff" + buffer.getvalue()).encode("utf-8")
    for incident in data.incidents:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row_of(incident))
        yield buffer.getvalue().encode("utf-8")


def chronology_csv(data: ReportData) -> bytes:
    """The whole CSV at once (it holds text only, so it is small)."""
    return b"".join(chronology_rows(data))
