"""Checks on the backup forms' fields: a folder on this computer, an optional passphrase."""

from __future__ import annotations

from pathlib import Path

from clearpath.backup import services
from clearpath.backup.trusted import require_strong
from clearpath.vault.errors import WeakPassphrase
from clearpath.web.guards import Call

MAX_PASSPHRASE = 1000

TOO_LONG = "Please use a passphrase under 1000 characters."
NOT_THE_SAME = "The two passphrases are not the same."


def optional_passphrase(call: Call, errors: dict[str, str]) -> str | None:
    """The backup passphrase typed twice, or None when both fields were left empty."""
    first = call.field("backup_passphrase")
    second = call.field("backup_passphrase_again")
    if not first and not second:
        return None
    if len(first) > MAX_PASSPHRASE:
        errors["backup_passphrase"] = TOO_LONG
    elif first != second:
        errors["backup_passphrase_again"] = NOT_THE_SAME
    else:
        try:
            require_strong(first)
        except WeakPassphrase as exc:
            errors["backup_passphrase"] = exc.message
    return first


def folder_field(call: Call, errors: dict[str, str]) -> Path | None:
    """The folder typed in the "folder" field, when it is an existing folder."""
    typed = call.field("folder").strip()
    if not typed:
        errors["folder"] = "Please give the folder for the backup, for example a USB stick."
        return None
    if len(typed) > services.MAX_FOLDER:
        errors["folder"] = "Please use a folder path under 1000 characters."
        return None
    folder = Path(typed).expanduser()
    if not folder.is_absolute():
        errors["folder"] = "Please give the whole path of the folder, starting with / (or ~)."
    elif not folder.is_dir():
        errors["folder"] = (
            "There is no folder there. Check the path, and that the drive is plugged in."
        )
    return folder
