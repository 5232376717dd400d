"""The backup area's services: choices, the list of backups made, the reminder, and making a
backup into the chosen folder with rotation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.backup.making import Made, ProgressFn, rotate, write_backup
from clearpath.backup.models import BackupRecord, BackupSettings
from clearpath.vault.service import Vault

MAX_FOLDER = 1000
MAX_KEEP = 100
MAX_REMIND_DAYS = 365
KINDS = ("folder", "download", "trusted", "command")


class ChoiceError(ValueError):
    """A backup choice a person typed cannot be used; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Choices:
    folder: str | None
    keep_last: int
    remind_days: int


def read_choices(db: Session) -> Choices:
    """The person's backup choices (defaults until they save some)."""
    row = db.get(BackupSettings, 1)
    if row is None:
        return Choices(folder=None, keep_last=5, remind_days=7)
    return Choices(row.folder, row.keep_last, row.remind_days)


def parse_choices(folder: str, keep_last: str, remind_days: str) -> Choices:
    """Check what was typed; ChoiceError (field, calm message) for the first problem."""
    folder = folder.strip()
    if len(folder) > MAX_FOLDER:
        raise ChoiceError("folder", f"Please use a folder path under {MAX_FOLDER} characters.")
    if folder and not Path(folder).expanduser().is_absolute():
        raise ChoiceError(
            "folder", "Please give the whole path of the folder, starting with / (or ~)."
        )
    keep = _whole_number(keep_last, "keep_last", 1, MAX_KEEP, "backups to keep")
    remind = _whole_number(remind_days, "remind_days", 0, MAX_REMIND_DAYS, "days")
    return Choices(folder or None, keep, remind)


def _whole_number(text: str, field: str, low: int, high: int, what: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ChoiceError(field, f"Please give a whole number of {what}.") from None
    if not low <= value <= high:
        raise ChoiceError(field, f"Please choose a number from {low} to {high}.")
    return value


def save_choices(db: Session, choices: Choices) -> None:
    """Store the choices; the caller's session commits."""
    row = db.get(BackupSettings, 1)
    if row is None:
        row = BackupSettings(id=1)
        db.add(row)
    row.folder = choices.folder
    row.keep_last = choices.keep_last
    row.remind_days = choices.remind_days


def record_backup(db: Session, kind: str, made: Made | None, size: int = 0) -> int:
    """Note a backup in the list (the place is kept only inside the encrypted vault); returns
    the record's id."""
    record = BackupRecord(
        made_at=made.made_at if made else datetime.now(UTC),
        kind=kind,
        place=str(made.path) if made and made.path else None,
        size=made.size if made else size,
    )
    db.add(record)
    db.flush()
    return record.id


def find_backup(db: Session, record_id: int) -> BackupRecord | None:
    return db.get(BackupRecord, record_id)


def recent_backups(db: Session, limit: int = 10) -> list[BackupRecord]:
    """The newest backups first."""
    query = select(BackupRecord).order_by(BackupRecord.made_at.desc(), BackupRecord.id.desc())
    return list(db.scalars(query.limit(limit)))


def last_backup_at(db: Session) -> datetime | None:
    newest = recent_backups(db, 1)
    if not newest:
        return None
    made = newest[0].made_at
    return made if made.tzinfo else made.replace(tzinfo=UTC)


def reminder_due(db: Session, today: date) -> tuple[bool, datetime | None]:
    """Whether the home page should remind, and when the last backup was made."""
    choices = read_choices(db)
    last = last_backup_at(db)
    if choices.remind_days == 0:
        return False, last
    if last is None:
        return True, None
    return today - last.astimezone().date() >= timedelta(days=choices.remind_days), last


def backup_to_folder(
    vault: Vault,
    folder: Path,
    *,
    kind: str = "folder",
    keep_last: int | None = None,
    backup_passphrase: str | None = None,
    progress: ProgressFn | None = None,
) -> tuple[Made, list[Path]]:
    """Make a backup in ``folder`` (or to that file), note it, and keep the newest
    ``keep_last`` there. Returns the backup and the old backups removed."""
    made = write_backup(
        vault, folder.expanduser(), backup_passphrase=backup_passphrase, progress=progress
    )
    removed: list[Path] = []
    if keep_last is not None and made.path is not None:
        removed = rotate(made.path.parent, keep_last)
    with vault.session() as db:
        record_backup(db, kind, made)
    return made, removed


def trusted_copy(
    vault: Vault, folder: Path, backup_passphrase: str | None = None
) -> tuple[Made, int]:
    """A backup for a trusted person in ``folder`` (no rotation there: it is theirs to keep);
    returns it and its record id, for the instruction sheet."""
    made = write_backup(vault, folder.expanduser(), backup_passphrase=backup_passphrase)
    with vault.session() as db:
        record_id = record_backup(db, "trusted", made)
    return made, record_id
