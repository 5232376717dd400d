"""Pages for incidents: the evidence home (quick capture and timeline), the full form, an
incident, its history, delete and erase."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.evidence import checkpoints, forms, services
from clearpath.evidence.categories import CATEGORIES, LABELS, label
from clearpath.evidence.files import file_store, files_for_incident, item_label
from clearpath.evidence.records import describe_when
from clearpath.evidence.services import IncidentNotFound, InvalidIncident, TimelineFilter
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "There is no incident at this address. It may have been erased."
MAX_QUERY = 200
PAGE_SIZE = 100


def _page(call: Call, template: str, status: int = 200, **values: Any) -> Response:
    return render(
        call.request,
        template,
        call.session,
        status,
        categories=CATEGORIES,
        category_label=label,
        when=describe_when,
        item_label=item_label,
        **values,
    )


def _id(call: Call) -> int:
    return int(call.request.path_params["incident_id"])


FILTER_FIELDS = ("from", "to", "category", "files", "witnesses", "q", "deleted")


def _timeline_filter(values: dict[str, str]) -> tuple[TimelineFilter, dict[str, str]]:
    errors: dict[str, str] = {}
    dates: dict[str, date | None] = {}
    for name in ("from", "to"):
        try:
            dates[name] = date.fromisoformat(values[name]) if values[name] else None
        except ValueError:
            dates[name] = None
            errors[f"filter_{name}"] = "Please give the date as year-month-day, like 2026-03-14."
    category = values["category"] if values["category"] in LABELS else None
    return (
        TimelineFilter(
            date_from=dates["from"],
            date_to=dates["to"],
            category=category,
            has_files=values["files"] == "yes",
            has_witnesses=values["witnesses"] == "yes",
            query=values["q"],
            include_deleted=values["deleted"] == "yes",
        ),
        errors,
    )


def _filter_values(call: Call) -> tuple[dict[str, str], int]:
    # The filters come as a form post, never in the address: search words in a URL would
    # stay in the browser's history for anyone to read.
    if call.request.method != "POST" or call.field("form") != "timeline":
        return dict.fromkeys(FILTER_FIELDS, ""), 1
    values = {name: call.field(name).strip()[:MAX_QUERY] for name in FILTER_FIELDS}
    raw_page = call.field("page")
    return values, int(raw_page) if raw_page.isdigit() and len(raw_page) < 6 else 1


def home(call: Call, quick: forms.IncidentForm | None = None, **extra: Any) -> Response:
    shown, number = _filter_values(call)
    where, errors = _timeline_filter(shown)
    with call.ctx.vault.session() as db:
        incidents = services.list_incidents(db, where)
        total = services.count_incidents(db)
    filtered = where != TimelineFilter()
    pages = max(1, -(-len(incidents) // PAGE_SIZE))
    number = min(max(number, 1), pages)
    return _page(
        call,
        "evidence/home.html",
        extra.pop("status", 200),
        incidents=incidents[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
        matching=len(incidents),
        total=total,
        filtered=filtered,
        where=where,
        shown=shown,
        page_number=number,
        page_count=pages,
        filter_errors=errors,
        quick=quick or forms.blank_form(date.today()),
        **extra,
    )


def quick_page(call: Call) -> Response:
    return _page(call, "evidence/new.html", quick=forms.blank_form(date.today()))


def quick_capture(call: Call) -> Response:
    quick, values, errors = forms.quick_fields(call.form)
    if values is not None:
        try:
            with call.ctx.vault.session() as db:
                incident_id = services.create_incident(db, values)
                checkpoints.sign_checkpoint(db, call.ctx.vault)
        except InvalidIncident as exc:
            errors = exc.errors
        else:
            call.session.flash = "Saved. You can add details, people or files whenever you like."
            return redirect(f"/evidence/incidents/{incident_id}")
    template = "evidence/new.html" if call.field("from") == "new" else "evidence/home.html"
    if template == "evidence/home.html":
        return home(call, quick, status=400, errors=errors)
    return _page(call, template, 400, quick=quick, errors=errors)


def full_page(call: Call) -> Response:
    return _page(call, "evidence/form.html", form=forms.blank_form(date.today()), incident=None)


def _save(call: Call, incident_id: int | None) -> Response:
    form = forms.read_form(call.form)
    values, errors = forms.to_fields(form)
    if values is not None:
        try:
            with call.ctx.vault.session() as db:
                if incident_id is None:
                    incident_id = services.create_incident(db, values)
                    call.session.flash = "Saved. It is kept in your vault and in the log."
                else:
                    before = services.get_incident(db, incident_id).version
                    after = services.edit_incident(db, incident_id, values)
                    call.session.flash = (
                        "Saved as a new version. The earlier one is kept in the history."
                        if after != before
                        else "Nothing had changed, so nothing new was saved."
                    )
                checkpoints.sign_checkpoint(db, call.ctx.vault)
        except InvalidIncident as exc:
            errors = exc.errors
        else:
            return redirect(f"/evidence/incidents/{incident_id}")
    incident = None
    if incident_id is not None:
        with call.ctx.vault.session() as db:
            incident = services.get_incident(db, incident_id)
    return _page(call, "evidence/form.html", 400, form=form, errors=errors, incident=incident)


def create_full(call: Call) -> Response:
    return _save(call, None)


def incident_page(call: Call) -> Response:
    incident_id = _id(call)
    try:
        with call.ctx.vault.session() as db:
            incident = services.get_incident(db, incident_id)
            attached = files_for_incident(db, incident_id)
            linked = []
            for other in incident.fields.linked_incidents:
                if services.incident_exists(db, other):
                    linked.append(services.get_incident(db, other))
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(call, "evidence/incident.html", incident=incident, files=attached, linked=linked)


def edit_page(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            incident = services.get_incident(db, _id(call))
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(
        call, "evidence/form.html", form=forms.form_from_fields(incident.fields), incident=incident
    )


def save_edit(call: Call) -> Response:
    try:
        return _save(call, _id(call))
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)


def history_page(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            incident = services.get_incident(db, _id(call))
            versions = services.incident_versions(db, incident.id)
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(
        call, "evidence/history.html", incident=incident, versions=list(reversed(versions))
    )


def _confirm_page(call: Call, template: str) -> Response:
    try:
        with call.ctx.vault.session() as db:
            incident = services.get_incident(db, _id(call))
            attached = files_for_incident(db, incident.id)
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(call, template, incident=incident, files=attached)


def delete_page(call: Call) -> Response:
    return _confirm_page(call, "evidence/delete.html")


def delete(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            services.delete_incident(db, _id(call))
            checkpoints.sign_checkpoint(db, call.ctx.vault)
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Deleted. It is hidden from your timeline, and you can bring it back."
    return redirect(f"/evidence/incidents/{_id(call)}")


def restore(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            services.restore_incident(db, _id(call))
            checkpoints.sign_checkpoint(db, call.ctx.vault)
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "It is back on your timeline."
    return redirect(f"/evidence/incidents/{_id(call)}")


def erase_page(call: Call) -> Response:
    return _confirm_page(call, "evidence/erase.html")


def erase(call: Call) -> Response:
    if call.field("confirm") != "erase":
        try:
            with call.ctx.vault.session() as db:
                incident = services.get_incident(db, _id(call))
                attached = files_for_incident(db, incident.id)
        except IncidentNotFound:
            return error_page(call.request, call.session, 404, NOT_FOUND)
        return _page(
            call,
            "evidence/erase.html",
            400,
            incident=incident,
            files=attached,
            errors={"confirm": "Please tick the box to say you understand this cannot be undone."},
        )
    vault = call.ctx.vault
    try:
        with vault.session() as db:
            services.erase_incident(db, _id(call), file_store(vault).remove)
            checkpoints.sign_checkpoint(db, vault)
    except IncidentNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = (
        "Erased for good. The log keeps only a note that something was erased, with its hashes."
    )
    return redirect("/evidence")


def _r(path: str, handler: Any, method: str = "GET", name: str = "") -> Route:
    route_name = f"evidence.{name or handler.__name__}"
    return Route(path, guarded(handler, Access.UNLOCKED), methods=[method], name=route_name)


ROUTES = [
    _r("/evidence", home),
    _r("/evidence", home, "POST", name="timeline"),
    _r("/evidence/new", quick_page),
    _r("/evidence/new", quick_capture, "POST"),
    _r("/evidence/new/full", full_page),
    _r("/evidence/new/full", create_full, "POST"),
    _r("/evidence/incidents/{incident_id:int}", incident_page),
    _r("/evidence/incidents/{incident_id:int}/edit", edit_page),
    _r("/evidence/incidents/{incident_id:int}/edit", save_edit, "POST"),
    _r("/evidence/incidents/{incident_id:int}/history", history_page),
    _r("/evidence/incidents/{incident_id:int}/delete", delete_page),
    _r("/evidence/incidents/{incident_id:int}/delete", delete, "POST"),
    _r("/evidence/incidents/{incident_id:int}/restore", restore, "POST"),
    _r("/evidence/incidents/{incident_id:int}/erase", erase_page),
    _r("/evidence/incidents/{incident_id:int}/erase", erase, "POST"),
]
