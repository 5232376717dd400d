"""What the plan's route modules share: how a route is made, and the not-found answer."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from clearpath.web.guards import Access, Call, Handler, guarded
from clearpath.web.render import error_page

NOTHING_HERE = "There is nothing at this address."


def plan_route(path: str, handler: Handler, name: str, method: str = "GET") -> Route:
    """A route of this area, for an unlocked vault."""
    return Route(path, guarded(handler, Access.UNLOCKED), methods=[method], name=name)


def not_found(call: Call, message: str = NOTHING_HERE) -> Response:
    """The calm 404 page, with a message that says what is missing."""
    return error_page(call.request, call.session, 404, message)
