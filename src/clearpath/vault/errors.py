"""Errors a person may see. Each carries one calm, specific sentence and a CLI exit code."""

from __future__ import annotations


class VaultError(Exception):
    """Base class: ``message`` is safe to show to the person; it never holds secrets."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class VaultExists(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "A vault already exists in this folder. Nothing was changed. "
            "To unlock it, run 'clearpath serve'."
        )


class VaultMissing(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "There is no vault in this folder yet. Run 'clearpath init' to create one, "
            "or choose another folder with --data-dir."
        )


class WrongSecret(VaultError):
    """The passphrase or recovery code did not open the vault.

    ``wait_seconds`` is the wait this failure put in force before the next try (0 while free
    tries are left), so a caller can say so without reading keys.json again.
    """

    exit_code = 3

    def __init__(self, what: str = "passphrase", wait_seconds: int = 0) -> None:
        super().__init__(f"That {what} did not open the vault. Please try again.")
        self.wait_seconds = wait_seconds


class TryLater(VaultError):
    """Too many wrong attempts in a row: the next try must wait."""

    exit_code = 4

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(
            f"To keep the vault safe, please wait {describe_wait(seconds)} before the next try. "
            "Nothing has been deleted."
        )


class KeyFileDamaged(VaultError):
    exit_code = 5

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The key file (keys.json) cannot be read: {detail}. Nothing was changed. "
            "If you have a backup, restore keys.json from it."
        )


class NotAVault(VaultError):
    exit_code = 5

    def __init__(self) -> None:
        super().__init__(
            "The key opened, but vault.db is not a Clearpath vault or is damaged. "
            "Nothing was changed. If you have a backup, restore it."
        )


class VaultTooNew(VaultError):
    """vault.db's schema revision is unknown here: a newer Clearpath has changed it."""

    exit_code = 8

    def __init__(self) -> None:
        super().__init__(
            "This vault was last opened by a newer version of Clearpath. "
            "Please use that version; nothing was changed."
        )


class VaultBusy(VaultError):
    exit_code = 6

    def __init__(self) -> None:
        super().__init__(
            "Clearpath is already running with this vault. Use the window that is already "
            "open, or stop the other one first."
        )


class DiskFull(VaultError):
    exit_code = 7

    def __init__(self) -> None:
        super().__init__(
            "The disk is full, so nothing could be saved. Your existing data is unchanged. "
            "Free some space and try again."
        )


class WeakPassphrase(VaultError):
    exit_code = 2

    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class MalformedRecoveryCode(VaultError):
    """What was typed cannot be a recovery code (wrong length or characters)."""

    exit_code = 2

    def __init__(self, length: int, groups: int, group_size: int) -> None:
        super().__init__(
            f"A recovery code has {length} letters and digits, in {_in_words(groups)} groups "
            f"of {_in_words(group_size)}. Please check it and try again."
        )


class VaultLocked(VaultError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__("The vault is locked. Unlock it with your passphrase first.")


def describe_wait(seconds: int) -> str:
    """A wait in words: seconds under a minute, else whole minutes rounded up."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


_SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _in_words(n: int) -> str:
    return _SMALL_NUMBERS[n] if 0 <= n < len(_SMALL_NUMBERS) else str(n)
