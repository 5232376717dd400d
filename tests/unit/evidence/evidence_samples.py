"""Small sample files made in memory for the evidence tests."""

from __future__ import annotations

import io

from PIL import Image


def jpeg_with_gps(colour: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A JPEG photo whose EXIF names a camera, a date taken and a GPS position."""
    image = Image.new("RGB", (64, 48), colour)
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"
    exif[0x0110] = "Model 7"
    exif[0x8769] = {0x9003: "2026:11:02 21:15:00"}
    exif[0x8825] = {1: "N", 2: (52.0, 30.0, 36.0), 3: "W", 4: (1.0, 15.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png(size: tuple[int, int] = (30, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 120, 60)).save(out, "PNG")
    return out.getvalue()


def wav(seconds: float = 1.5, rate: int = 8000) -> bytes:
    import wave

    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(rate)
        writer.writeframes(b"\x80" * int(seconds * rate))
    return out.getvalue()
