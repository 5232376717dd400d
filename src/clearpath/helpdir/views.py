"""The help directory pages: the bundled services, filters, the country and own services.

Route names are "helpdir.action"; the routes are wired through the understand area's list.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from clearpath.helpdir.directory import KINDS, load_directory
from clearpath.helpdir.forms import MAX_QUERY, read_own_service, safe_next
from clearpath.helpdir.languages import language_name
from clearpath.helpdir.services import (
    UnknownCountry,
    UnknownService,
    add_own_service,
    choose_service,
    chosen_ids,
    country_asked,
    delete_own_service,
    get_country,
    get_own_service,
    list_own_services,
    search_services,
    set_country,
    update_own_service,
)
from clearpath.understand.confirm_views import ask_first, confirmed
from clearpath.web.guards import Access, Call, Handler, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "This service is not here any more. It may have been deleted."
ALL = "all"


def _country_page(
    call: Call,
    status: int = 200,
    error: str = "",
    first: bool = False,
    next_path: str = "/directory",
) -> Response:
    with call.ctx.vault.session() as db:
        current = get_country(db)
    return render(
        call.request,
        "helpdir/country.html",
        call.session,
        status,
        countries=load_directory().countries,
        current=current,
        first=first,
        next_path=next_path,
        errors={"country": error} if error else {},
    )


def directory_page(call: Call) -> Response:
    params = call.request.query_params
    with call.ctx.vault.session() as db:
        asked = country_asked(db)
        home = get_country(db)
        chosen = chosen_ids(db)
        own = list_own_services(db)
    # Asked once, on the first visit; a person in a hurry can skip to every country.
    if not asked and "country" not in params:
        return _country_page(call, first=True)
    directory = load_directory()
    country = params.get("country", home or ALL)
    kind = params.get("kind", "")
    language = params.get("language", "")
    query = params.get("q", "")
    errors: dict[str, str] = {}
    if len(query) > MAX_QUERY:
        errors["q"] = f"Please search with fewer than {MAX_QUERY} characters."
        query = ""
    results = search_services(
        directory,
        country=None if country == ALL or directory.country(country) is None else country,
        kind=kind if kind in KINDS else None,
        language=language or None,
        query=query,
    )
    back = "/directory" + (f"?{urlencode(dict(params))}" if params else "")
    return render(
        call.request,
        "helpdir/directory.html",
        call.session,
        400 if errors else 200,
        directory=directory,
        home=directory.country(home) if home else None,
        country=country,
        kind=kind,
        language=language,
        query=params.get("q", ""),
        results=results,
        chosen=chosen,
        own=own,
        kinds=KINDS,
        language_name=language_name,
        back=back,
        all_value=ALL,
        errors=errors,
    )


def country_form(call: Call) -> Response:
    next_path = safe_next(call.request.query_params.get("next", ""), "/directory")
    return _country_page(call, next_path=next_path)


def save_country(call: Call) -> Response:
    code = call.field("country")
    next_path = safe_next(call.field("next"), "/directory")
    if not code:
        return _country_page(
            call, 400, 'Please choose your country, or "It is not listed".', next_path=next_path
        )
    try:
        with call.ctx.vault.session() as db:
            set_country(db, None if code == "none" else code)
    except UnknownCountry:
        return _country_page(
            call, 400, "Please choose a country from the list.", next_path=next_path
        )
    call.session.flash = "Your country is saved. You can change it at any time."
    return redirect(next_path)


def choose(call: Call) -> Response:
    back = safe_next(call.field("back"), "/directory")
    try:
        with call.ctx.vault.session() as db:
            choose_service(db, call.field("service_id"), call.field("chosen") == "yes")
    except UnknownService:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = (
        "Added to your numbers." if call.field("chosen") == "yes" else "Removed from your numbers."
    )
    return redirect(back)


def _own_form(
    call: Call,
    status: int = 200,
    *,
    service_id: int | None = None,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    return render(
        call.request,
        "helpdir/own_form.html",
        call.session,
        status,
        service_id=service_id,
        typed=typed or {},
        errors=errors or {},
        kinds=KINDS,
    )


def new_own(call: Call) -> Response:
    return _own_form(call)


def _typed(call: Call) -> dict[str, str]:
    names = ("name", "kind", "phone", "text", "chat", "hours", "web", "notes", "chosen")
    return {name: call.field(name) for name in names}


def add_own(call: Call) -> Response:
    data, errors = read_own_service(call.field)
    if data is None:
        return _own_form(call, 400, typed=_typed(call), errors=errors)
    with call.ctx.vault.session() as db:
        add_own_service(db, data)
    call.session.flash = "Your service is kept in your vault."
    return redirect("/directory#own")


def _own_id(call: Call) -> int:
    return int(call.request.path_params["service_id"])


def edit_own(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        row = get_own_service(db, _own_id(call))
        if row is None:
            return error_page(call.request, call.session, 404, NOT_FOUND)
        typed = {
            "name": row.name,
            "kind": row.kind,
            "phone": row.phone,
            "text": row.text,
            "chat": row.chat,
            "hours": row.hours,
            "web": row.web,
            "notes": row.notes,
            "chosen": "yes" if row.chosen else "",
        }
    return _own_form(call, service_id=_own_id(call), typed=typed)


def update_own(call: Call) -> Response:
    data, errors = read_own_service(call.field)
    if data is None:
        return _own_form(call, 400, service_id=_own_id(call), typed=_typed(call), errors=errors)
    with call.ctx.vault.session() as db:
        found = update_own_service(db, _own_id(call), data)
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Your service is updated."
    return redirect("/directory#own")


def remove_own(call: Call) -> Response:
    if not confirmed(call):
        return ask_first(call, what="this service", back="/directory#own")
    with call.ctx.vault.session() as db:
        found = delete_own_service(db, _own_id(call))
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Your service is deleted."
    return redirect("/directory#own")


def _route(path: str, handler: Handler, method: str, name: str) -> Route:
    return Route(path, guarded(handler, Access.UNLOCKED), methods=[method], name=name)


ROUTES: list[BaseRoute] = [
    _route("/directory", directory_page, "GET", "helpdir.index"),
    _route("/directory/country", country_form, "GET", "helpdir.country"),
    _route("/directory/country", save_country, "POST", "helpdir.save_country"),
    _route("/directory/choose", choose, "POST", "helpdir.choose"),
    _route("/directory/own/new", new_own, "GET", "helpdir.new_own"),
    _route("/directory/own", add_own, "POST", "helpdir.add_own"),
    _route("/directory/own/{service_id:int}/edit", edit_own, "GET", "helpdir.edit_own"),
    _route("/directory/own/{service_id:int}", update_own, "POST", "helpdir.update_own"),
    _route("/directory/own/{service_id:int}/delete", remove_own, "POST", "helpdir.delete_own"),
]
