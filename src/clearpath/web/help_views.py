"""Help pages. They work locked or unlocked: a person may need them before unlocking."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render


def staying_safe(call: Call) -> Response:
    return render(call.request, "help/staying_safe.html", call.session)


ROUTES = [
    Route("/help/staying-safe", guarded(staying_safe, Access.SESSION), methods=["GET"]),
]
