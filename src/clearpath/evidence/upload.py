"""The streaming upload endpoint: files go from the request body straight into the encryptor.

Starlette's own form parser spools uploads to temp files in plaintext, so the app forbids
it (max_files=0). Here python-multipart's push parser is fed ``request.stream()`` and every
file part is written into a SealedWriter as it arrives: no plain byte reaches the disk and
memory stays at a few chunks whatever the size.

The CSRF token must arrive before the first file: either as the form's first field (the
page puts it there; a plain form post without JavaScript works) or as the X-CSRF-Token
header the page's script sets. The Host and Origin guards are middleware and apply here too.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from python_multipart.exceptions import ParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

from clearpath.evidence import checkpoints
from clearpath.evidence.files import FileInfo, register_file, start_file
from clearpath.evidence.filestore import SealedWriter, StoredFile, remove_stored
from clearpath.evidence.services import IncidentNotFound, incident_exists
from clearpath.vault.errors import DiskFull, VaultError, VaultLocked
from clearpath.web.context import AppContext, context_of
from clearpath.web.guards import EXPIRED_FORM, IDLE_LOCKED, browser_session
from clearpath.web.render import error_page, neutral_page, redirect
from clearpath.web.state import BrowserSession

UNREADABLE = "That upload could not be read, so nothing was kept. Please try again."
MAX_FILES = 1000
MAX_FIELD_BYTES = 1024
MAX_FIELDS = 10


class UploadRefused(Exception):
    """The upload broke a rule (no token first, too many parts); nothing is kept."""


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    name: str = ""
    filename: str | None = None
    writer: SealedWriter | None = None
    value: bytearray = field(default_factory=bytearray)


class UploadReader:
    """The multipart callbacks: fields into memory (small), files into the encrypted store."""

    def __init__(self, ctx: AppContext, session: BrowserSession, csrf_from_header: bool) -> None:
        self._ctx = ctx
        self._session = session
        self.csrf_ok = csrf_from_header
        self.stored: list[tuple[StoredFile, str]] = []
        self._part = _Part()
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._fields = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._begin,
            "on_header_field": self._on_field,
            "on_header_value": self._on_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done,
            "on_part_data": self._data,
            "on_part_end": self._end,
        }

    def _begin(self) -> None:
        self._part = _Part()

    def _on_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _on_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        self._part.headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field.clear()
        self._header_value.clear()

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._part.headers.get(b"content-disposition", b""))
        self._part.name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is None:
            self._fields += 1
            if self._fields > MAX_FIELDS:
                raise UploadRefused()
            return
        self._part.filename = filename.decode("utf-8", "replace")
        if not self.csrf_ok:
            raise UploadRefused()
        if len(self.stored) >= MAX_FILES:
            raise UploadRefused()
        self._part.writer = start_file(self._ctx.vault)

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._part.writer is not None:
            self._part.writer.write(memoryview(data)[start:end])
        elif len(self._part.value) + end - start > MAX_FIELD_BYTES:
            raise UploadRefused()
        else:
            self._part.value += data[start:end]

    def _end(self) -> None:
        part = self._part
        if part.writer is not None:
            stored = part.writer.finish()
            part.writer = None
            if stored.size == 0 and not part.filename:
                # A file input with nothing chosen still sends an empty part.
                file_store_remove(self._ctx, stored.stored_name)
            else:
                self.stored.append((stored, part.filename or ""))
        elif part.name == "csrf_token":
            sent = bytes(part.value)
            self.csrf_ok = hmac.compare_digest(sent, self._session.csrf_token.encode())

    @property
    def unfinished(self) -> bool:
        """A file part began but its end never came (the body stopped part way)."""
        return self._part.writer is not None

    def abort(self) -> None:
        if self._part.writer is not None:
            self._part.writer.abort()
        for stored, _ in self.stored:
            file_store_remove(self._ctx, stored.stored_name)
        self.stored.clear()


def file_store_remove(ctx: AppContext, stored_name: str) -> None:
    remove_stored(ctx.vault.paths.files, stored_name)


async def upload(request: Request) -> Response:
    """POST /evidence/files/upload[?incident=ID]: many files in one multipart body."""
    ctx = context_of(request)
    session = browser_session(request)
    if session is None:
        return neutral_page(request)
    if ctx.idle_too_long() and await run_in_threadpool(ctx.lock_if_idle):
        session.flash = IDLE_LOCKED
    if not ctx.vault.unlocked:
        return redirect("/unlock")
    incident_id = _incident_param(request)
    back = f"/evidence/incidents/{incident_id}" if incident_id else "/evidence/files"
    # The messages area uploads an export here, then reads it back from the store.
    for_messages = request.query_params.get("for") == "messages"
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        return error_page(request, session, 400, UNREADABLE)
    header_token = request.headers.get("x-csrf-token", "")
    reader = UploadReader(
        ctx,
        session,
        bool(header_token) and hmac.compare_digest(header_token, session.csrf_token),
    )
    parser = MultipartParser(boundary, reader.callbacks())  # type: ignore[arg-type]
    exits_before = ctx.exits
    ctx.activity.touch()
    try:
        if incident_id is not None:
            await run_in_threadpool(_check_incident, ctx, incident_id)
        async for chunk in request.stream():
            if chunk:
                await run_in_threadpool(parser.write, chunk)
            ctx.activity.touch()
        await run_in_threadpool(parser.finalize)
        if reader.unfinished:
            raise ParseError("the body ended inside a file")
        if not reader.csrf_ok:
            raise UploadRefused()
        if ctx.exits != exits_before:
            raise VaultLocked()
        added = await run_in_threadpool(_register_all, ctx, reader.stored, incident_id)
    except UploadRefused:
        await run_in_threadpool(reader.abort)
        return error_page(request, session, 403, EXPIRED_FORM)
    except IncidentNotFound:
        await run_in_threadpool(reader.abort)
        return error_page(request, session, 404, "There is no incident to add these files to.")
    except ParseError:
        await run_in_threadpool(reader.abort)
        return error_page(request, session, 400, UNREADABLE)
    except ClientDisconnect:
        await run_in_threadpool(reader.abort)
        return Response(status_code=400)
    except VaultLocked:
        await run_in_threadpool(reader.abort)
        return redirect("/unlock")
    except DiskFull as exc:
        await run_in_threadpool(reader.abort)
        return error_page(request, session, 507, exc.message)
    except VaultError as exc:
        await run_in_threadpool(reader.abort)
        return error_page(request, session, 500, exc.message)
    except BaseException:
        await run_in_threadpool(reader.abort)
        raise
    if for_messages and len(added) == 1:
        back = f"/messages/import/file/{added[0].id}"
    else:
        session.flash = _summary(added)
    if header_token:
        # The page's script sent it: it reads where to go next (a redirect would be followed
        # inside the script and use up the notice).
        return PlainTextResponse("", headers={"x-next-page": back})
    return redirect(back)


def _incident_param(request: Request) -> int | None:
    raw = request.query_params.get("incident", "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


def _check_incident(ctx: AppContext, incident_id: int) -> None:
    with ctx.vault.session() as db:
        if not incident_exists(db, incident_id):
            raise IncidentNotFound(incident_id)


def _register_all(
    ctx: AppContext, stored: list[tuple[StoredFile, str]], incident_id: int | None
) -> list[FileInfo]:
    added: list[FileInfo] = []
    remaining = list(stored)
    try:
        while remaining:
            item, name = remaining[0]
            added.append(register_file(ctx.vault, item, name, incident_id))
            remaining.pop(0)
    except BaseException:
        for item, _ in remaining[1:]:
            file_store_remove(ctx, item.stored_name)
        raise
    if added:
        with ctx.vault.session() as db:
            checkpoints.sign_checkpoint(db, ctx.vault)
    return added


def _summary(added: list[FileInfo]) -> str:
    if not added:
        return "No file was chosen, so nothing was added."
    count = len(added)
    text = f"{count} file{'s' if count != 1 else ''} added, encrypted and logged."
    with_gps = sum(1 for f in added if f.has_gps)
    if with_gps:
        text += (
            f" {with_gps} of them hold{'s' if with_gps == 1 else ''} a GPS position: a copy "
            "shared later would show where it was taken."
        )
    return text
