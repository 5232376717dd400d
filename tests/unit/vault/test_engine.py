"""The SQLCipher engine: every pooled connection is keyed and carries the security pragmas."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import DatabaseError

from clearpath.db import CONNECTION_PRAGMAS, make_engine, read_pragmas
from clearpath.vault.errors import VaultLocked
from clearpath.vault.service import Vault

EXPECTED = {
    "secure_delete": "1",
    "temp_store": "2",  # MEMORY
    "foreign_keys": "1",
    "journal_mode": "delete",
    "synchronous": "2",  # FULL
    "busy_timeout": "5000",
}


def _pragmas(conn: Connection) -> dict[str, str]:
    return {
        name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar()).lower()
        for name in CONNECTION_PRAGMAS
    }


def test_expected_covers_every_pragma_set() -> None:
    assert set(EXPECTED) == set(CONNECTION_PRAGMAS)


def test_every_pooled_connection_has_the_pragmas(unlocked_vault: Vault) -> None:
    engine = unlocked_vault.engine
    with contextlib.ExitStack() as stack:
        conns = [stack.enter_context(engine.connect()) for _ in range(5)]
        raw = {id(conn.connection.dbapi_connection) for conn in conns}
        assert len(raw) == 5, "five checked-out connections must be five real connections"
        for conn in conns:
            assert _pragmas(conn) == EXPECTED
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            # Every transaction begins IMMEDIATE (takes the write lock): end this one so the
            # next connection's can begin.
            conn.rollback()


def test_connections_opened_by_other_threads_have_the_pragmas(unlocked_vault: Vault) -> None:
    engine = unlocked_vault.engine
    seen: list[dict[str, str]] = []
    release = threading.Barrier(4)

    def worker() -> None:
        with engine.connect() as conn:
            release.wait(timeout=10)
            seen.append(_pragmas(conn))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert seen == [EXPECTED] * 4


def test_connections_after_dispose_still_have_the_pragmas(unlocked_vault: Vault) -> None:
    unlocked_vault.engine.dispose()
    assert {k: v.lower() for k, v in read_pragmas(unlocked_vault.engine).items()} == EXPECTED


def test_wrong_key_fails_to_connect(unlocked_vault: Vault) -> None:
    engine = make_engine(unlocked_vault.paths.database, bytearray(os.urandom(32)))
    try:
        with pytest.raises(DatabaseError, match="not a database"), engine.connect():
            pass
    finally:
        engine.dispose()


def test_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        make_engine(tmp_path / "x.db", bytearray(b"short"))


def test_database_file_is_encrypted(unlocked_vault: Vault) -> None:
    header = unlocked_vault.paths.database.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def test_the_engine_reads_the_key_buffer_at_each_connection(tmp_path: Path) -> None:
    key = bytearray(os.urandom(32))
    engine = make_engine(tmp_path / "x.db", key)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        engine.dispose()
        for i in range(len(key)):
            key[i] = 0
        # No copy of the key was kept: a new connection now has nothing to key it with.
        with pytest.raises(VaultLocked), engine.connect():
            pass
    finally:
        engine.dispose()
