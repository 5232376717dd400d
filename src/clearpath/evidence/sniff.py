"""The media type of a file, judged from its first bytes (never from its name)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from io import BytesIO

OCTET = "application/octet-stream"

# ISO base media (MP4, MOV, HEIC, M4A): the brand in the "ftyp" box at offset 4.
_FTYP_BRANDS: tuple[tuple[tuple[bytes, ...], str], ...] = (
    ((b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"), "image/heic"),
    ((b"avif", b"avis"), "image/avif"),
    ((b"M4A ", b"M4B ", b"M4P "), "audio/mp4"),
    ((b"qt  ",), "video/quicktime"),
    ((b"3gp4", b"3gp5", b"3gp6", b"3g2a"), "video/3gpp"),
)

_PREFIXES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"fLaC", "audio/flac"),
    (b"\x1a\x45\xdf\xa3", "video/webm"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
    (b"{\\rtf", "application/rtf"),
)


def sniff(head: bytes) -> str:
    """The media type of a file starting with ``head`` (the first few KiB are plenty);
    application/octet-stream when it is none this app knows."""
    for check in _CHECKS:
        found = check(head)
        if found:
            return found
    return OCTET


def _prefix(head: bytes) -> str | None:
    for magic, media_type in _PREFIXES:
        if head.startswith(magic):
            return media_type
    return None


def _riff(head: bytes) -> str | None:
    if head[:4] != b"RIFF":
        return None
    return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(head[8:12])


def _ftyp(head: bytes) -> str | None:
    if head[4:8] != b"ftyp":
        return None
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, min(len(head), 64), 4)]
    for names, media_type in _FTYP_BRANDS:
        if brands[0] in names:
            return media_type
    for names, media_type in _FTYP_BRANDS:
        if any(b in names for b in brands[1:]):
            return media_type
    return "video/mp4"


def _mp3_frame(head: bytes) -> str | None:
    # An MPEG audio frame sync without an ID3 tag in front.
    if len(head) > 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "audio/mpeg"
    return None


def _zip_document(head: bytes) -> str | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    # The first entry's name is enough for Office files ([Content_Types].xml or word/...).
    name_length = int.from_bytes(head[26:28], "little")
    first = head[30 : 30 + name_length]
    if b"word/" in head[:4096] or first == b"[Content_Types].xml":
        if b"word/" in head:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if b"xl/" in head:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if b"ppt/" in head:
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    if first == b"mimetype" and b"opendocument.text" in head[:200]:
        return "application/vnd.oasis.opendocument.text"
    return _zip_listing(head) or "application/zip"


def _zip_listing(head: bytes) -> str | None:
    # A small zip may be whole in head: read its names properly.
    try:
        with zipfile.ZipFile(BytesIO(head)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return None


def _text(head: bytes) -> str | None:
    sample = head[:4096]
    if not sample or b"\x00" in sample:
        return None
    try:
        decoded = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(sample) - 4:
            return None
        decoded = sample[: exc.start].decode("utf-8")
    stripped = decoded.lstrip("\ufeff").lstrip().lower()
    if stripped.startswith(("<!doctype html", "<html")):
        return "text/html"
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in decoded)
    if decoded and printable / len(decoded) < 0.95:
        return None
    return "text/plain"


_CHECKS: tuple[Callable[[bytes], str | None], ...] = (
    _prefix,
    _riff,
    _ftyp,
    _zip_document,
    _mp3_frame,
    _text,
)


def extension_for(media_type: str) -> str:
    """A file name ending for a media type (for downloads named by item number)."""
    return _EXTENSIONS.get(media_type, ".bin")


_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "image/avif": ".avif",
    "image/tiff": ".tif",
    "image/bmp": ".bmp",
    "application/pdf": ".pdf",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/wav": ".wav",
    "audio/ogg": ".ogg",
    "audio/flac": ".flac",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "video/3gpp": ".3gp",
    "video/x-msvideo": ".avi",
    "text/plain": ".txt",
    "text/html": ".html",
    "application/rtf": ".rtf",
    "application/zip": ".zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
}
