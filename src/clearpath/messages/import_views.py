"""Bringing messages in from the browser: upload or paste, preview, confirm, watch progress.

The export is uploaded through the evidence area's streaming upload (encrypted as it
arrives), so it is kept as evidence before anything else happens; the preview and the
import read it back from the encrypted store.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clearpath.evidence.files import FileNotFound, add_file
from clearpath.importers.base import DateOrder, DateOrderUnknown, ImportProblem, ParseOptions
from clearpath.importers.csv_rows import OPTIONAL, REQUIRED, CsvImporter
from clearpath.importers.paste import MAX_PASTE, parse_pasted
from clearpath.importers.registry import all_importers
from clearpath.messages import reading
from clearpath.messages.importing import ImportRequest, import_export, preview
from clearpath.messages.jobs import ImportJobs
from clearpath.messages.stored import stored_source
from clearpath.messages.timezones import device_zone, is_zone, zone_names
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NO_FILE = "There is no export at this address. It may have been erased."
MAX_TITLE = 200
FORMATS = {importer.name: importer.label for importer in all_importers()}


def jobs_of(request: Request) -> ImportJobs:
    """The app's running imports (made on first use)."""
    state = request.app.state
    if not hasattr(state, "message_jobs"):
        state.message_jobs = ImportJobs()
    jobs: ImportJobs = state.message_jobs
    return jobs


def import_page(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        conversations = reading.conversations(db)
    return render(
        call.request,
        "messages/import.html",
        call.session,
        status,
        conversations=conversations,
        formats=FORMATS,
        **values,
    )


def paste(call: Call) -> Response:
    text = call.field("pasted")
    if not text.strip():
        return import_page(
            call, 400, pasted=text, errors={"pasted": "Paste or type the messages first."}
        )
    if len(text) > MAX_PASTE:
        return import_page(
            call,
            400,
            pasted=text[:MAX_PASTE],
            errors={
                "pasted": "That is more than one paste can take. Import the export file instead."
            },
        )
    try:
        parse_pasted(text, ParseOptions(date_order=DateOrder.DAY_FIRST))
    except DateOrderUnknown:
        pass  # the preview asks
    except ImportProblem as problem:
        return import_page(call, 400, pasted=text, errors={"pasted": problem.message})
    info = add_file(call.ctx.vault, [text.encode("utf-8")], "pasted-messages.txt")
    return redirect(f"/messages/import/file/{info.id}")


def _options(call: Call, source_fields: dict[str, str]) -> ParseOptions:
    order = source_fields.get("order", "")
    columns = {
        part: source_fields.get(f"column_{part}", "")
        for part in (*REQUIRED, *OPTIONAL)
        if source_fields.get(f"column_{part}")
    }
    return ParseOptions(
        date_order=DateOrder(order) if order in ("dayfirst", "monthfirst") else None,
        keep_unparsed=source_fields.get("keep") == "1",
        columns=columns,
    )


def _fields(call: Call) -> dict[str, str]:
    if call.request.method == "POST":
        return {key: call.field(key) for key in call.form}
    return {key: value for key, value in call.request.query_params.items() if len(value) < 300}


def preview_page(call: Call, status: int = 200, errors: dict[str, str] | None = None) -> Response:
    file_id = int(call.request.path_params["file_id"])
    fields = _fields(call)
    format_name = fields.get("format") if fields.get("format") in FORMATS else None
    try:
        source = stored_source(call.ctx.vault, file_id)
    except FileNotFound:
        return error_page(call.request, call.session, 404, NO_FILE)
    values: dict[str, Any] = {
        "file_id": file_id,
        "file_name": source.name,
        "fields": fields,
        "formats": FORMATS,
        "zones": zone_names(),
        "zone": fields.get("zone") or device_zone(),
        "errors": errors or {},
    }
    options = _options(call, fields)
    try:
        if format_name == "csv" and not options.columns:
            values["csv_headers"] = CsvImporter().headers(source)
            values["csv_parts"] = (*REQUIRED, *OPTIONAL)
            return _preview(call, status, values)
        summary = preview(source, format_name, options)
    except DateOrderUnknown as unknown:
        values["ask_order"] = unknown.example
        return _preview(call, status, values)
    except ImportProblem as problem:
        values["problem"] = problem.message
        values["can_keep"] = problem.line is not None and "kept as part" in problem.message
        values["csv_headers"] = _headers_if_csv(source, format_name)
        values["csv_parts"] = (*REQUIRED, *OPTIONAL)
        return _preview(call, 400 if status == 200 else status, values)
    with call.ctx.vault.session() as db:
        values["conversations"] = reading.conversations(db)
    values["summary"] = summary
    return _preview(call, status, values)


def _headers_if_csv(source: Any, format_name: str | None) -> list[str]:
    if format_name != "csv":
        return []
    try:
        return CsvImporter().headers(source)
    except (UnicodeDecodeError, OSError):
        return []


def _preview(call: Call, status: int, values: dict[str, Any]) -> Response:
    return render(call.request, "messages/preview.html", call.session, status, **values)


def start_import(call: Call) -> Response:
    file_id = int(call.request.path_params["file_id"])
    fields = _fields(call)
    errors: dict[str, str] = {}
    zone = fields.get("zone", "")
    if not is_zone(zone):
        errors["zone"] = "Choose a time zone from the list."
    title = fields.get("title", "").strip()
    if len(title) > MAX_TITLE:
        errors["title"] = f"Keep the name under {MAX_TITLE} characters."
    target = fields.get("conversation", "")
    conversation_id = int(target) if target.isdigit() and len(target) < 12 else None
    if errors:
        return preview_page(call, 400, errors)
    try:
        source = stored_source(call.ctx.vault, file_id)
    except FileNotFound:
        return error_page(call.request, call.session, 404, NO_FILE)
    request = ImportRequest(
        source=source,
        options=_options(call, fields),
        format=fields.get("format") if fields.get("format") in FORMATS else None,
        zone=zone,
        me=fields.get("me") or None,
        conversation_id=conversation_id,
        title=title or None,
    )
    vault = call.ctx.vault
    job = jobs_of(call.request).start(
        lambda progress: import_export(vault, request, stored_file_id=file_id, progress=progress)
    )
    return redirect(f"/messages/import/job/{job.id}")


def job_page(call: Call) -> Response:
    job = jobs_of(call.request).get(call.request.path_params["job_id"])
    if job is None:
        return error_page(
            call.request,
            call.session,
            404,
            "That import is no longer shown here. Your conversations list has what was kept.",
        )
    return render(call.request, "messages/job.html", call.session, job=job)


ROUTES = [
    Route(
        "/messages/import",
        guarded(import_page, Access.UNLOCKED),
        methods=["GET"],
        name="messages.import",
    ),
    Route(
        "/messages/paste", guarded(paste, Access.UNLOCKED), methods=["POST"], name="messages.paste"
    ),
    Route(
        "/messages/import/file/{file_id:int}",
        guarded(preview_page, Access.UNLOCKED),
        methods=["GET"],
        name="messages.preview",
    ),
    Route(
        "/messages/import/file/{file_id:int}",
        guarded(start_import, Access.UNLOCKED),
        methods=["POST"],
        name="messages.start",
    ),
    Route(
        "/messages/import/job/{job_id:str}",
        guarded(job_page, Access.UNLOCKED),
        methods=["GET"],
        name="messages.job",
    ),
]
