"""Signed checkpoints of the evidence log in the C2SP signed-note / tlog-checkpoint format.

A checkpoint body is three lines (plus optional extension lines)::

    clearpath.local/evidence/3f2a9c01      <- origin: names this log
    42                                     <- tree size, decimal
    qUu1dPDnx9v...=                        <- root hash, standard base64

A signed note is that body, a blank line, then one signature line per key::

    — clearpath.local/evidence/3f2a9c01 AbCdEf...=

where the base64 carries the 4-byte key id followed by the 64-byte Ed25519 signature over
the body (including its final newline). The key id is the first four bytes of
SHA-256(key name || 0x0A || 0x01 || public key), as the signed-note specification recommends,
and a verifier key is written ``name+hex(key id)+base64(0x01 || public key)``.

Everything here is pure: keys come in as bytes (the vault derives the signing seed with
``vault.subkey(...)``), text goes out as ``str``. Malformed input raises ``NoteError`` with a
calm sentence that can be shown as is.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "ED25519",
    "Checkpoint",
    "NoteError",
    "NoteSigner",
    "NoteVerifier",
    "format_checkpoint",
    "key_id",
    "open_note",
    "parse_checkpoint",
    "sign_checkpoint",
    "sign_note",
    "verify_checkpoint",
]

ED25519 = 0x01
SIGNATURE_PREFIX = "\u2014 "  # em dash, space
MAX_NOTE_BYTES = 1 << 20
MAX_SIGNATURES = 100


class NoteError(ValueError):
    """A note or checkpoint that cannot be read or does not carry a valid signature."""


def key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte key id: SHA-256(name || 0x0A || 0x01 || public key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([ED25519]) + public_key).digest()[:4]


def _b64decode(text: str) -> bytes:
    """Strict standard base64: only the one canonical spelling of the bytes is accepted."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        raise NoteError("A value in the note does not decode as base64.") from None
    if base64.b64encode(raw).decode() != text:
        raise NoteError("A value in the note is not in canonical base64.")
    return raw


def _check_name(name: str) -> None:
    if not name or "+" in name or any(ch.isspace() for ch in name):
        raise NoteError("A key name must be non-empty, without spaces or '+'.")
    if any(ord(ch) < 0x20 for ch in name):
        raise NoteError("A key name cannot hold control characters.")


@dataclass(frozen=True)
class NoteSigner:
    """An Ed25519 signing key with its name (usually the log's origin)."""

    name: str
    private_key: Ed25519PrivateKey

    @classmethod
    def from_seed(cls, name: str, seed: bytes) -> NoteSigner:
        """A signer from a 32-byte seed, e.g. ``vault.subkey("evidence-log-signing")``."""
        _check_name(name)
        if len(seed) != 32:
            raise NoteError("A signing seed is 32 bytes.")
        return cls(name, Ed25519PrivateKey.from_private_bytes(seed))

    @property
    def public_key(self) -> bytes:
        """The raw 32-byte public key."""
        return self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def key_id(self) -> bytes:
        """This key's 4-byte id."""
        return key_id(self.name, self.public_key)

    def verifier(self) -> NoteVerifier:
        """The matching verifier."""
        return NoteVerifier(self.name, self.key_id, self.public_key)

    def signature_line(self, text: str) -> str:
        """One signature line (with its newline) over the note text."""
        signature = self.private_key.sign(text.encode())
        blob = base64.b64encode(self.key_id + signature).decode()
        return f"{SIGNATURE_PREFIX}{self.name} {blob}\n"


