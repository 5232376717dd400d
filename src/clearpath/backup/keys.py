"""Who can open a backup: the content key wrapped in the backup's header.

Every backup has its own random 32-byte content key. The header holds it wrapped, in one or
two ways:

- ``vault``: wrapped with AES-256-GCM under the vault's backup subkey (HKDF-SHA256 of the data
  key, purpose "backup", the same as Vault.subkey("backup")). The header also carries a copy
  of the vault's key slots from keys.json (wrapped data keys, nothing secret). So the backup
  opens with the passphrase or the recovery code the vault had when it was made, without any
  vault being unlocked: Argon2id opens the copied slot, giving the data key, which gives the
  subkey, which opens the content key.
- ``backup-passphrase`` (optional): wrapped under a key derived with Argon2id from a separate
  passphrase the person chose for this backup.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clearpath.backup.errors import BackupDamaged, BackupSecretWrong
from clearpath.settings import KdfParams
from clearpath.vault import keyslots, recovery
from clearpath.vault.keyslots import KeySlot, SlotFormatError

VAULT = "vault"
BACKUP_PASSPHRASE = "backup-passphrase"  # noqa: S105 - a slot kind, not a secret
SUBKEY_PURPOSE = "backup"


def new_content_key() -> bytes:
    return secrets.token_bytes(32)


def subkey_from_data_key(data_key: bytes | bytearray) -> bytes:
    """Vault.subkey("backup") computed from a data key (tests check the two agree)."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"clearpath subkey v1: " + SUBKEY_PURPOSE.encode("utf-8"),
    ).derive(bytes(data_key))


def _aad(kind: str) -> bytes:
    return f"clearpath-backup-v1:{kind}".encode()


def _seal(wrapping_key: bytes, content_key: bytes, kind: str) -> tuple[str, str]:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(wrapping_key).encrypt(nonce, content_key, _aad(kind))
    return _b64(nonce), _b64(sealed)


def vault_slot(
    backup_subkey: bytes, vault_slots: tuple[KeySlot, ...], content_key: bytes
) -> dict[str, Any]:
    """The header slot that opens with the vault's passphrase or recovery code."""
    nonce, wrapped = _seal(backup_subkey, content_key, VAULT)
    return {
        "kind": VAULT,
        "vault_slots": [slot.to_json() for slot in vault_slots],
        "nonce": nonce,
        "wrapped_key": wrapped,
    }


def passphrase_slot(passphrase: str, content_key: bytes, kdf: KdfParams) -> dict[str, Any]:
    """The header slot that opens with a separate backup passphrase."""
    salt = secrets.token_bytes(keyslots.SALT_BYTES)
    nonce, wrapped = _seal(keyslots.derive(passphrase, salt, kdf), content_key, BACKUP_PASSPHRASE)
    return {
        "kind": BACKUP_PASSPHRASE,
        "kdf": {
            "name": "argon2id",
            "time_cost": kdf.time_cost,
            "memory_cost_kib": kdf.memory_cost,
            "parallelism": kdf.parallelism,
            "salt": _b64(salt),
        },
        "nonce": nonce,
        "wrapped_key": wrapped,
    }


@dataclass(frozen=True)
class Opened:
    """The content key, and the vault's data key when a vault secret opened it (so the
    restored database can be checked before the old vault is let go)."""

    content_key: bytes
    data_key: bytearray | None


def open_content_key(header: dict[str, Any], secret: str) -> Opened:
    """Try ``secret`` as the vault passphrase, the recovery code and the backup passphrase."""
    slots = header.get("slots")
    if not isinstance(slots, list) or not slots:
        raise BackupDamaged("its header has been changed")
    try:
        for slot in slots:
            opened = _try_slot(slot, secret)
            if opened is not None:
                return opened
    except (KeyError, TypeError, ValueError, SlotFormatError) as exc:
        raise BackupDamaged("its header has been changed") from exc
    raise BackupSecretWrong()


def _try_slot(slot: dict[str, Any], secret: str) -> Opened | None:
    kind = slot["kind"]
    if kind == BACKUP_PASSPHRASE:
        kdf = slot["kdf"]
        params = KdfParams(
            time_cost=int(kdf["time_cost"]),
            memory_cost=int(kdf["memory_cost_kib"]),
            parallelism=int(kdf["parallelism"]),
        )
        key = keyslots.derive(secret, _unb64(kdf["salt"]), params)
        content = _unseal(key, slot, kind)
        return Opened(content, None) if content is not None else None
    if kind != VAULT:
        return None
    for raw in slot["vault_slots"]:
        vault_slot_ = KeySlot.from_json(raw)
        attempt = secret
        if vault_slot_.kind == keyslots.RECOVERY:
            attempt = recovery.normalize(secret)
            if not recovery.is_well_formed(attempt):
                continue  # not a recovery code: no Argon2 spent on it
        data_key = keyslots.unwrap(vault_slot_, attempt)
        if data_key is None:
            continue
        content = _unseal(subkey_from_data_key(data_key), slot, kind)
        if content is None:
            raise BackupDamaged("its header has been changed")
        return Opened(content, data_key)
    return None


def _unseal(key: bytes, slot: dict[str, Any], kind: str) -> bytes | None:
    try:
        return AESGCM(key).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped_key"]), _aad(kind))
    except InvalidTag:
        return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)
