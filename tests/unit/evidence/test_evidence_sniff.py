"""Media types come from the content, never from the name."""

from __future__ import annotations

import io
import zipfile

import pytest

from clearpath.evidence.sniff import OCTET, extension_for, sniff


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic"),
        (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42", "audio/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "video/quicktime"),
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2mp41", "video/mp4"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"ID3\x04\x00\x00", "audio/mpeg"),
        (b"\xff\xfb\x90\x00", "audio/mpeg"),
        (b"OggS\x00\x02", "audio/ogg"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86", "video/webm"),
        ("Hello, this is a note — ünïcode.\n".encode(), "text/plain"),
        (_docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (b"\x00\x01\x02\x03binary", OCTET),
        (b"", OCTET),
    ],
)
def test_sniff(head: bytes, expected: str) -> None:
    assert sniff(head) == expected


def test_a_multibyte_character_cut_at_the_end_is_still_text() -> None:
    head = ("é" * 3000).encode()[:4095]
    assert sniff(head) == "text/plain"


def test_extensions() -> None:
    assert extension_for("image/jpeg") == ".jpg"
    assert extension_for("application/x-unknown") == ".bin"
