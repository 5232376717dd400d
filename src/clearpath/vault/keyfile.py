"""keys.json: the key slots, the unlock-failure counter and the display preferences.

Nothing secret is stored here: slots hold only wrapped keys. The file has a format version and
is always replaced atomically, so a crash never leaves it half-written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clearpath.vault import throttle
from clearpath.vault.atomic import write_atomic
from clearpath.vault.errors import KeyFileDamaged
from clearpath.vault.keyslots import KeySlot, SlotFormatError
from clearpath.vault.preferences import Preferences

FORMAT = 1
MAGIC = "clearpath-keys"


@dataclass(frozen=True)
class FailureRecord:
    """Wrong secrets in a row, and when the last one was tried (seconds since the epoch)."""

    count: int = 0
    last_at: float = 0.0

    def seconds_left(self, now: float) -> int:
        """Seconds the next try must still wait at ``now`` (0 when it may go ahead)."""
        return throttle.seconds_left(self.count, self.last_at, now)


@dataclass(frozen=True)
class KeyFile:
    """Everything keys.json holds; changed by making a new one (it is frozen)."""

    slots: tuple[KeySlot, ...]
    failures: FailureRecord = field(default_factory=FailureRecord)
    preferences: Preferences = field(default_factory=Preferences)
    created_at: str = ""

    def slot(self, kind: str) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind), None)

    def with_slot(self, new: KeySlot) -> KeyFile:
        others = tuple(s for s in self.slots if s.kind != new.kind)
        return replace(self, slots=(*others, new))

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "kind": MAGIC,
            "created_at": self.created_at,
            "slots": [s.to_json() for s in self.slots],
            "unlock_failures": {"count": self.failures.count, "last_at": self.failures.last_at},
            "preferences": self.preferences.to_json(),
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileDamaged("it is not valid JSON") from exc
        if not isinstance(doc, dict) or doc.get("kind") != MAGIC:
            raise KeyFileDamaged("it is not a Clearpath key file")
        if doc.get("format") != FORMAT:
            raise KeyFileDamaged(
                f"it has format {doc.get('format')!r}, and this version reads format {FORMAT}"
            )
        try:
            slots = tuple(KeySlot.from_json(raw) for raw in doc["slots"])
        except SlotFormatError as exc:
            raise KeyFileDamaged(str(exc)) from exc
        except (KeyError, TypeError) as exc:
            raise KeyFileDamaged("its key slots are missing") from exc
        if not slots:
            raise KeyFileDamaged("it holds no key slots")
        raw_fail = doc.get("unlock_failures") or {}
        try:
            failures = FailureRecord(
                count=int(raw_fail.get("count", 0)), last_at=float(raw_fail.get("last_at", 0))
            )
        except (TypeError, ValueError, AttributeError):
            failures = FailureRecord()
        return cls(
            slots=slots,
            failures=failures,
            preferences=Preferences.from_json(doc.get("preferences")),
            created_at=str(doc.get("created_at", "")),
        )


def read_keyfile(path: Path) -> KeyFile:
    """keys.json at ``path``; KeyFileDamaged (saying why) when it is missing or unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise KeyFileDamaged("the file is missing") from exc
    except OSError as exc:
        raise KeyFileDamaged(f"it could not be opened ({exc.strerror})") from exc
    return KeyFile.from_bytes(data)


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Replace keys.json atomically (DiskFull when there is no room; the old file stays)."""
    write_atomic(path, keyfile.to_bytes())
