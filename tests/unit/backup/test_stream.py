"""The encrypted stream: a round trip, and every kind of damage is refused."""

from __future__ import annotations

import io
import os
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearpath.backup import stream
from clearpath.backup.errors import BackupDamaged, BackupTooNew, NotABackup

KEY = bytes(range(32))
HEADER = {"kind": "clearpath-backup", "format": 1, "chunk_size": 64, "slots": []}


def seal(plain: bytes, chunk_size: int = 64, key: bytes = KEY) -> bytes:
    out = io.BytesIO()
    header = dict(HEADER, chunk_size=chunk_size)
    writer = stream.ChunkWriter(out, key, stream.encode_header(header), chunk_size)
    for start in range(0, len(plain), 50):
        writer.write(plain[start : start + 50])
    writer.close()
    return out.getvalue()


def unseal(data: bytes, key: bytes = KEY) -> bytes:
    source = io.BytesIO(data)
    header, header_bytes = stream.read_header(source)
    reader = stream.ChunkReader(source, key, header, header_bytes)
    out = reader.read()
    assert reader.at_end()
    return out


PLAIN = os.urandom(64 * 5 + 17)
SEALED = seal(PLAIN)


def chunk_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each length-prefixed chunk after the header."""
    (length,) = struct.unpack(">I", data[9:13])
    pos = 13 + length
    spans = []
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        spans.append((pos, pos + 4 + size))
        pos += 4 + size
    return spans


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 64 * 3, 1000])
def test_round_trip(size: int) -> None:
    plain = os.urandom(size)
    assert unseal(seal(plain)) == plain


def test_a_stream_of_exact_chunks_still_ends_with_a_final_chunk() -> None:
    sealed = seal(b"x" * 128)
    assert len(chunk_spans(sealed)) == 3  # two full chunks and an empty final one
    assert unseal(sealed) == b"x" * 128


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_changed_byte_is_refused(data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(SEALED) - 1))
    flip = data.draw(st.integers(1, 255))
    damaged = bytearray(SEALED)
    damaged[position] ^= flip
    with pytest.raises((BackupDamaged, NotABackup, BackupTooNew)):
        unseal(bytes(damaged))


@settings(max_examples=200)
@given(st.data())
def test_any_cut_or_missing_range_is_refused(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(SEALED) - 1))
    end = data.draw(st.integers(start + 1, len(SEALED)))
    with pytest.raises((BackupDamaged, NotABackup)):
        unseal(SEALED[:start] + SEALED[end:])


@pytest.mark.parametrize("cut", [1, 100, -1])
def test_a_cut_file_is_refused(cut: int) -> None:
    with pytest.raises((BackupDamaged, NotABackup)):
        unseal(SEALED[:cut])


def test_a_file_cut_exactly_after_a_chunk_is_refused() -> None:
    for _, end in chunk_spans(SEALED)[:-1]:
        with pytest.raises(BackupDamaged, match="cut short"):
            unseal(SEALED[:end])


def test_reordered_chunks_are_refused() -> None:
    spans = chunk_spans(SEALED)
    (a0, a1), (b0, b1) = spans[0], spans[1]
    swapped = SEALED[:a0] + SEALED[b0:b1] + SEALED[a0:a1] + SEALED[b1:]
    with pytest.raises(BackupDamaged, match="changed or moved"):
        unseal(swapped)


def test_a_dropped_middle_chunk_is_refused() -> None:
    start, end = chunk_spans(SEALED)[2]
    with pytest.raises(BackupDamaged):
        unseal(SEALED[:start] + SEALED[end:])


def test_bytes_after_the_end_are_refused() -> None:
    with pytest.raises(BackupDamaged, match="added after"):
        unseal(SEALED + b"\x00")


def test_a_chunk_from_another_backup_is_refused() -> None:
    other = seal(os.urandom(len(PLAIN)), key=os.urandom(32))  # every backup has its own key
    start, end = chunk_spans(SEALED)[1]
    with pytest.raises(BackupDamaged):
        unseal(SEALED[:start] + other[start:end] + SEALED[end:])


def test_the_wrong_key_is_refused() -> None:
    with pytest.raises(BackupDamaged):
        unseal(SEALED, key=bytes(32))


def test_not_a_backup_and_too_new() -> None:
    with pytest.raises(NotABackup):
        unseal(b"PK\x03\x04 a zip file")
    newer = bytearray(SEALED)
    newer[8] = 9
    with pytest.raises(BackupTooNew):
        unseal(bytes(newer))