@dataclass(frozen=True)
class NoteVerifier:
    """A public key that can check signature lines made by its ``NoteSigner``."""

    name: str
    key_id: bytes
    public_key: bytes

    @classmethod
    def parse(cls, vkey: str) -> NoteVerifier:
        """Read a verifier key ``name+hex(id)+base64(0x01||public key)``."""
        parts = vkey.strip().split("+", 2)
        if len(parts) != 3:
            raise NoteError("The verifier key is not in the form name+id+key.")
        name, hex_id, b64 = parts
        _check_name(name)
        if len(hex_id) != 8 or any(ch not in "0123456789abcdef" for ch in hex_id):
            raise NoteError("The verifier key's id is not eight hexadecimal digits.")
        kid = bytes.fromhex(hex_id)
        raw = _b64decode(b64)
        if len(kid) != 4 or len(raw) != 33 or raw[0] != ED25519:
            raise NoteError("The verifier key is not an Ed25519 key of the expected length.")
        if key_id(name, raw[1:]) != kid:
            raise NoteError("The verifier key's id does not match its name and key.")
        return cls(name, kid, raw[1:])

    def text(self) -> str:
        """This verifier key as text, to print and share."""
        blob = base64.b64encode(bytes([ED25519]) + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{blob}"

    def check(self, text: str, signature: bytes) -> bool:
        """True when ``signature`` (64 bytes) is this key's Ed25519 signature of ``text``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, text.encode())
        except (InvalidSignature, ValueError):
            return False
        return True


def sign_note(text: str, *signers: NoteSigner) -> str:
    """The signed note: ``text`` (ending in a newline), a blank line, one line per signer."""
    _check_text(text)
    if not signers:
        raise NoteError("A note needs at least one signer.")
    return text + "\n" + "".join(s.signature_line(text) for s in signers)


def _check_text(text: str) -> None:
    if not text.endswith("\n"):
        raise NoteError("The note text must end with a newline.")
    if "\n\n" in text:
        raise NoteError("The note text cannot hold a blank line.")
    if any(ord(ch) < 0x20 and ch != "\n" for ch in text):
        raise NoteError("The note text cannot hold control characters.")


def open_note(note: str, verifier: NoteVerifier) -> str:
    """Check a signed note against ``verifier`` and return its text.

    Signature lines from other keys are ignored, as the specification asks; a line from this
    key (same name and key id) with a signature that does not verify makes the whole note
    untrusted. Raises ``NoteError`` with a plain sentence when anything is wrong.
    """
    if len(note.encode()) > MAX_NOTE_BYTES:
        raise NoteError("The note is too large to be a checkpoint.")
    if any(ord(ch) < 0x20 and ch != "\n" for ch in note):
        raise NoteError("The note holds control characters.")
    split = note.rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        raise NoteError("The note has no signature block after a blank line.")
    text = note[: split + 1]
    lines = note[split + 2 :].splitlines()
    if not lines or len(lines) > MAX_SIGNATURES:
        raise NoteError("The note has no signature lines, or too many.")
    found = False
    for line in lines:
        name, blob = _parse_signature_line(line)
        if name != verifier.name or blob[:4] != verifier.key_id:
            continue
        if not verifier.check(text, blob[4:]):
            raise NoteError("The signature does not match the checkpoint: it was changed.")
        found = True
    if not found:
        raise NoteError(f"The note is not signed by the key {verifier.name}.")
    return text


def _parse_signature_line(line: str) -> tuple[str, bytes]:
    if not line.startswith(SIGNATURE_PREFIX):
        raise NoteError("A signature line does not start with an em dash and a space.")
    fields = line[len(SIGNATURE_PREFIX) :].split(" ")
    if len(fields) != 2:
        raise NoteError("A signature line is not a key name and a signature.")
    name, b64 = fields
    _check_name(name)
    blob = _b64decode(b64)
    if len(blob) != 4 + 64:
        raise NoteError("A signature line has the wrong length for Ed25519.")
    return name, blob


@dataclass(frozen=True)
class Checkpoint:
    """A log state: its origin, how many leaves, the root hash, and any extension lines."""

    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()

    def text(self) -> str:
        """The checkpoint body as a note text (ends with a newline)."""
        return format_checkpoint(self)


def format_checkpoint(checkpoint: Checkpoint) -> str:
    """The checkpoint body: origin, size and base64 root hash, each on its own line."""
    if not checkpoint.origin or any(ord(ch) < 0x20 for ch in checkpoint.origin):
        raise NoteError("A checkpoint needs an origin line without control characters.")
    if checkpoint.size < 0 or len(checkpoint.root_hash) != 32:
        raise NoteError("A checkpoint needs a size of zero or more and a 32-byte root hash.")
    for ext in checkpoint.extensions:
        if not ext or any(ord(ch) < 0x20 for ch in ext):
            raise NoteError("Checkpoint extension lines must be non-empty single lines.")
    lines = [
        checkpoint.origin,
        str(checkpoint.size),
        base64.b64encode(checkpoint.root_hash).decode(),
        *checkpoint.extensions,
    ]
    return "\n".join(lines) + "\n"


def parse_checkpoint(text: str) -> Checkpoint:
    """Read a checkpoint body (the text of a note, signatures already removed)."""
    if not text.endswith("\n"):
        raise NoteError("The checkpoint does not end with a newline.")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise NoteError("A checkpoint has at least three lines: origin, size and root hash.")
    origin, size_text, root_text, *extensions = lines
    if not origin:
        raise NoteError("The checkpoint's origin line is empty.")
    if not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise NoteError("The checkpoint's second line is not a tree size.")
    root_hash = _b64decode(root_text)
    if len(root_hash) != 32:
        raise NoteError("The checkpoint's root hash is not 32 bytes long.")
    if any(not ext for ext in extensions):
        raise NoteError("The checkpoint holds an empty line.")
    return Checkpoint(origin, int(size_text), root_hash, tuple(extensions))


def sign_checkpoint(checkpoint: Checkpoint, signer: NoteSigner) -> str:
    """The signed checkpoint note, ready to store or write into a bundle."""
    return sign_note(format_checkpoint(checkpoint), signer)


def verify_checkpoint(note: str, verifier: NoteVerifier) -> Checkpoint:
    """Check the signature and read the checkpoint; raises ``NoteError`` when anything is off."""
    return parse_checkpoint(open_note(note, verifier))
