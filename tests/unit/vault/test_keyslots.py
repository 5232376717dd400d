"""Key slots: the data key wrapped under Argon2id + AES-256-GCM, bound to the slot's kind."""

from __future__ import annotations

import dataclasses

import pytest

from clearpath.settings import TESTING_KDF, KdfParams
from clearpath.vault import keyslots
from clearpath.vault.keyslots import KeySlot, SlotFormatError

SECRET = "harbour lantern quietly cobalt meadow"


@pytest.fixture
def data_key() -> bytearray:
    return keyslots.new_data_key()


def test_data_key_is_32_random_bytes(data_key: bytearray) -> None:
    assert len(data_key) == 32
    assert keyslots.new_data_key() != data_key


def test_wrap_then_unwrap_returns_the_data_key(data_key: bytearray) -> None:
    slot = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF)
    assert keyslots.unwrap(slot, SECRET) == data_key
    assert bytes(data_key) not in slot.wrapped_key


def test_wrong_secret_gives_none(data_key: bytearray) -> None:
    slot = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF)
    assert keyslots.unwrap(slot, SECRET + " ") is None
    assert keyslots.unwrap(slot, "") is None


def test_slot_kind_is_bound_into_the_ciphertext(data_key: bytearray) -> None:
    passphrase_slot = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF)
    relabelled = dataclasses.replace(passphrase_slot, kind=keyslots.RECOVERY)
    assert keyslots.unwrap(relabelled, SECRET) is None


def test_tampered_wrapped_key_gives_none(data_key: bytearray) -> None:
    slot = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF)
    flipped = bytes([slot.wrapped_key[0] ^ 1]) + slot.wrapped_key[1:]
    assert keyslots.unwrap(dataclasses.replace(slot, wrapped_key=flipped), SECRET) is None


def test_each_wrap_has_fresh_salt_and_nonce(data_key: bytearray) -> None:
    one = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF)
    two = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF)
    assert one.salt != two.salt
    assert one.nonce != two.nonce
    assert one.wrapped_key != two.wrapped_key


def test_slot_carries_its_own_kdf_parameters(data_key: bytearray) -> None:
    # Parameters can be raised later: an old slot still opens with the parameters it stores.
    stronger = KdfParams(time_cost=2, memory_cost=16 * 1024, parallelism=2)
    slot = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, stronger)
    assert slot.kdf == stronger
    restored = KeySlot.from_json(slot.to_json())
    assert restored == slot
    assert keyslots.unwrap(restored, SECRET) == data_key


def test_json_names_the_methods(data_key: bytearray) -> None:
    raw = keyslots.wrap(keyslots.RECOVERY, SECRET, data_key, TESTING_KDF).to_json()
    assert raw["kind"] == "recovery"
    assert raw["cipher"] == "aes-256-gcm"
    assert raw["kdf"]["name"] == "argon2id"
    assert raw["kdf"]["memory_cost_kib"] == TESTING_KDF.memory_cost


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.update(kind="fingerprint"), "unknown kind"),
        (lambda raw: raw.update(cipher="aes-128-cbc"), "unknown method"),
        (lambda raw: raw["kdf"].update(name="scrypt"), "unknown method"),
        (lambda raw: raw.pop("nonce"), "incomplete"),
        (lambda raw: raw["kdf"].update(time_cost="three"), "incomplete"),
        (lambda raw: raw.update(wrapped_key="not base64!"), "incomplete"),
        (lambda raw: raw.update(nonce=12), "not text"),
    ],
)
def test_damaged_slot_json_is_refused_with_a_reason(
    data_key: bytearray, change: object, message: str
) -> None:
    raw = keyslots.wrap(keyslots.PASSPHRASE, SECRET, data_key, TESTING_KDF).to_json()
    assert callable(change)
    change(raw)
    with pytest.raises(SlotFormatError, match=message):
        KeySlot.from_json(raw)


def test_slot_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(SlotFormatError, match="not an object"):
        KeySlot.from_json(["passphrase"])
