"""The chunked file format: what goes in comes out, and any change is refused."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearpath.evidence.filestore import HEADER, NONCE, TAG, DamagedFile, FileStore

CHUNK = 64  # tiny chunks, so small examples have many of them
RECORD = NONCE + CHUNK + TAG
KEY = bytes(range(32))


def _store(tmp: Path) -> FileStore:
    return FileStore(tmp / "files", KEY, chunk_size=CHUNK)


def _put(store: FileStore, data: bytes, pieces: int = 3) -> tuple[str, bytes]:
    with store.writer() as writer:
        step = max(1, len(data) // pieces)
        for start in range(0, len(data), step):
            writer.write(data[start : start + step])
        stored = writer.finish()
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data)
    return stored.stored_name, stored.wrapped_key


def _read(store: FileStore, name: str, wrapped: bytes) -> bytes:
    return b"".join(store.chunks(name, wrapped))


_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(data=st.binary(max_size=700), pieces=st.integers(1, 9))
def test_round_trip(tmp_path: Path, data: bytes, pieces: int) -> None:
    store = _store(tmp_path)
    name, wrapped = _put(store, data, pieces)
    assert _read(store, name, wrapped) == data
    with store.reader(name, wrapped) as reader:
        assert reader.size == len(data)
        buffered = io.BufferedReader(reader, 50)
        buffered.seek(len(data) // 2)
        assert buffered.read() == data[len(data) // 2 :]


@_SETTINGS
@given(
    data=st.binary(min_size=1, max_size=400), where=st.integers(0, 10_000), bit=st.integers(0, 7)
)
def test_any_flipped_bit_is_refused(tmp_path: Path, data: bytes, where: int, bit: int) -> None:
    store = _store(tmp_path)
    name, wrapped = _put(store, data)
    path = store.path_of(name)
    raw = bytearray(path.read_bytes())
    raw[where % len(raw)] ^= 1 << bit
    path.write_bytes(bytes(raw))
    with pytest.raises(DamagedFile):
        _read(store, name, wrapped)


@_SETTINGS
@given(data=st.binary(min_size=CHUNK * 2 + 1, max_size=CHUNK * 6), cut=st.integers(1, 10_000))
def test_truncation_anywhere_is_refused(tmp_path: Path, data: bytes, cut: int) -> None:
    store = _store(tmp_path)
    name, wrapped = _put(store, data)
    path = store.path_of(name)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 1 - cut % (len(raw) - 1)])
    with pytest.raises(DamagedFile):
        _read(store, name, wrapped)


@_SETTINGS
@given(data=st.binary(min_size=CHUNK * 3, max_size=CHUNK * 6), extra=st.binary(min_size=1))
def test_appended_data_or_a_whole_dropped_chunk_is_refused(
    tmp_path: Path, data: bytes, extra: bytes
) -> None:
    store = _store(tmp_path)
    name, wrapped = _put(store, data)
    path = store.path_of(name)
    raw = path.read_bytes()
    path.write_bytes(raw + extra)
    with pytest.raises(DamagedFile):
        _read(store, name, wrapped)
    # The last chunk dropped exactly at a chunk boundary.
    whole = (len(raw) - HEADER.size) // RECORD * RECORD
    path.write_bytes(raw[: HEADER.size + whole - RECORD])
    with pytest.raises(DamagedFile):
        _read(store, name, wrapped)


@_SETTINGS
@given(
    data=st.binary(min_size=CHUNK * 3, max_size=CHUNK * 5),
    pair=st.sampled_from([(0, 1), (0, 2), (1, 2)]),
)
def test_reordered_chunks_are_refused(tmp_path: Path, data: bytes, pair: tuple[int, int]) -> None:
    first, second = pair
    store = _store(tmp_path)
    name, wrapped = _put(store, data)
    path = store.path_of(name)
    raw = path.read_bytes()
    chunks = [raw[HEADER.size + i * RECORD : HEADER.size + (i + 1) * RECORD] for i in range(3)]
    chunks[first], chunks[second] = chunks[second], chunks[first]
    path.write_bytes(raw[: HEADER.size] + b"".join(chunks) + raw[HEADER.size + 3 * RECORD :])
    with pytest.raises(DamagedFile):
        _read(store, name, wrapped)


def test_a_chunk_from_another_file_or_a_swapped_file_is_refused(tmp_path: Path) -> None:
    store = _store(tmp_path)
    data = os.urandom(CHUNK * 3)
    a, a_key = _put(store, data)
    b, b_key = _put(store, data)
    raw_a = store.path_of(a).read_bytes()
    raw_b = store.path_of(b).read_bytes()
    spliced = raw_a[: HEADER.size + RECORD] + raw_b[HEADER.size + RECORD :]
    store.path_of(a).write_bytes(spliced)
    with pytest.raises(DamagedFile):
        _read(store, a, a_key)
    # b's bytes under a's name (and a's key): the header's file id gives it away.
    store.path_of(a).write_bytes(raw_b)
    with pytest.raises(DamagedFile, match="swapped"):
        _read(store, a, a_key)
    with pytest.raises(DamagedFile, match="key"):
        store.reader(a, b_key)


def test_empty_file_and_exact_multiples(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for data in (b"", b"x" * CHUNK, b"y" * CHUNK * 2):
        name, wrapped = _put(store, data)
        size = store.path_of(name).stat().st_size
        chunks = max(1, -(-len(data) // CHUNK))
        assert size == HEADER.size + len(data) + chunks * (NONCE + TAG)
        assert _read(store, name, wrapped) == data


def test_an_aborted_write_leaves_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with store.writer() as writer:
        writer.write(b"half of something")
    assert list((tmp_path / "files").iterdir()) == []
