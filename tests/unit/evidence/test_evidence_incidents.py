"""Incidents: versions, tombstones, erasure, the timeline and its search."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from clearpath.evidence import services
from clearpath.evidence.log import all_leaves, leaf_event
from clearpath.evidence.services import (
    IncidentFields,
    IncidentNotFound,
    InvalidIncident,
    Person,
    TimelineFilter,
)
from clearpath.vault.service import Vault


def test_record_incident_is_the_contract_other_areas_use(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        incident_id = services.record_incident(
            db,
            title="Shouted at the door",
            what_happened="He came by at night and shouted.",
            occurred_on=date(2026, 11, 2),
            categories=["Threats", "verbal", "my own words"],
            source="journal:12",
        )
    with unlocked_vault.session() as db:
        found = services.get_incident(db, incident_id)
    assert found.fields.title == "Shouted at the door"
    assert found.fields.categories == ("threats", "verbal", "own:my own words")
    assert found.source == "journal:12"
    assert found.version == 1


def test_editing_adds_a_version_and_says_what_changed(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        incident_id = services.create_incident(db, IncidentFields(title="First words"))
        first = services.get_incident(db, incident_id)
        number = services.edit_incident(
            db,
            incident_id,
            IncidentFields(
                title="First words",
                what_happened="Added later.",
                people=(Person("Ana", "witness", "ana@example.org"),),
            ),
        )
        same = services.edit_incident(
            db, incident_id, services.get_incident(db, incident_id).fields
        )
        versions = services.incident_versions(db, incident_id)
        later = services.get_incident(db, incident_id)
    assert number == 2
    assert same == 2
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].changed == ("What happened", "People there and witnesses")
    assert versions[0].fields.what_happened == ""
    assert later.recorded_at == first.recorded_at
    with unlocked_vault.session() as db:
        assert services.witnesses(db, incident_id) == [Person("Ana", "witness", "ana@example.org")]
        events = [leaf_event(leaf)["event"] for leaf in all_leaves(db)]
    assert events == ["incident.created", "incident.version"]


def test_invalid_fields_save_nothing(unlocked_vault: Vault) -> None:
    with pytest.raises(InvalidIncident) as caught, unlocked_vault.session() as db:
        services.create_incident(
            db,
            IncidentFields(
                title="",
                place="x" * 501,
                occurred_time="25:00",
                occurred_on=date(2026, 2, 2),
                occurred_until=date(2026, 1, 1),
                timezone="Mars/Olympus",
                linked_incidents=(99,),
            ),
        )
    assert set(caught.value.errors) == {
        "title",
        "place",
        "occurred_time",
        "occurred_until",
        "timezone",
        "linked_incidents",
    }
    with unlocked_vault.session() as db:
        assert services.list_incidents(db) == []
        assert all_leaves(db) == []


def test_delete_is_a_tombstone_and_can_be_undone(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        incident_id = services.create_incident(db, IncidentFields(title="Hidden later"))
        services.delete_incident(db, incident_id)
        assert services.list_incidents(db) == []
        assert [
            s.id for s in services.list_incidents(db, TimelineFilter(include_deleted=True))
        ] == [incident_id]
        with pytest.raises(IncidentNotFound):
            services.get_incident(db, incident_id, include_deleted=False)
        services.restore_incident(db, incident_id)
        assert [s.id for s in services.list_incidents(db)] == [incident_id]
        events = [leaf_event(leaf)["event"] for leaf in all_leaves(db)]
    assert events == ["incident.created", "incident.deleted", "incident.restored"]


def _fts_text(db: object) -> bytes:
    from sqlalchemy.orm import Session

    assert isinstance(db, Session)
    names = [
        row[0]
        for row in db.execute(
            text("SELECT name FROM sqlite_master WHERE name LIKE 'evidence_search%'")
        )
    ]
    dump = b""
    for name in names:
        if name == "evidence_search":
            continue
        for row in db.execute(text(f"SELECT * FROM {name}")):  # noqa: S608 - our own names
            for value in row:
                dump += value if isinstance(value, bytes) else str(value).encode()
    return dump


def test_erase_removes_the_words_everywhere_but_logs_hashes(unlocked_vault: Vault) -> None:
    removed: list[str] = []
    with unlocked_vault.session() as db:
        keep = services.create_incident(db, IncidentFields(title="Keep", what_happened="ordinary"))
        gone = services.create_incident(
            db, IncidentFields(title="Zebraword", what_happened="xylophonic secret")
        )
        services.edit_incident(db, gone, IncidentFields(title="Zebraword", what_happened="more"))
        assert [s.id for s in services.list_incidents(db, TimelineFilter(query="xylophonic"))] == []
        assert [s.id for s in services.list_incidents(db, TimelineFilter(query="zebra"))] == [gone]
        services.erase_incident(db, gone, removed.append)
    with unlocked_vault.session() as db:
        with pytest.raises(IncidentNotFound):
            services.get_incident(db, gone)
        assert [s.id for s in services.list_incidents(db, TimelineFilter(query="zebraword"))] == []
        assert b"zebraword" not in _fts_text(db).lower()
        assert b"xylophonic" not in _fts_text(db).lower()
        assert [s.id for s in services.list_incidents(db)] == [keep]
        last = leaf_event(all_leaves(db)[-1])
        log_text = "".join(leaf.data for leaf in all_leaves(db))
    assert last["event"] == "incident.erased"
    assert [v["version"] for v in last["versions"]] == [1, 2]
    assert "Zebraword" not in log_text
    db_bytes = unlocked_vault.paths.database.read_bytes()
    assert b"Zebraword" not in db_bytes


def test_timeline_filters(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        a = services.create_incident(
            db,
            IncidentFields(
                title="Early",
                occurred_on=date(2026, 1, 5),
                categories=("threats",),
                people=(Person("Mo", "witness"),),
            ),
        )
        b = services.create_incident(
            db,
            IncidentFields(
                title="Ongoing",
                occurred_on=date(2026, 2, 1),
                occurred_until=date(2026, 3, 31),
                categories=("monitoring",),
            ),
        )
        c = services.create_incident(
            db, IncidentFields(title="Later", occurred_on=date(2026, 6, 1), what_happened="café")
        )

        def ids(**kwargs: object) -> list[int]:
            return [s.id for s in services.list_incidents(db, TimelineFilter(**kwargs))]  # type: ignore[arg-type]

        assert ids() == [c, b, a]
        assert ids(date_from=date(2026, 3, 1), date_to=date(2026, 3, 2)) == [b]
        assert ids(category="threats") == [a]
        assert ids(has_witnesses=True) == [a]
        assert ids(has_files=True) == []
        assert ids(query="cafe") == [c]
        assert ids(query='"zzq (') == []
        assert ids(query="   ") == [c, b, a]


def test_the_vaults_sqlcipher_has_fts5(unlocked_vault: Vault) -> None:
    with unlocked_vault.engine.connect() as conn:
        options = {row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")}
    assert "ENABLE_FTS5" in options


def test_a_missing_search_index_is_rebuilt_from_the_current_versions(
    unlocked_vault: Vault,
) -> None:
    with unlocked_vault.session() as db:
        first = services.create_incident(db, IncidentFields(title="Lantern", place="harbour"))
        services.edit_incident(db, first, IncidentFields(title="Lantern", place="meadow"))
        db.execute(text("DROP TABLE evidence_search"))
    with unlocked_vault.session() as db:
        assert [s.id for s in services.list_incidents(db, TimelineFilter(query="meadow"))] == [
            first
        ]
        assert services.list_incidents(db, TimelineFilter(query="harbour")) == []
