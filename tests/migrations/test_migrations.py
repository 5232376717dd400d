"""Every Alembic revision, up and down, on an encrypted database that holds data.

The rows are made from the reflected schema at each step, so a new revision is covered
without touching this file: data must survive every step in the tables and columns the
schema keeps, and the migrated schema must match the models exactly.
"""

from __future__ import annotations

import datetime as dt
import decimal
import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Column, Engine, MetaData, inspect, select
from sqlalchemy.exc import IntegrityError

from clearpath import doctor, migrate
from clearpath.db import Base, make_engine
from clearpath.models import load_all_models
from clearpath.notes.services import read_note, save_note
from clearpath.vault.errors import VaultTooNew
from clearpath.vault.info import get_info, set_info
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets

ROWS_PER_TABLE = 3
Snapshot = dict[str, dict[str, list[Any]]]


def _revisions() -> list[Script]:
    """Oldest first."""
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    return list(reversed(list(scripts.walk_revisions("base", "heads"))))


REVISIONS = _revisions()


def _down(revision: Script) -> str:
    down = revision.down_revision
    assert not isinstance(down, tuple | list), "merge revisions need their own test"
    return down or "base"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    the_engine = make_engine(tmp_path / "vault.db", bytearray(os.urandom(32)))
    yield the_engine
    the_engine.dispose()


# -- making and reading data from whatever schema is there ----------------------------------


def _search_index_tables(engine: Engine) -> set[str]:
    """FTS5 search indexes and their shadow tables: kept in step by triggers, never filled
    by hand (writing rows into them would corrupt the index) and not part of the models."""
    with engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master "
            "WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        ).scalars().all()
    shadows = ("_data", "_idx", "_content", "_docsize", "_config")
    return {*names, *(name + suffix for name in names for suffix in shadows)}


def _table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - _search_index_tables(engine)


def _reflect(engine: Engine) -> MetaData:
    metadata = MetaData()
    skip = _search_index_tables(engine) | {"alembic_version"}
    metadata.reflect(bind=engine, only=lambda name, _meta: name not in skip)
    return metadata


def _value(column: Column[Any], n: int, engine: Engine) -> Any:
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column
        with engine.connect() as conn:
            values = conn.execute(select(target)).scalars().all()
        assert values, f"{column} refers to an empty table; fill parents first"
        return values[n % len(values)]
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = str
    if kind is bool:
        return n % 2 == 0
    if kind is int:
        return n
    if kind is float:
        return n + 0.5
    if kind is decimal.Decimal:
        return decimal.Decimal(n) / 4
    if kind is dt.datetime:
        return dt.datetime(2026, 1, 1, 9, 30) + dt.timedelta(days=n)
    if kind is dt.date:
        return dt.date(2026, 1, 1) + dt.timedelta(days=n)
    if kind is bytes:
        return f"bytes-{n}".encode()
    text = f"{column.table.name}.{column.name} {n} ünïcode"
    length = getattr(column.type, "length", None)
    return text[-length:] if length else text


def _fill(engine: Engine, counter: Iterator[int]) -> None:
    """Add a few rows to every table, parents before children."""
    metadata = _reflect(engine)
    for table in metadata.sorted_tables:
        for _ in range(ROWS_PER_TABLE):
            # A key made only of references (message, file) can repeat one already there;
            # then the next values are tried.
            for _attempt in range(50):
                n = next(counter)
                row = {column.name: _value(column, n, engine) for column in table.columns}
                try:
                    with engine.begin() as conn:
                        conn.execute(table.insert().values(row))
                    break
                except IntegrityError:
                    continue
            else:
                raise AssertionError(f"no new row fits {table.name}")


def _snapshot(engine: Engine) -> Snapshot:
    """Every table's columns as sorted lists of values."""
    snapshot: Snapshot = {}
    metadata = _reflect(engine)
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            snapshot[table.name] = {
                column.name: sorted((row[i] for row in rows), key=repr)
                for i, column in enumerate(table.columns)
            }
    return snapshot


def _assert_kept(before: Snapshot, after: Snapshot, step: str) -> None:
    for table, columns in before.items():
        if table not in after:
            continue  # the schema dropped the table: nothing to keep
        for column, values in columns.items():
            if column in after[table]:
                assert after[table][column] == values, f"{step} changed {table}.{column}"


def _row_count(snapshot: Snapshot) -> int:
    return sum(len(next(iter(cols.values()), [])) for cols in snapshot.values())


# -- the tests ------------------------------------------------------------------------------


def test_there_is_one_head_and_a_base() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(scripts.get_heads()) == 1
    assert REVISIONS
    assert REVISIONS[0].down_revision is None
    assert REVISIONS[-1].revision == migrate.head_revision()


@pytest.mark.parametrize("revision", REVISIONS, ids=[r.revision for r in REVISIONS])
def test_revision_up_down_up_keeps_data(engine: Engine, revision: Script) -> None:
    counter = itertools.count(1)
    parent = _down(revision)
    if parent != "base":
        migrate.upgrade(engine, parent)
        _fill(engine, counter)
    before_up = _snapshot(engine)

    migrate.upgrade(engine, revision.revision)
    assert migrate.current_revision(engine) == revision.revision
    _assert_kept(before_up, _snapshot(engine), f"upgrade to {revision.revision}")
    _fill(engine, counter)
    before_down = _snapshot(engine)
    assert _row_count(before_down) > 0

    migrate.downgrade(engine, parent)
    assert migrate.current_revision(engine) == (None if parent == "base" else parent)
    after_down = _snapshot(engine)
    _assert_kept(before_down, after_down, f"downgrade of {revision.revision}")

    migrate.upgrade(engine, revision.revision)
    assert migrate.current_revision(engine) == revision.revision
    _assert_kept(after_down, _snapshot(engine), f"upgrade to {revision.revision} again")


