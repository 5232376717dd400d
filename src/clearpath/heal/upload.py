"""Reading one small photo from a form, in memory only.

Starlette's form parser spools file parts to a temporary file on disk, which would leave the
photo in plaintext outside the vault. Here the body is read from request.stream() with a hard
cap and parsed by python-multipart's streaming parser straight into memory; the text fields
go back into the request's form so the usual guard (session, CSRF, vault) runs unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response

from clearpath.web.guards import browser_session
from clearpath.web.render import neutral_page

# The photo limit plus room for the caption, the token and the multipart framing.
BODY_LIMIT = 4 * 1024 * 1024 + 64 * 1024
TEXT_FIELD_LIMIT = 8 * 1024
MAX_PARTS = 6
FILE_FIELD = "photo"
UPLOAD_STATE = "heal_upload"


class UploadRefused(ValueError):
    """The body is too large or not a well-formed form; nothing was kept."""


@dataclass
class _Part:
    name: str = ""
    is_file: bool = False
    data: bytearray = field(default_factory=bytearray)
    disposition: bytes = b""
    header_name: bytes = b""
    header_value: bytes = b""


@dataclass
class Upload:
    """What the form held: its text fields and the bytes of the one photo (or None)."""

    fields: list[tuple[str, str]]
    photo: bytes | None
    problem: str = ""


async def read_upload(request: Request) -> Upload:
    """Parse a multipart body of at most BODY_LIMIT bytes in memory."""
    content_type = request.headers.get("content-type", "")
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadRefused("This form could not be read. Please try again.")
    parts: list[_Part] = []

    def begin() -> None:
        if len(parts) >= MAX_PARTS:
            raise UploadRefused("This form has more parts than expected.")
        parts.append(_Part())

    def data(chunk: bytes, start: int, end: int) -> None:
        part = parts[-1]
        part.data.extend(chunk[start:end])
        if not part.is_file and len(part.data) > TEXT_FIELD_LIMIT:
            raise UploadRefused("A field of this form is too long.")

    def header_field(chunk: bytes, start: int, end: int) -> None:
        parts[-1].header_name += chunk[start:end]

    def header_value(chunk: bytes, start: int, end: int) -> None:
        parts[-1].header_value += chunk[start:end]

    def header_end() -> None:
        part = parts[-1]
        if part.header_name.lower() == b"content-disposition":
            part.disposition = part.header_value
        part.header_name, part.header_value = b"", b""

    def headers_finished() -> None:
        part = parts[-1]
        _, disposition = parse_options_header(part.disposition)
        part.name = disposition.get(b"name", b"").decode("utf-8", "replace")
        part.is_file = b"filename" in disposition

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": begin,
            "on_part_data": data,
            "on_header_field": header_field,
            "on_header_value": header_value,
            "on_header_end": header_end,
            "on_headers_finished": headers_finished,
        },
    )
    received = 0
    problem = ""
    try:
        async for chunk in request.stream():
            room = BODY_LIMIT - received
            received += len(chunk)
            # Up to the cap only (the token at the start still counts); then stop reading.
            parser.write(chunk[: max(room, 0)])
            if received > BODY_LIMIT:
                raise UploadRefused("This photo is larger than 4 MB. Please choose a smaller one.")
        parser.finalize()
    except UploadRefused as exc:
        problem = str(exc)
    except FormParserError:
        problem = "This form could not be read. Please try again."
    # The page puts the token first, so a refused body still shows a calm message, not an
    # expired form; the last part may be cut off, so only whole earlier parts are kept.
    whole = parts[:-1] if problem else parts
    fields = [(p.name, p.data.decode("utf-8", "replace")) for p in whole if not p.is_file]
    photo = (
        None
        if problem
        else next((bytes(p.data) for p in parts if p.is_file and p.name == FILE_FIELD), None)
    )
    return Upload(fields, photo or None, problem)


def with_upload(
    endpoint: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """Read the photo form in memory first, then hand over to the guarded endpoint."""

    async def read_then_guard(request: Request) -> Response:
        if browser_session(request) is None:
            return neutral_page(request)
        try:
            upload = await read_upload(request)
        except UploadRefused as exc:
            upload = Upload([], None, str(exc))
        # The guard reads the form through request.form(), which returns this parsed copy.
        request._form = FormData(list[tuple[str, str | UploadFile]](upload.fields))
        request.state.heal_upload = upload
        return await endpoint(request)

    return read_then_guard
