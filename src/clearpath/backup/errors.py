"""What can go wrong with a backup file, each in one calm sentence (they are VaultErrors, so
the command line and the web pages show them like every other error)."""

from __future__ import annotations

from clearpath.vault.errors import VaultError


class BackupError(VaultError):
    """Base class of the backup area's errors."""

    exit_code = 9


class NotABackup(BackupError):
    def __init__(self) -> None:
        super().__init__(
            "This file is not a Clearpath backup. Check that you chose the right file."
        )


class BackupTooNew(BackupError):
    def __init__(self, version: int) -> None:
        super().__init__(
            f"This backup was made by a newer Clearpath (format {version}). "
            "Install the newest Clearpath, then try again. The file has not been changed."
        )


class BackupDamaged(BackupError):
    """The file is cut short or was changed after it was made: it is refused as a whole."""

    def __init__(self, why: str) -> None:
        super().__init__(
            f"This backup cannot be used: {why}. Nothing was restored. "
            "If you have another copy, try that one."
        )


class BackupSecretWrong(BackupError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "That passphrase or recovery code does not open this backup. A backup opens with "
            "the passphrase or recovery code the vault had when the backup was made, or with "
            "its own backup passphrase if you chose one."
        )


class BackupTargetInUse(BackupError):
    def __init__(self) -> None:
        super().__init__(
            "There is already a vault in that folder. Nothing was changed. Confirm that you "
            "want to replace it (the old one is kept aside), or choose another folder."
        )


class BackupPlaceProblem(BackupError):
    def __init__(self, why: str) -> None:
        super().__init__(f"The backup could not be written there: {why}.")
