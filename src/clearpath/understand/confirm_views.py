"""A second step before anything is deleted for good, that works without JavaScript.

A delete button posts without ``confirm``; the answer is a short page that says what will be
deleted and asks again. Only a post with ``confirm=yes`` deletes.
"""

from __future__ import annotations

from starlette.responses import Response

from clearpath.web.guards import Call
from clearpath.web.render import render


def confirmed(call: Call) -> bool:
    return call.field("confirm") == "yes"


def ask_first(call: Call, *, what: str, back: str) -> Response:
    """The page asking "Delete <what>?", posting back to the same address with confirm=yes."""
    return render(
        call.request,
        "understand/confirm_delete.html",
        call.session,
        what=what,
        action=call.request.url.path,
        back=back,
    )
