"""SQLAlchemy base and the SQLCipher engine.

Every new connection is keyed and gets the security pragmas through a connect event, so a
connection the pool opens later can never miss them (SecureDrop once lost secure_delete by
setting it only once).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import QueuePool

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
}


class Base(DeclarativeBase):
    pass


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


def make_engine(path: Path, key: bytes) -> Engine:
    """An engine whose every connection is keyed and carries the security pragmas."""
    if len(key) != 32:
        raise ValueError("the vault key must be 32 bytes")
    raw_key = bytes(key)

    def connect() -> Any:
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
        _apply_key(dbapi_connection, raw_key)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def read_pragmas(engine: Engine) -> dict[str, str]:
    """The pragma values of one pooled connection, for doctor and the tests."""
    with engine.connect() as conn:
        return {
            name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar())
            for name in CONNECTION_PRAGMAS
        }
