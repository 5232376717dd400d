"""The report page: choose what to include, read the caution, download PDF, CSV or bundle.

Every download is a plain form post (no JavaScript needed). The PDF and CSV are made in
memory; the bundle is streamed chunk by chunk as it is written, straight to the browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from starlette.datastructures import FormData
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from clearpath.evidence.categories import CATEGORIES
from clearpath.evidence.services import IncidentSummary, list_incidents
from clearpath.report.data import Filters
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

MAX_NAME = 120
MAX_CHOSEN = 5000
KINDS = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "bundle": "application/zip"}


@dataclass
class ReportForm:
    """What the person chose (as typed), and what is wrong with it."""

    date_from: str = ""
    date_to: str = ""
    categories: list[str] = field(default_factory=list)
    incidents: list[int] = field(default_factory=list)
    name: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def read_form(data: FormData) -> tuple[ReportForm, Filters | None]:
    """Parse and check the form; filters only when nothing is wrong."""
    known = {key for key, _ in CATEGORIES}
    form = ReportForm(
        date_from=_text(data, "date_from"),
        date_to=_text(data, "date_to"),
        categories=[c for c in data.getlist("categories") if isinstance(c, str) and c in known],
        name=_text(data, "name"),
    )
    for raw in data.getlist("incidents")[:MAX_CHOSEN]:
        if isinstance(raw, str) and raw.isdigit():
            form.incidents.append(int(raw))
    start = _day(form.date_from, "date_from", form.errors)
    end = _day(form.date_to, "date_to", form.errors)
    if start and end and start > end:
        form.errors["date_to"] = "The end date is before the start date. Swap them or clear one."
    if len(form.name) > MAX_NAME:
        form.errors["name"] = f"Please keep your name under {MAX_NAME} characters."
    if form.errors:
        return form, None
    return form, Filters(start, end, tuple(form.categories), tuple(form.incidents))


def _text(data: FormData, name: str) -> str:
    value = data.get(name)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _day(value: str, name: str, errors: dict[str, str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[name] = "Please give a date like 2026-03-31."
        return None


def _page(call: Call, form: ReportForm, status: int = 200) -> Response:
    with call.ctx.vault.session() as db:
        incidents: list[IncidentSummary] = list_incidents(db)
    incidents.sort(key=lambda s: (s.sort_day, s.recorded_at, s.id))
    has_gps = any(s.file_count for s in incidents) and _any_gps(call)
    return render(
        call.request,
        "evidence/report.html",
        call.session,
        status,
        form=form,
        errors=form.errors,
        categories=CATEGORIES,
        incidents=incidents,
        has_gps=has_gps,
    )


def _any_gps(call: Call) -> bool:
    from clearpath.evidence.files import list_files

    with call.ctx.vault.session() as db:
        return any(f.has_gps for f in list_files(db))


def report_page(call: Call) -> Response:
    return _page(call, ReportForm())


def download(call: Call) -> Response:
    from clearpath.report import export

    kind = call.field("kind")
    form, filters = read_form(call.form)
    if kind not in KINDS:
        form.errors["kind"] = "Please choose one of the three downloads."
    if filters is None or form.errors:
        return _page(call, form, 400)
    vault = call.ctx.vault
    prepared = export.prepare(vault, filters, person_name=form.name)
    name = export.download_name(kind, datetime.now(UTC))
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if kind == "csv":
        return Response(export.chronology(prepared), media_type=KINDS[kind], headers=headers)
    pdf = export.report_pdf(vault, prepared)
    if kind == "pdf":
        return Response(pdf, media_type=KINDS[kind], headers=headers)
    chunks = _until_stopped(export.bundle_chunks(vault, prepared, pdf))
    return StreamingResponse(chunks, media_type=KINDS[kind], headers=headers)


def _until_stopped(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The bundle's chunks; if the vault locks (quick exit, idle) or a stored file does not
    decrypt, the download simply ends there. The zip is then incomplete, and any check of it
    says so; nothing about the content goes to a log."""
    from clearpath.report.export import ExportStopped
    from clearpath.vault.errors import VaultError

    try:
        yield from chunks
    except (ExportStopped, VaultError):
        return


ROUTES = [
    Route(
        "/evidence/report",
        guarded(report_page, Access.UNLOCKED),
        methods=["GET"],
        name="evidence.report_page",
    ),
    Route(
        "/evidence/report",
        guarded(download, Access.UNLOCKED),
        methods=["POST"],
        name="evidence.report",
    ),
]
