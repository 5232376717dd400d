"""One process at a time per vault: an advisory lock on the vault's lock file."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from clearpath.vault.atomic import FILE_MODE
from clearpath.vault.errors import VaultBusy


class ProcessLock:
    """Held for as long as a server (or a CLI command that changes keys) runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock at once, or raise VaultBusy when another process holds it.

        The lock file is created 0600 if needed; the lock goes with the process, so a crash
        never leaves the vault locked.
        """
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise VaultBusy() from exc
        os.fchmod(fd, FILE_MODE)
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock (the file stays); safe to call when it is not held."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ProcessLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
