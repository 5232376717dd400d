"""Answers for the heal forms: a redirect for a plain post, JSON for the page's own script.

With JavaScript on, heal.js sends the form with the header X-Heal-Fetch and gets back the
message to announce and, where the page shows a list, the new row's HTML (rendered and
escaped by the same templates as the page).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.responses import JSONResponse, Response

from clearpath.web.context import context_of
from clearpath.web.guards import Call
from clearpath.web.render import redirect, render

FETCH_HEADER = "x-heal-fetch"
# Where a shared form (add to a list, remove a line) may send the person back to.
SAFE_BACK_PREFIXES = ("/heal", "/home")


def wants_json(call: Call) -> bool:
    return call.request.headers.get(FETCH_HEADER) == "1"


def today() -> date:
    return date.today()


def saved(
    call: Call, message: str, back: str, fragment: str | None = None, /, **values: Any
) -> Response:
    """The form worked: JSON for the script, or a notice and a redirect for a plain post."""
    if wants_json(call):
        html = ""
        if fragment is not None:
            template = context_of(call.request).templates.env.get_template(fragment)
            html = template.render(csrf_token=call.session.csrf_token, **values)
        return JSONResponse({"message": message, "html": html})
    call.session.flash = message
    return redirect(back)


def invalid(call: Call, template: str, errors: dict[str, str], /, **values: Any) -> Response:
    """The form needs another look: the page again with what was typed, or JSON errors."""
    if wants_json(call):
        return JSONResponse({"errors": errors}, status_code=400)
    return render(call.request, template, call.session, 400, errors=errors, **values)


def safe_back(value: str, default: str) -> str:
    """Only a local heal or home path (with an optional #anchor), never another site."""
    if value.startswith(SAFE_BACK_PREFIXES) and "//" not in value and "\\" not in value:
        return value
    return default


def path_id(call: Call, name: str = "item_id") -> int:
    value = call.request.path_params.get(name, 0)
    return int(value)
