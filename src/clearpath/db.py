"""SQLAlchemy base and the SQLCipher engine.

Every new connection is keyed and gets the security pragmas through a connect event, so a
connection the pool opens later can never miss them (SecureDrop once lost secure_delete by
setting it only once).

The engine does not keep its own copy of the key: it reads the caller's buffer at each new
connection. Once the vault zeroes that buffer (on lock), no new keyed connection can be opened
through this engine, even by code that still holds it; trying raises VaultLocked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import QueuePool

from clearpath.vault.errors import VaultLocked

KEY_BYTES = 32

# Rollback journal, not WAL: WAL would leave two more files (-wal, -shm) beside the vault for
# as long as it is open, and this app has a single writer. The journal exists only during a
# write, is encrypted by SQLCipher like the database pages, and is deleted on commit.
JOURNAL_MODE = "DELETE"

CONNECTION_PRAGMAS: dict[str, str] = {
    "secure_delete": "ON",
    "temp_store": "MEMORY",
    "foreign_keys": "ON",
    "journal_mode": JOURNAL_MODE,
    "synchronous": "FULL",
    # A second writer waits up to five seconds for the first instead of failing at once.
    "busy_timeout": "5000",
}


class Base(DeclarativeBase):
    """The declarative base of every table in the vault."""


def _apply_key(dbapi_connection: Any, key: bytes) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # Silence SQLCipher's own log: it writes to stderr and could land in a terminal log.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # Reading the schema is what detects a wrong key or a file that is not a vault.
        cursor.execute("SELECT count(*) FROM sqlite_master")
        cursor.fetchall()
        for name, value in CONNECTION_PRAGMAS.items():
            cursor.execute(f"PRAGMA {name} = {value}")
            cursor.fetchall()
    finally:
        cursor.close()


def _key_from(buffer: bytearray) -> bytes:
    """The key as it is now; an all-zero buffer means the vault was locked."""
    key = bytes(buffer)
    if not any(key):
        raise VaultLocked()
    return key


def make_engine(path: Path, key: bytearray) -> Engine:
    """An engine whose every connection is keyed from ``key`` and carries the security pragmas.

    ``key`` is read at each new connection, never copied for later: zeroing it (as
    Vault.lock does) makes every later connection attempt raise VaultLocked.
    """
    if len(key) != KEY_BYTES:
        raise ValueError(f"the vault key must be {KEY_BYTES} bytes")

    def connect() -> Any:
        _key_from(key)  # refuse before a file is even opened
        return sqlcipher3.connect(str(path), check_same_thread=False)

    # The URL names no file, so SQLAlchemy would pick SingletonThreadPool (meant for :memory:):
    # one connection per thread, closed behind other threads' backs when more than five
    # threads use it. The vault is a file, so use the pool SQLAlchemy uses for SQLite files.
    engine = create_engine(
        "sqlite+pysqlite://", module=sqlcipher3.dbapi2, creator=connect, poolclass=QueuePool
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The pysqlite dialect would begin transactions lazily; let SQLAlchemy drive them.
        dbapi_connection.isolation_level = None
        _apply_key(dbapi_connection, _key_from(key))

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock at the start. With a plain (deferred) BEGIN, two
        # transactions that read and then write both hold a read lock, and the second to write
        # gets SQLITE_BUSY at once (waiting could deadlock), whatever the busy timeout says.
        # With IMMEDIATE the second one waits at BEGIN until the first has finished.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def is_disk_full(exc: DBAPIError) -> bool:
    """True when SQLite failed because the disk (or the database's size limit) is full.

    Decided by SQLite's own error code, not by the message: a table or column with "full" in
    its name must not make an ordinary error look like a full disk.
    """
    code = getattr(exc.orig, "sqlite_errorcode", None)
    # sqlite_errorcode is the extended code; its low byte is the primary one (SQLITE_FULL).
    return isinstance(code, int) and code & 0xFF == sqlcipher3.dbapi2.SQLITE_FULL


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on ``engine`` whose objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def read_pragmas(engine: Engine) -> dict[str, str]:
    """The pragma values of one pooled connection, for doctor and the tests."""
    with engine.connect() as conn:
        return {
            name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar())
            for name in CONNECTION_PRAGMAS
        }


def delete_row(db: Session, model: type[Base], row_id: object) -> bool:
    """Delete one row by its primary key; False when it is not there (already gone)."""
    row = db.get(model, row_id)
    if row is None:
        return False
    db.delete(row)
    db.flush()
    return True