def test_whole_history_step_by_step_with_data(engine: Engine) -> None:
    counter = itertools.count(1)
    for revision in REVISIONS:
        before = _snapshot(engine)
        migrate.upgrade(engine, revision.revision)
        _assert_kept(before, _snapshot(engine), f"upgrade to {revision.revision}")
        _fill(engine, counter)
    for revision in reversed(REVISIONS):
        before = _snapshot(engine)
        migrate.downgrade(engine, _down(revision))
        _assert_kept(before, _snapshot(engine), f"downgrade of {revision.revision}")
    assert migrate.current_revision(engine) is None
    assert _table_names(engine) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_a_real_vault_keeps_its_data_where_the_schema_does(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    engine = unlocked_vault.engine
    with unlocked_vault.session() as session:
        save_note(session, "Pack the documents folder.")
        set_info(session, "migration_test", "kept")

    survived = {"notes": True, "vault_info": True}
    for revision in reversed(REVISIONS):
        migrate.downgrade(engine, _down(revision))
        tables = _table_names(engine)
        for table in survived:
            survived[table] = survived[table] and table in tables
        if survived["notes"]:
            with unlocked_vault.session() as session:
                assert read_note(session) == "Pack the documents folder."
    migrate.upgrade(engine)

    unlocked_vault.lock()
    unlocked_vault.unlock(vault_secrets.passphrase)
    with unlocked_vault.session() as session:
        expected_note = "Pack the documents folder." if survived["notes"] else ""
        assert read_note(session) == expected_note
        expected_info = "kept" if survived["vault_info"] else None
        assert get_info(session, "migration_test") == expected_info


LATER_REVISION = '''"""A later revision, made only for this test.

Revision ID: 9999
Revises: {down}
"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_things", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_things")
'''


def _install_newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's migrations plus one more revision (9999), as a newer Clearpath would have."""
    newer = tmp_path / "newer-migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_later.py").write_text(
        LATER_REVISION.format(down=REVISIONS[-1].revision)
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer)


def test_unlocking_migrates_an_older_vault_to_head(
    unlocked_vault: Vault,
    vault_secrets: VaultSecrets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The vault is at today's head; a copy of the migrations with one more revision makes it
    # an "older" vault, as it would be after installing a newer Clearpath.
    unlocked_vault.lock()
    _install_newer_migrations(tmp_path, monkeypatch)

    unlocked_vault.unlock(vault_secrets.passphrase)

    assert migrate.current_revision(unlocked_vault.engine) == "9999"
    assert "later_things" in inspect(unlocked_vault.engine).get_table_names()
    assert unlocked_vault.revision_at_unlock == REVISIONS[-1].revision
    finding = doctor.check_revision(unlocked_vault)
    assert finding.level is doctor.Level.NOTE
    assert finding.text == (
        f"The vault's layout was at revision {REVISIONS[-1].revision}; unlocking brought it "
        "up to date (revision 9999)."
    )
    unlocked_vault.lock()
    unlocked_vault.unlock(vault_secrets.passphrase)
    assert doctor.check_revision(unlocked_vault).text == (
        "The vault's layout is up to date (revision 9999)."
    )


def test_a_vault_from_a_newer_clearpath_is_refused_untouched(
    unlocked_vault: Vault,
    vault_secrets: VaultSecrets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A newer Clearpath migrates the vault to 9999; then this version opens it again.
    today = migrate.MIGRATIONS_DIR
    unlocked_vault.lock()
    _install_newer_migrations(tmp_path, monkeypatch)
    unlocked_vault.unlock(vault_secrets.passphrase)
    unlocked_vault.lock()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", today)
    assert not migrate.is_known_revision("9999")
    before = unlocked_vault.paths.database.read_bytes()

    with pytest.raises(VaultTooNew) as caught:
        unlocked_vault.unlock(vault_secrets.passphrase)

    assert caught.value.message == (
        "This vault was last opened by a newer version of Clearpath. "
        "Please use that version; nothing was changed."
    )
    assert caught.value.exit_code == 8
    assert not unlocked_vault.unlocked
    assert unlocked_vault.paths.database.read_bytes() == before
    assert sorted(p.name for p in unlocked_vault.paths.root.iterdir()) == [
        "files", "keys.json", "vault.db"
    ]


def test_every_revision_of_this_version_is_known() -> None:
    assert all(migrate.is_known_revision(r.revision) for r in REVISIONS)
    assert not migrate.is_known_revision("not-a-revision")


def _schema_diffs(engine: Engine) -> list[Any]:
    load_all_models()
    with engine.connect() as conn:
        skip = _search_index_tables(engine)
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _parent: kind != "table" or name not in skip,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def test_models_match_the_migrated_schema(engine: Engine) -> None:
    migrate.upgrade(engine)
    assert _schema_diffs(engine) == []


def test_a_new_vault_matches_the_models(unlocked_vault: Vault) -> None:
    assert _schema_diffs(unlocked_vault.engine) == []
    assert migrate.current_revision(unlocked_vault.engine) == migrate.head_revision()


def test_every_model_table_is_made_by_a_migration(engine: Engine) -> None:
    load_all_models()
    migrate.upgrade(engine)
    made = _table_names(engine) - {"alembic_version"}
    assert made == set(Base.metadata.tables)


def test_schema_reflection_helpers_see_every_table(engine: Engine) -> None:
    migrate.upgrade(engine)
    _fill(engine, itertools.count(1))
    snapshot = _snapshot(engine)
    assert set(snapshot) == set(Base.metadata.tables)
    for columns in snapshot.values():
        assert all(len(values) == ROWS_PER_TABLE for values in columns.values())
