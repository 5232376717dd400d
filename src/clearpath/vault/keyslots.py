"""Key slots: the vault's data key wrapped by keys derived from secrets the person holds.

A random 32-byte data key is SQLCipher's raw key. Each slot wraps it with AES-256-GCM under a
key derived by Argon2id from the passphrase or the recovery code. The Argon2 parameters and
salt are stored in the slot, so they can be raised later by rewrapping. The slot kind is bound
into the GCM associated data so a slot cannot be moved to another role.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clearpath.settings import KdfParams

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
PASSPHRASE = "passphrase"  # noqa: S105 - a slot kind, not a secret
RECOVERY = "recovery"
SLOT_KINDS = (PASSPHRASE, RECOVERY)


class SlotFormatError(ValueError):
    """A slot in keys.json has a shape this version cannot read."""


@dataclass(frozen=True)
class KeySlot:
    """The data key wrapped under one secret, with everything needed to unwrap it again."""

    kind: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": {
                "name": "argon2id",
                "time_cost": self.kdf.time_cost,
                "memory_cost_kib": self.kdf.memory_cost,
                "parallelism": self.kdf.parallelism,
                "salt": _b64(self.salt),
            },
            "cipher": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, raw: object) -> KeySlot:
        try:
            if not isinstance(raw, dict):
                raise SlotFormatError("a key slot is not an object")
            kdf = raw["kdf"]
            if kdf["name"] != "argon2id" or raw["cipher"] != "aes-256-gcm":
                raise SlotFormatError("a key slot uses an unknown method")
            if raw["kind"] not in SLOT_KINDS:
                raise SlotFormatError("a key slot has an unknown kind")
            params = KdfParams(
                time_cost=int(kdf["time_cost"]),
                memory_cost=int(kdf["memory_cost_kib"]),
                parallelism=int(kdf["parallelism"]),
            )
            return cls(
                kind=str(raw["kind"]),
                kdf=params,
                salt=_unb64(kdf["salt"]),
                nonce=_unb64(raw["nonce"]),
                wrapped_key=_unb64(raw["wrapped_key"]),
            )
        except SlotFormatError:
            raise  # already says what is wrong (it is a ValueError, so it must come first)
        except (KeyError, TypeError, ValueError) as exc:
            raise SlotFormatError("a key slot is incomplete") from exc


def new_data_key() -> bytearray:
    """A new random data key, in a bytearray so it can be zeroed when the vault locks."""
    return bytearray(secrets.token_bytes(DATA_KEY_BYTES))


def derive(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    """The 32-byte wrapping key for ``secret``: Argon2id with the slot's salt and parameters."""
    return hash_secret_raw(
        secret=secret.encode("utf-8"),
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _aad(kind: str) -> bytes:
    return f"clearpath-keyslot-v1:{kind}".encode()


def wrap(kind: str, secret: str, data_key: bytes | bytearray, kdf: KdfParams) -> KeySlot:
    """A new slot that opens ``data_key`` with ``secret``."""
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapping_key = derive(secret, salt, kdf)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, bytes(data_key), _aad(kind))
    return KeySlot(kind=kind, kdf=kdf, salt=salt, nonce=nonce, wrapped_key=wrapped)


def unwrap(slot: KeySlot, secret: str) -> bytearray | None:
    """The data key, or None when ``secret`` does not open this slot."""
    wrapping_key = derive(secret, slot.salt, slot.kdf)
    try:
        opened = AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped_key, _aad(slot.kind))
        return bytearray(opened)
    except InvalidTag:
        return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise SlotFormatError("a key slot field is not text")
    return base64.b64decode(text.encode("ascii"), validate=True)
