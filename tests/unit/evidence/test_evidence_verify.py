"""Verify the live vault: one changed byte anywhere, and verify names it."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from sqlalchemy import text

from clearpath.evidence import checkpoints, files, services
from clearpath.evidence.services import IncidentFields
from clearpath.evidence.verify import describe, verify_vault
from clearpath.vault.service import Vault


@pytest.fixture
def evidence(unlocked_vault: Vault) -> Vault:
    with unlocked_vault.session() as db:
        first = services.create_incident(
            db, IncidentFields(title="First", what_happened="words", occurred_on=date(2026, 3, 1))
        )
        services.edit_incident(db, first, IncidentFields(title="First", what_happened="more"))
        second = services.create_incident(db, IncidentFields(title="Second"))
        services.delete_incident(db, second)
    files.add_file(unlocked_vault, [b"a" * 5000, b"b" * 5000], "a.txt", first)
    files.add_file(unlocked_vault, [b"second file"], "b.txt")
    with unlocked_vault.session() as db:
        checkpoints.sign_checkpoint(db, unlocked_vault)
    return unlocked_vault


def _subjects(vault: Vault) -> list[str]:
    return [p.subject for p in verify_vault(vault).problems]


def _sql(vault: Vault, statement: str) -> None:
    with vault.session() as db:
        db.execute(text(statement))


def test_an_untouched_vault_verifies(evidence: Vault) -> None:
    result = verify_vault(evidence)
    assert result.ok, result.problems
    assert result.files_checked == 2
    assert result.bytes_checked == 10_000 + len(b"second file")
    assert result.records_checked == 3
    assert result.log_entries == 6
    assert result.notes == []
    assert describe(result).startswith("Everything matches")


def test_a_new_vault_verifies_with_nothing_in_it(unlocked_vault: Vault) -> None:
    assert verify_vault(unlocked_vault).ok


def test_one_changed_byte_in_a_stored_file(evidence: Vault) -> None:
    with evidence.session() as db:
        stored = db.execute(
            text("SELECT stored_name FROM evidence_files WHERE item_number = 1")
        ).scalar_one()
    path = evidence.paths.files / stored
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    assert _subjects(evidence) == ["CP-000001"]


def test_a_missing_and_an_extra_stored_file(evidence: Vault) -> None:
    with evidence.session() as db:
        stored = db.execute(
            text("SELECT stored_name FROM evidence_files WHERE item_number = 2")
        ).scalar_one()
    (evidence.paths.files / stored).rename(evidence.paths.files / ("0" * 32))
    assert _subjects(evidence) == ["CP-000002", f"files/{'0' * 32}"]


def test_a_changed_record(evidence: Vault) -> None:
    _sql(
        evidence,
        "UPDATE evidence_incident_versions SET what_happened = 'other' "
        "WHERE incident_id = 1 AND version = 2",
    )
    assert _subjects(evidence) == ["Incident 1, version 2"]


def test_a_changed_recorded_date_state_or_file_name(evidence: Vault) -> None:
    _sql(evidence, "UPDATE evidence_incidents SET recorded_at = '2020-01-01 00:00:00.000000'")
    _sql(evidence, "UPDATE evidence_incidents SET state = 'active' WHERE id = 2")
    _sql(evidence, "UPDATE evidence_files SET original_name = 'x.txt' WHERE item_number = 2")
    assert _subjects(evidence) == ["Incident 1", "Incident 2", "Incident 2", "CP-000002"]


def test_a_removed_version_and_an_added_one(evidence: Vault) -> None:
    _sql(evidence, "DELETE FROM evidence_incident_versions WHERE incident_id = 1 AND version = 1")
    assert _subjects(evidence) == ["Incident 1, version 1"]


def test_a_changed_log_entry(evidence: Vault) -> None:
    with evidence.session() as db:
        data = db.execute(text("SELECT data FROM evidence_log_leaves WHERE position = 2")).scalar()
        assert isinstance(data, str)
        db.execute(
            text("UPDATE evidence_log_leaves SET data = :d WHERE position = 2"),
            {"d": data.replace('"version":1', '"version":1 '.strip() + " ")},
        )
    subjects = _subjects(evidence)
    assert "Log entry 3" in subjects
    assert "Checkpoint 1 (log size 6)" in subjects


def test_a_log_entry_changed_with_its_hash(evidence: Vault) -> None:
    from clearpath.integrity.merkle import leaf_hash

    with evidence.session() as db:
        data = db.execute(text("SELECT data FROM evidence_log_leaves WHERE position = 0")).scalar()
        assert isinstance(data, str)
        changed = data.replace('"incident":1', '"incident":1,"x":0')
        db.execute(
            text("UPDATE evidence_log_leaves SET data = :d, leaf_hash = :h WHERE position = 0"),
            {"d": changed, "h": leaf_hash(changed.encode()).hex()},
        )
    # The entry's own hash now matches, but the signed root does not.
    assert _subjects(evidence) == ["Checkpoint 1 (log size 6)"]


def test_a_changed_signature(evidence: Vault) -> None:
    with evidence.session() as db:
        note = db.execute(text("SELECT note FROM evidence_checkpoints")).scalar()
        assert isinstance(note, str)
        body, _, line = note.rpartition("\n\n")
        prefix, blob = line.rstrip("\n").rsplit(" ", 1)
        raw = bytearray(base64.b64decode(blob))
        raw[-1] ^= 0x01
        forged = f"{body}\n\n{prefix} {base64.b64encode(bytes(raw)).decode()}\n"
        db.execute(text("UPDATE evidence_checkpoints SET note = :n"), {"n": forged})
    assert _subjects(evidence) == ["Checkpoint 1 (log size 6)"]


def test_a_swapped_public_key(evidence: Vault) -> None:
    with evidence.session() as db:
        db.execute(text("UPDATE evidence_signing_keys SET public_key = :k"), {"k": b"\x01" * 32})
    assert _subjects(evidence) == ["Checkpoint 1 (log size 6)"]


def test_entries_after_the_last_checkpoint_are_a_note_not_a_problem(evidence: Vault) -> None:
    with evidence.session() as db:
        services.create_incident(db, IncidentFields(title="Third"))
    result = verify_vault(evidence)
    assert result.ok
    assert result.notes == ["The newest 1 log entry is not yet in a signed checkpoint."]


def test_swapped_stored_files_or_keys(evidence: Vault) -> None:
    with evidence.session() as db:
        rows = db.execute(
            text("SELECT item_number, stored_name FROM evidence_files ORDER BY item_number")
        ).all()
    first, second = (evidence.paths.files / row[1] for row in rows)
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    assert _subjects(evidence) == ["CP-000001", "CP-000002"]
    first.write_bytes(a)
    second.write_bytes(b)
    with evidence.session() as db:
        keys = db.execute(text("SELECT wrapped_key FROM evidence_files ORDER BY item_number")).all()
        db.execute(
            text("UPDATE evidence_files SET wrapped_key = :k WHERE item_number = 1"),
            {"k": keys[1][0]},
        )
    assert _subjects(evidence) == ["CP-000001"]
