"""keys.json: round trip, and a clear KeyFileDamaged for every way it can be broken."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clearpath.settings import TESTING_KDF
from clearpath.vault import keyslots
from clearpath.vault.errors import KeyFileDamaged
from clearpath.vault.keyfile import FailureRecord, KeyFile, read_keyfile, write_keyfile
from clearpath.vault.preferences import Preferences


@pytest.fixture
def keyfile() -> KeyFile:
    key = keyslots.new_data_key()
    return KeyFile(
        slots=(
            keyslots.wrap(keyslots.PASSPHRASE, "a passphrase", key, TESTING_KDF),
            keyslots.wrap(keyslots.RECOVERY, "A" * 28, key, TESTING_KDF),
        ),
        failures=FailureRecord(count=2, last_at=1234.5),
        preferences=Preferences(page_title="Recipes", idle_minutes=5),
        created_at="2026-11-24T10:00:00+00:00",
    )


def _doc(keyfile: KeyFile) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(keyfile.to_bytes())
    return doc


def _damaged(doc: object) -> bytes:
    return json.dumps(doc).encode()


def test_round_trip(keyfile: KeyFile, tmp_path: Path) -> None:
    assert KeyFile.from_bytes(keyfile.to_bytes()) == keyfile
    path = tmp_path / "keys.json"
    write_keyfile(path, keyfile)
    assert read_keyfile(path) == keyfile
    assert path.stat().st_mode & 0o777 == 0o600


def test_file_has_format_and_kind(keyfile: KeyFile) -> None:
    doc = _doc(keyfile)
    assert doc["format"] == 1
    assert doc["kind"] == "clearpath-keys"


def test_slot_lookup_and_replacement(keyfile: KeyFile) -> None:
    passphrase_slot = keyfile.slot(keyslots.PASSPHRASE)
    assert passphrase_slot is not None
    new = keyslots.wrap(keyslots.PASSPHRASE, "other", keyslots.new_data_key(), TESTING_KDF)
    changed = keyfile.with_slot(new)
    assert changed.slot(keyslots.PASSPHRASE) == new
    assert changed.slot(keyslots.RECOVERY) == keyfile.slot(keyslots.RECOVERY)
    assert len(changed.slots) == 2


def _assert_damaged(data: bytes, detail: str) -> None:
    with pytest.raises(KeyFileDamaged) as caught:
        KeyFile.from_bytes(data)
    message = caught.value.message
    assert message.startswith("The key file (keys.json) cannot be read: ")
    assert detail in message
    assert "Nothing was changed." in message


@pytest.mark.parametrize("data", [b"{not json", b"", b"\xff\xfe\x00garbage", b'{"a": 1'])
def test_not_json(data: bytes) -> None:
    _assert_damaged(data, "it is not valid JSON")


@pytest.mark.parametrize("doc", [[], "keys", {"format": 1, "kind": "something-else"}, {}])
def test_wrong_kind(doc: object) -> None:
    _assert_damaged(_damaged(doc), "it is not a Clearpath key file")


def test_unknown_format(keyfile: KeyFile) -> None:
    doc = _doc(keyfile)
    doc["format"] = 2
    _assert_damaged(_damaged(doc), "it has format 2, and this version reads format 1")


def test_no_slots(keyfile: KeyFile) -> None:
    doc = _doc(keyfile)
    doc["slots"] = []
    _assert_damaged(_damaged(doc), "it holds no key slots")


def test_slots_missing(keyfile: KeyFile) -> None:
    doc = _doc(keyfile)
    del doc["slots"]
    _assert_damaged(_damaged(doc), "its key slots are missing")


def test_damaged_slot(keyfile: KeyFile) -> None:
    doc = _doc(keyfile)
    doc["slots"][0]["kind"] = "fingerprint"
    _assert_damaged(_damaged(doc), "a key slot has an unknown kind")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KeyFileDamaged, match="the file is missing"):
        read_keyfile(tmp_path / "keys.json")


def test_garbled_counter_and_preferences_do_not_block_unlocking(keyfile: KeyFile) -> None:
    doc = _doc(keyfile)
    doc["unlock_failures"] = {"count": "many", "last_at": None}
    doc["preferences"] = {"page_title": "", "idle_minutes": "forever"}
    read = KeyFile.from_bytes(_damaged(doc))
    assert read.failures == FailureRecord()
    assert read.preferences == Preferences()
    assert read.slots == keyfile.slots


def test_failure_record_knows_the_wait_left() -> None:
    assert FailureRecord().seconds_left(5000.0) == 0
    assert FailureRecord(count=4, last_at=1000.0).seconds_left(1000.0) == 0
    record = FailureRecord(count=5, last_at=1000.0)
    assert record.seconds_left(1000.0) == 10
    assert record.seconds_left(1004.0) == 6
    assert record.seconds_left(1010.0) == 0
    assert record.seconds_left(900.0) == 10  # a clock that went backwards
