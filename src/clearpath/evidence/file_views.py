"""Pages for files: the list with the upload form, one file, viewing and downloading it
(decrypted as a stream), its thumbnail (made in memory, never kept), attach and erase."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from clearpath.evidence import checkpoints, files, services
from clearpath.evidence.categories import CATEGORIES, label
from clearpath.evidence.files import FileInfo, FileNotFound
from clearpath.evidence.filestore import DamagedFile
from clearpath.evidence.records import describe_when
from clearpath.evidence.services import IncidentNotFound, TimelineFilter
from clearpath.evidence.upload import upload
from clearpath.vault.service import Vault
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "There is no file at this address. It may have been erased."
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
# Types a browser may show in the page; anything else is only offered as a download.
SHOWN_INLINE = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "audio/mpeg",
    "audio/mp4",
    "audio/wav",
    "audio/ogg",
    "video/mp4",
    "video/webm",
    "video/quicktime",
    "text/plain",
}  # Not PDF: the browser's viewer is a plugin the app's CSP (object-src 'none') blocks.


def _page(call: Call, template: str, status: int = 200, **values: Any) -> Response:
    return render(
        call.request,
        template,
        call.session,
        status,
        categories=CATEGORIES,
        category_label=label,
        when=describe_when,
        **values,
    )


def _id(call: Call) -> int:
    return int(call.request.path_params["file_id"])


def files_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        kept = files.list_files(db)
    return _page(call, "evidence/files.html", files=kept)


def file_page(call: Call, status: int = 200, errors: dict[str, str] | None = None) -> Response:
    try:
        with call.ctx.vault.session() as db:
            info = files.get_file(db, _id(call))
            incident = (
                services.get_incident(db, info.incident_id)
                if info.incident_id is not None
                else None
            )
            choices = services.list_incidents(db, TimelineFilter())
    except FileNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(
        call,
        "evidence/file.html",
        status,
        file=info,
        incident=incident,
        choices=choices,
        inline=info.media_type in SHOWN_INLINE,
        errors=errors or {},
    )


def _stream(vault: Vault, chunks: Iterator[bytes]) -> Iterator[bytes]:
    # Stops if the vault is locked (quick exit, idle) while the file is on its way.
    try:
        for chunk in chunks:
            if not vault.unlocked:
                return
            yield chunk
    except DamagedFile:
        # The bytes so far were sent; the browser sees a cut-off file. Verify names it.
        return


def _original(call: Call, disposition: str) -> Response:
    try:
        info, chunks = files.open_original(call.ctx.vault, _id(call))
    except (FileNotFound, DamagedFile):
        return error_page(call.request, call.session, 404, NOT_FOUND)
    media_type = info.media_type if disposition == "inline" else "application/octet-stream"
    return StreamingResponse(
        _stream(call.ctx.vault, chunks),
        media_type=media_type,
        headers={
            "content-length": str(info.size),
            "content-disposition": f'{disposition}; filename="{info.download_name}"',
            "accept-ranges": "bytes" if disposition == "inline" else "none",
        },
    )


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """One "bytes=a-b" range (the only kind media players ask for), or None."""
    match = _RANGE.fullmatch(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if first == "":
        if last == "":
            return None
        start, end = max(0, size - int(last)), size - 1
    else:
        start, end = int(first), min(int(last) if last else size - 1, size - 1)
    return (start, end) if start <= end < size else None


def view_raw(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        try:
            info = files.get_file(db, _id(call))
        except FileNotFound:
            return error_page(call.request, call.session, 404, NOT_FOUND)
    if info.media_type not in SHOWN_INLINE:
        return redirect(f"/evidence/files/{info.id}")
    asked = call.request.headers.get("range")
    if asked is None:
        return _original(call, "inline")
    span = _byte_range(asked, info.size)
    if span is None:
        return Response(status_code=416, headers={"content-range": f"bytes */{info.size}"})
    try:
        _, pieces = files.open_range(call.ctx.vault, info.id, *span)
    except (FileNotFound, DamagedFile):
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return StreamingResponse(
        _stream(call.ctx.vault, pieces),
        status_code=206,
        media_type=info.media_type,
        headers={
            "content-length": str(span[1] - span[0] + 1),
            "content-range": f"bytes {span[0]}-{span[1]}/{info.size}",
            "accept-ranges": "bytes",
        },
    )


def download_page(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            info = files.get_file(db, _id(call))
    except FileNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(call, "evidence/download.html", file=info)


def download(call: Call) -> Response:
    return _original(call, "attachment")


def thumbnail(call: Call) -> Response:
    try:
        made = files.thumbnail(call.ctx.vault, _id(call))
    except (FileNotFound, DamagedFile):
        made = None
    if made is None:
        return Response(status_code=404)
    return Response(made, media_type="image/jpeg")


def attach(call: Call) -> Response:
    raw = call.field("incident").strip()
    if raw and not raw.isdigit():
        return file_page(call, 400, {"incident": "Please choose an incident from the list."})
    try:
        with call.ctx.vault.session() as db:
            files.attach_file(db, _id(call), int(raw) if raw else None)
            checkpoints.sign_checkpoint(db, call.ctx.vault)
    except FileNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    except IncidentNotFound:
        return file_page(call, 400, {"incident": "That incident is not there any more."})
    call.session.flash = "Saved. The change is noted in the log."
    return redirect(f"/evidence/files/{_id(call)}")


def erase_page(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            info = files.get_file(db, _id(call))
    except FileNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(call, "evidence/file_erase.html", file=info)


def erase(call: Call) -> Response:
    if call.field("confirm") != "erase":
        try:
            with call.ctx.vault.session() as db:
                info: FileInfo = files.get_file(db, _id(call))
        except FileNotFound:
            return error_page(call.request, call.session, 404, NOT_FOUND)
        message = "Please tick the box to say you understand this cannot be undone."
        return _page(call, "evidence/file_erase.html", 400, file=info, errors={"confirm": message})
    try:
        files.erase_file(call.ctx.vault, _id(call))
        with call.ctx.vault.session() as db:
            checkpoints.sign_checkpoint(db, call.ctx.vault)
    except FileNotFound:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Erased for good. The log keeps only its fingerprint."
    return redirect("/evidence/files")


def _r(path: str, handler: Any, method: str = "GET") -> Route:
    name = f"evidence.file_{handler.__name__}"
    return Route(path, guarded(handler, Access.UNLOCKED), methods=[method], name=name)


ROUTES = [
    _r("/evidence/files", files_page),
    Route("/evidence/files/upload", upload, methods=["POST"], name="evidence.upload"),
    _r("/evidence/files/{file_id:int}", file_page),
    _r("/evidence/files/{file_id:int}/view", view_raw),
    _r("/evidence/files/{file_id:int}/thumbnail", thumbnail),
    _r("/evidence/files/{file_id:int}/download", download_page),
    _r("/evidence/files/{file_id:int}/download", download, "POST"),
    _r("/evidence/files/{file_id:int}/attach", attach, "POST"),
    _r("/evidence/files/{file_id:int}/erase", erase_page),
    _r("/evidence/files/{file_id:int}/erase", erase, "POST"),
]
