"""A full disk is recognised by SQLite's error code, never by words in a message."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from clearpath.db import is_disk_full
from clearpath.vault.errors import DiskFull
from clearpath.vault.info import get_info, set_info
from clearpath.vault.service import Vault


def _fill_up(vault: Vault) -> None:
    """Save more than the database may hold: its size limit is set to what it holds now."""
    with vault.session() as session:
        connection = session.connection()
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        set_info(session, "big", "x" * 200_000)
        session.flush()


def test_a_real_sqlite_full_is_a_full_disk(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as session:
        set_info(session, "kept", "yes")
    with pytest.raises(DiskFull) as caught:
        _fill_up(unlocked_vault)
    cause = caught.value.__cause__
    assert isinstance(cause, OperationalError)
    assert is_disk_full(cause)
    # The size limit stays on the pooled connection; drop it before looking again.
    unlocked_vault.engine.dispose()
    with unlocked_vault.session() as session:
        assert get_info(session, "kept") == "yes"
        assert get_info(session, "big") is None


def test_an_error_that_mentions_full_is_not_a_full_disk(unlocked_vault: Vault) -> None:
    with pytest.raises(OperationalError) as caught, unlocked_vault.session() as session:
        session.connection().exec_driver_sql("SELECT * FROM fullness_of_time")
    assert "full" in str(caught.value.orig)
    assert not is_disk_full(caught.value)
