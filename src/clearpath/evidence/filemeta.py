"""What a file says about itself: EXIF date taken, camera and GPS of photos; the length of
audio and video. Read from the decrypting reader, so no plain copy is ever made.

Any file a library cannot read simply has no such details; reading never changes it.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from typing import IO, Any

import mutagen
from PIL import Image, UnidentifiedImageError

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATE_TAKEN = 0x9003
_MAKE = 0x010F
_MODEL = 0x0110
_AV_PREFIXES = ("audio/", "video/")
_READ_ERRORS = (OSError, ValueError, SyntaxError, EOFError, UnidentifiedImageError)
MAX_THUMB = 480


def read_details(stream: IO[bytes], media_type: str) -> dict[str, Any]:
    """A small JSON-able dict of what could be read; keys: date_taken, camera, gps
    (latitude, longitude), width, height, duration_seconds."""
    details: dict[str, Any] = {}
    if media_type.startswith("image/"):
        details.update(_image_details(stream))
    elif media_type.startswith(_AV_PREFIXES):
        details.update(_av_details(stream))
    return details


def _image_details(stream: IO[bytes]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    try:
        stream.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(stream) as image:
                found["width"], found["height"] = image.size
                exif = image.getexif()
                taken = exif.get_ifd(_EXIF_IFD).get(_DATE_TAKEN)
                if isinstance(taken, str) and taken.strip():
                    found["date_taken"] = _exif_date(taken.strip("\x00 "))
                camera = " ".join(
                    str(exif.get(tag, "")).strip("\x00 ") for tag in (_MAKE, _MODEL)
                ).strip()
                if camera:
                    found["camera"] = camera
                gps = _gps(exif.get_ifd(_GPS_IFD))
                if gps:
                    found["gps"] = gps
    except _READ_ERRORS:
        return found
    return found


def _exif_date(text: str) -> str:
    # EXIF writes "2026:11:02 21:15:00"; shown (and kept) as "2026-11-02 21:15:00". The
    # original bytes still hold the EXIF form.
    if len(text) >= 10 and text[4] == ":" and text[7] == ":":
        return f"{text[:4]}-{text[5:7]}-{text[8:]}"
    return text


def _gps(ifd: dict[int, Any]) -> dict[str, float] | None:
    # 1/2 = latitude ref/value, 3/4 = longitude ref/value.
    try:
        lat = _degrees(ifd[2], str(ifd.get(1, "N")))
        lon = _degrees(ifd[4], str(ifd.get(3, "E")))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    return {"latitude": round(lat, 6), "longitude": round(lon, 6)}


def _degrees(value: Any, ref: str) -> float:
    d, m, s = (float(part) for part in value)
    result = d + m / 60 + s / 3600
    return -result if ref.strip("\x00 ").upper() in ("S", "W") else result


def _av_details(stream: IO[bytes]) -> dict[str, Any]:
    try:
        stream.seek(0)
        found = mutagen.File(stream)
    except Exception:  # noqa: BLE001 - mutagen raises many kinds; none may stop an upload
        return {}
    length = getattr(getattr(found, "info", None), "length", None)
    if isinstance(length, int | float) and length > 0:
        return {"duration_seconds": round(float(length), 1)}
    return {}


def thumbnail(stream: IO[bytes], size: int = MAX_THUMB) -> bytes | None:
    """A small JPEG of an image, made in memory (None when it cannot be read as one).
    It keeps no EXIF, so no GPS position travels with it."""
    try:
        stream.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(stream) as opened:
                opened.draft("RGB", (size, size))
                image: Image.Image = opened
                with contextlib.suppress(AttributeError):
                    image = _upright(opened)
                image.thumbnail((size, size))
                out = io.BytesIO()
                image.convert("RGB").save(out, "JPEG", quality=80)
                return out.getvalue()
    except (*_READ_ERRORS, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None


def _upright(image: Image.Image) -> Image.Image:
    from PIL import ImageOps

    return ImageOps.exif_transpose(image) or image
