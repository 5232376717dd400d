"""A copy for a trusted person: the backup written to a folder (a USB stick to hand over),
then a printable sheet for them, as a page and as a PDF."""

from __future__ import annotations

from pathlib import Path

from starlette.responses import Response
from starlette.routing import Route

from clearpath.backup import services
from clearpath.backup.errors import BackupError
from clearpath.backup.forms import folder_field, optional_passphrase
from clearpath.backup.trusted import (
    SHEET_INTRO,
    SHEET_NOTE,
    SHEET_STEPS,
    SHEET_TITLE,
    SheetFacts,
    facts_for,
    sheet_pdf,
)
from clearpath.vault.errors import DiskFull
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


def trusted_page(call: Call) -> Response:
    if call.request.method == "GET":
        return render(call.request, "backup/trusted.html", call.session)
    errors: dict[str, str] = {}
    folder = folder_field(call, errors)
    extra = optional_passphrase(call, errors)
    if errors or folder is None:
        return render(
            call.request,
            "backup/trusted.html",
            call.session,
            400,
            errors=errors,
            typed_folder=call.field("folder"),
        )
    try:
        _made, record_id = services.trusted_copy(call.ctx.vault, folder, extra)
    except (BackupError, DiskFull) as exc:
        return render(
            call.request,
            "backup/trusted.html",
            call.session,
            400,
            errors={"folder": exc.message},
            typed_folder=call.field("folder"),
        )
    call.session.flash = "The copy is saved. Print this sheet and give it with the file."
    return redirect(f"/backup/sheet/{record_id}")


def _facts(call: Call) -> SheetFacts | None:
    record_id = call.request.path_params["record_id"]
    with call.ctx.vault.session() as db:
        record = services.find_backup(db, record_id)
        if record is None or record.kind != "trusted" or not record.place:
            return None
        return facts_for(Path(record.place), record.size, record.made_at.date())


def sheet_page(call: Call) -> Response:
    facts = _facts(call)
    if facts is None:
        return render(
            call.request,
            "error.html",
            call.session,
            404,
            message="There is no sheet for that backup. Make a copy for a trusted person first.",
        )
    return render(
        call.request,
        "backup/sheet.html",
        call.session,
        facts=facts,
        title=SHEET_TITLE,
        intro=SHEET_INTRO,
        steps=SHEET_STEPS,
        note=SHEET_NOTE,
        record_id=call.request.path_params["record_id"],
    )


def sheet_pdf_download(call: Call) -> Response:
    facts = _facts(call)
    if facts is None:
        return redirect("/backup")
    return Response(
        sheet_pdf(facts),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="please-keep-safe.pdf"'},
    )


ROUTES = [
    Route(
        "/backup/trusted",
        guarded(trusted_page, Access.UNLOCKED),
        methods=["GET", "POST"],
        name="backup.trusted",
    ),
    Route(
        "/backup/sheet/{record_id:int}",
        guarded(sheet_page, Access.UNLOCKED),
        methods=["GET"],
        name="backup.sheet",
    ),
    Route(
        "/backup/sheet/{record_id:int}/pdf",
        guarded(sheet_pdf_download, Access.UNLOCKED),
        methods=["GET"],
        name="backup.sheet_pdf",
    ),
]
