"""The vault: create, unlock, lock, change secrets. The one place that holds the data key."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clearpath import __version__, migrate
from clearpath.db import is_disk_full, make_engine, make_session_factory
from clearpath.settings import KdfParams
from clearpath.vault import keyslots, recovery, strength
from clearpath.vault.atomic import FILE_MODE, ensure_private_dir, fsync_dir
from clearpath.vault.errors import (
    DiskFull,
    NotAVault,
    TryLater,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultTooNew,
    WeakPassphrase,
    WrongSecret,
)
from clearpath.vault.info import set_info
from clearpath.vault.keyfile import FailureRecord, KeyFile, read_keyfile, write_keyfile
from clearpath.vault.paths import VaultPaths
from clearpath.vault.preferences import Preferences


class Vault:
    """One vault in one data directory. Thread-safe; the web app shares one instance."""

    def __init__(
        self, data_dir: Path, kdf: KdfParams, clock: Callable[[], float] = time.time
    ) -> None:
        self.paths = VaultPaths(data_dir)
        self.kdf = kdf
        self._clock = clock
        self._mutex = threading.RLock()
        self._key: bytearray | None = None
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._found_revision: str | None = None

    # -- state --------------------------------------------------------------------------

    def exists(self) -> bool:
        """True when there is a vault here, even a damaged one (either of its files)."""
        return self.paths.holds_vault()

    @property
    def unlocked(self) -> bool:
        """True while the data key is in memory and the database can be used."""
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        """The open vault's engine (VaultLocked while locked); prefer session()."""
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @property
    def revision_at_unlock(self) -> str | None:
        """The schema revision vault.db had when it was unlocked, before it was migrated to
        this version's (None while locked); for doctor."""
        return self._found_revision

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error.

        The vault's mutex is held for the whole block, so lock() waits until the database work
        in progress has finished instead of pulling the key from under it. The mutex is
        re-entrant, so the same thread may call the vault's other methods inside the block.
        Do not open a second session inside one: every transaction begins IMMEDIATE, so the
        inner one would wait for the outer one's write lock until the busy timeout ends.
        """
        with self._mutex:
            if self._sessions is None:
                raise VaultLocked()
            with self._sessions() as session:
                try:
                    yield session
                    session.commit()
                except OperationalError as exc:
                    session.rollback()
                    if is_disk_full(exc):
                        raise DiskFull() from exc
                    raise
                except BaseException:
                    session.rollback()
                    raise

    def subkey(self, purpose: str) -> bytes:
        """A 32-byte key for one purpose (the file store, backups, the log's signing key),
        derived from the data key with HKDF-SHA256 so no other part ever holds the data key
        itself. The same purpose always gives the same key for this vault. VaultLocked while
        locked."""
        with self._mutex:
            if self._key is None:
                raise VaultLocked()
            return HKDF(
                algorithm=hashes.SHA256(),
                length=32,
                salt=None,
                info=b"clearpath subkey v1: " + purpose.encode("utf-8"),
            ).derive(bytes(self._key))

    def keyfile(self) -> KeyFile:
        """keys.json as it is on disk now: VaultMissing without a vault, else KeyFileDamaged
        when it cannot be read."""
        if not self.exists():
            raise VaultMissing()
        # vault.db without keys.json is a damaged vault, not a missing one: read_keyfile says
        # "the file is missing" and suggests the backup, never 'clearpath init'.
        return read_keyfile(self.paths.keys)

    def preferences(self) -> Preferences:
        """The display preferences; defaults when there is no vault yet or keys.json is damaged."""
        try:
            return self.keyfile().preferences
        except Exception:  # noqa: BLE001 - a damaged file must never break the page chrome
            return Preferences()

    def save_preferences(self, prefs: Preferences) -> None:
        """Store the display preferences in keys.json (atomically); the vault may be locked."""
        with self._mutex:
            write_keyfile(self.paths.keys, replace(self.keyfile(), preferences=prefs))

    def wait_seconds(self) -> int:
        """How long the next unlock attempt must wait (0 when it may go ahead)."""
        try:
            failures = self.keyfile().failures
        except Exception:  # noqa: BLE001 - no usable key file: nothing to wait for
            return 0
        return failures.seconds_left(self._clock())

    # -- creating -----------------------------------------------------------------------

    def create(self, passphrase: str) -> str:
        """Create a new vault protected by ``passphrase``; return the recovery code (once)."""
        _require_strong(passphrase)
        with self._mutex:
            if self.exists():
                raise VaultExists()
            ensure_private_dir(self.paths.root)
            ensure_private_dir(self.paths.files)
            data_key = keyslots.new_data_key()
            code = recovery.generate()
            self._build_database(data_key)
            keyfile = KeyFile(
                slots=(
                    keyslots.wrap(keyslots.PASSPHRASE, passphrase, data_key, self.kdf),
                    keyslots.wrap(keyslots.RECOVERY, code, data_key, self.kdf),
                ),
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            write_keyfile(self.paths.keys, keyfile)
            os.replace(self.paths.creating, self.paths.database)
            fsync_dir(self.paths.root)
            self._open(data_key)
            return code

    def _build_database(self, data_key: bytearray) -> None:
        target = self.paths.creating
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
        engine = make_engine(target, data_key)
        try:
            migrate.upgrade(engine)
            with make_session_factory(engine)() as session:
                set_info(session, "created_with", __version__)
                session.commit()
        except OperationalError as exc:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            if is_disk_full(exc):
                raise DiskFull() from exc
            raise
        finally:
            engine.dispose()

    # -- unlocking ----------------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        """Open the vault with the passphrase, migrating it to the current schema."""
        with self._mutex:
            data_key, _ = self._unwrap_with(keyslots.PASSPHRASE, passphrase, "passphrase")
            self._open(data_key)

    def check_passphrase(self, passphrase: str) -> None:
        """Verify ``passphrase`` without opening anything, for pages that ask for it again.

        It goes through the same throttle as unlock: TryLater while a wait is in force,
        WrongSecret (counted) when it is wrong; a right one resets the count. Works whether the
        vault is locked or unlocked, and leaves it as it was.
        """
        with self._mutex:
            data_key, _ = self._unwrap_with(keyslots.PASSPHRASE, passphrase, "passphrase")
            _zero(data_key)

    def recover(self, code: str, new_passphrase: str) -> str:
        """Open with the recovery code, set a new passphrase; return a new recovery code.

        ``code`` may be typed loosely (any case, spaces or dashes); MalformedRecoveryCode when
        it cannot be a recovery code at all.
        """
        # A malformed code is a typing slip, not a guess: it cannot open any slot, so it is
        # refused here, before the key file is read, and never counts towards the throttle.
        secret = recovery.parse(code)
        _require_strong(new_passphrase)
        with self._mutex:
            data_key, keyfile = self._unwrap_with(keyslots.RECOVERY, secret, "recovery code")
            self._open(data_key)
            new_code = recovery.generate()
            self._rewrap(keyfile, data_key, passphrase=new_passphrase, code=new_code)
            return new_code

    def _unwrap_with(self, kind: str, secret: str, what: str) -> tuple[bytearray, KeyFile]:
        """The data key, and keys.json as it now is on disk (for a rewrap to build on)."""
        keyfile = self.keyfile()
        if not self.paths.database.exists():
            raise NotAVault()
        now = self._clock()
        wait = keyfile.failures.seconds_left(now)
        if wait > 0:
            raise TryLater(wait)
        slot = keyfile.slot(kind)
        data_key = keyslots.unwrap(slot, secret) if slot is not None else None
        if data_key is None:
            failures = FailureRecord(count=keyfile.failures.count + 1, last_at=now)
            write_keyfile(self.paths.keys, replace(keyfile, failures=failures))
            raise WrongSecret(what, wait_seconds=failures.seconds_left(now))
        if keyfile.failures.count:
            keyfile = replace(keyfile, failures=FailureRecord())
            write_keyfile(self.paths.keys, keyfile)
        return data_key, keyfile

    def _open(self, data_key: bytearray) -> None:
        if self._engine is not None:
            self._close()
        # The engine reads data_key itself at every connection; _close() zeroes this very
        # buffer, so after lock() no connection can be keyed again, whoever holds the engine.
        engine = make_engine(self.paths.database, data_key)
        try:
            found = _bring_up_to_date(engine)
        except BaseException:
            engine.dispose()
            _zero(data_key)
            raise
        self._key = data_key
        self._found_revision = found
        self._engine = engine
        self._sessions = make_session_factory(engine)

    # -- changing secrets ---------------------------------------------------------------

    def change_passphrase(self, current: str, new: str) -> None:
        """Rewrap the data key under a new passphrase; the data itself is not touched."""
        _require_strong(new)
        with self._mutex:
            data_key, keyfile = self._unwrap_with(keyslots.PASSPHRASE, current, "passphrase")
            try:
                self._rewrap(keyfile, data_key, passphrase=new)
            finally:
                _zero(data_key)

    def new_recovery_code(self, passphrase: str) -> str:
        """Replace the recovery code; the old one stops working at once."""
        with self._mutex:
            data_key, keyfile = self._unwrap_with(keyslots.PASSPHRASE, passphrase, "passphrase")
            try:
                code = recovery.generate()
                self._rewrap(keyfile, data_key, code=code)
                return code
            finally:
                _zero(data_key)

    def replace_recovery_code(self, code: str) -> None:
        """Make ``code`` the recovery code; the old one stops working at once.

        For the web, which makes the code (recovery.generate()), shows it and has the person
        confirm it before calling this. The vault must be unlocked (VaultLocked otherwise): the
        data key in memory is wrapped under ``code``, and keys.json is replaced atomically.
        ``code`` must be a well-formed code (MalformedRecoveryCode otherwise).
        """
        secret = recovery.parse(code)
        with self._mutex:
            if self._key is None:
                raise VaultLocked()
            self._rewrap(self.keyfile(), self._key, code=secret)

    def _rewrap(
        self,
        keyfile: KeyFile,
        data_key: bytearray,
        passphrase: str | None = None,
        code: str | None = None,
    ) -> None:
        """Write ``keyfile`` with the data key wrapped under the new passphrase and/or code."""
        if passphrase is not None:
            keyfile = keyfile.with_slot(
                keyslots.wrap(keyslots.PASSPHRASE, passphrase, data_key, self.kdf)
            )
        if code is not None:
            keyfile = keyfile.with_slot(keyslots.wrap(keyslots.RECOVERY, code, data_key, self.kdf))
        write_keyfile(self.paths.keys, keyfile)

    # -- locking ------------------------------------------------------------------------

    def lock(self) -> None:
        """Forget the key and close every connection. Safe to call when already locked."""
        with self._mutex:
            self._close()

    def _close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self._key is not None:
            _zero(self._key)
        self._key = None
        self._found_revision = None
        self._engine = None
        self._sessions = None


def _bring_up_to_date(engine: Engine) -> str:
    """Check that ``engine`` opens a Clearpath vault this version can read, and migrate it to
    the current schema. Returns the revision it was at before."""
    try:
        # An empty (truncated) vault.db opens under any key as a new database, and migrating
        # it would quietly turn it into a fresh, empty vault. A real vault has a revision.
        found = migrate.current_revision(engine)
        if found is None:
            raise NotAVault()
        # A revision this version does not know was made by a newer Clearpath; Alembic would
        # fail with a cryptic error. Refuse before anything is written.
        if not migrate.is_known_revision(found):
            raise VaultTooNew()
        migrate.upgrade(engine)
        return found
    except DatabaseError as exc:
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise NotAVault() from exc


def _zero(buffer: bytearray) -> None:
    """Overwrite a key in place. Best effort: Python may hold other copies, this one goes."""
    for i in range(len(buffer)):
        buffer[i] = 0


def _require_strong(passphrase: str) -> None:
    verdict = strength.assess(passphrase)
    if not verdict.acceptable:
        raise WeakPassphrase(verdict.message)
