"""Breathe and ground: two breathing exercises, 5-4-3-2-1, and the person's sensory anchors."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import lists
from clearpath.heal.grounding import BREATHINGS, SENSES
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render


def grounding(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        anchors = lists.items(db, "anchor")
        return render(
            call.request,
            "heal/grounding.html",
            call.session,
            breathings=BREATHINGS,
            senses=SENSES,
            anchors=anchors,
            anchor_kind=lists.LIST_KINDS["anchor"],
        )


ROUTES = [
    Route(
        "/heal/grounding",
        guarded(grounding, Access.UNLOCKED),
        methods=["GET"],
        name="heal.grounding",
    )
]
