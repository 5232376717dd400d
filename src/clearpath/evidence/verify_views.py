"""The check page: verify every file, record, log entry and signature in the vault."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from clearpath.evidence import checkpoints
from clearpath.evidence.verify import describe, verify_vault
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render


def verify_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        latest = checkpoints.latest_checkpoint(db)
        key = checkpoints.verifier(db)
    return render(
        call.request,
        "evidence/verify.html",
        call.session,
        result=None,
        latest=latest,
        key_text=key.text() if key else None,
    )


def run_verify(call: Call) -> Response:
    result = verify_vault(call.ctx.vault)
    with call.ctx.vault.session() as db:
        if result.ok and result.signed_size < result.log_entries:
            # What was just checked is signed now, so the next check covers it too.
            checkpoints.sign_checkpoint(db, call.ctx.vault)
            result.notes.append("They are signed now, in a new checkpoint.")
        latest = checkpoints.latest_checkpoint(db)
        key = checkpoints.verifier(db)
    return render(
        call.request,
        "evidence/verify.html",
        call.session,
        result=result,
        summary=describe(result),
        latest=latest,
        key_text=key.text() if key else None,
    )


ROUTES = [
    Route(
        "/evidence/verify",
        guarded(verify_page, Access.UNLOCKED),
        methods=["GET"],
        name="evidence.verify_page",
    ),
    Route(
        "/evidence/verify",
        guarded(run_verify, Access.UNLOCKED),
        methods=["POST"],
        name="evidence.verify",
    ),
]
