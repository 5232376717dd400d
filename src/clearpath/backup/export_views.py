"""Export everything from the browser: a caution first, the passphrase again, then a zip
streamed straight to the download (never written to this computer's disk by the app)."""

from __future__ import annotations

from datetime import datetime

from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from clearpath.backup.exporting import export_pieces
from clearpath.vault.errors import TryLater, WrongSecret
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

MAX_SECRET = 1000

ASK_FOR_IT = "Please type your passphrase."
TOO_LONG_FOR_ONE = "That is longer than any passphrase this program accepts."


def export_page(call: Call) -> Response:
    if call.request.method == "GET":
        return render(call.request, "backup/export.html", call.session)
    errors: dict[str, str] = {}
    passphrase = call.field("passphrase")
    if call.field("understood") != "on":
        errors["understood"] = "Please tick the box to say you know the export is not locked."
    if not passphrase:
        errors["passphrase"] = ASK_FOR_IT
    elif len(passphrase) > MAX_SECRET:
        errors["passphrase"] = TOO_LONG_FOR_ONE
    else:
        try:
            call.ctx.vault.check_passphrase(passphrase)
        except (WrongSecret, TryLater) as exc:
            errors["passphrase"] = exc.message
    if errors:
        return render(call.request, "backup/export.html", call.session, 400, errors=errors)
    name = f"export-{datetime.now():%Y%m%d-%H%M%S}.zip"
    return StreamingResponse(
        export_pieces(call.ctx.vault),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


ROUTES = [
    Route(
        "/backup/export",
        guarded(export_page, Access.UNLOCKED),
        methods=["GET", "POST"],
        name="backup.export",
    ),
]
