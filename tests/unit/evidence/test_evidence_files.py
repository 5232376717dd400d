"""Files: kept encrypted, byte for byte, with their type and metadata; erased for good."""

from __future__ import annotations

import hashlib
import os

import pytest
from evidence_samples import jpeg_with_gps, png, wav

from clearpath.evidence import files, services
from clearpath.evidence.log import all_leaves, leaf_event
from clearpath.evidence.services import IncidentFields, IncidentNotFound
from clearpath.vault.service import Vault


def _pieces(data: bytes, size: int = 7000) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def test_a_photo_keeps_its_bytes_type_and_metadata(unlocked_vault: Vault) -> None:
    photo = jpeg_with_gps()
    with unlocked_vault.session() as db:
        incident = services.create_incident(db, IncidentFields(title="Door"))
    info = files.add_file(unlocked_vault, _pieces(photo), "C:\\Users\\me\\IMG_0001.JPG", incident)
    assert info.item == "CP-000001"
    assert info.original_name == "IMG_0001.JPG"
    assert info.media_type == "image/jpeg"
    assert info.sha256 == hashlib.sha256(photo).hexdigest()
    assert info.size == len(photo)
    assert info.has_gps
    assert info.details["camera"] == "Phonemaker Model 7"
    assert info.details["date_taken"] == "2026-11-02 21:15:00"
    assert info.details["gps"] == {"latitude": 52.51, "longitude": -1.25}
    _, chunks = files.open_original(unlocked_vault, info.id)
    assert b"".join(chunks) == photo
    thumb = files.thumbnail(unlocked_vault, info.id)
    assert thumb is not None
    assert thumb.startswith(b"\xff\xd8")
    assert b"Phonemaker" not in thumb
    with unlocked_vault.session() as db:
        assert [f.item for f in files.files_for_incident(db, incident)] == ["CP-000001"]
        assert services.get_incident(db, incident).file_count == 1
        event = leaf_event(all_leaves(db)[-1])
    assert event["event"] == "file.added"
    assert event["sha256"] == info.sha256
    assert "IMG_0001" not in str(event)


def test_audio_duration_and_plain_files(unlocked_vault: Vault) -> None:
    audio = files.add_file(unlocked_vault, [wav(2.0)], "voice.wav")
    assert audio.media_type == "audio/wav"
    assert audio.details["duration_seconds"] == 2.0
    picture = files.add_file(unlocked_vault, [png()], "screenshot.png")
    assert picture.item_number == 2
    assert picture.details == {"width": 30, "height": 20}
    assert not picture.has_gps
    blob = files.add_file(unlocked_vault, [os.urandom(3000)], "")
    assert blob.original_name == "unnamed"
    assert blob.media_type == "application/octet-stream"
    with unlocked_vault.session() as db:
        assert [f.item_number for f in files.list_files(db)] == [3, 2, 1]


def test_a_file_for_a_missing_incident_is_refused_and_leaves_nothing(
    unlocked_vault: Vault,
) -> None:
    with pytest.raises(IncidentNotFound):
        files.add_file(unlocked_vault, [b"abc"], "a.txt", 42)
    assert list(unlocked_vault.paths.files.iterdir()) == []


def test_attach_and_erase(unlocked_vault: Vault) -> None:
    info = files.add_file(unlocked_vault, [b"some words"], "note.txt")
    with unlocked_vault.session() as db:
        incident = services.create_incident(db, IncidentFields(title="Later"))
        files.attach_file(db, info.id, incident)
    files.erase_file(unlocked_vault, info.id)
    assert list(unlocked_vault.paths.files.iterdir()) == []
    with unlocked_vault.session() as db, pytest.raises(files.FileNotFound):
        files.get_file(db, info.id)
    with unlocked_vault.session() as db:
        kinds = [leaf_event(leaf)["event"] for leaf in all_leaves(db)]
    assert kinds == ["file.added", "incident.created", "file.linked", "file.erased"]


def test_erasing_an_incident_erases_its_files(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        incident = services.create_incident(db, IncidentFields(title="Gone"))
    files.add_file(unlocked_vault, [b"one"], "one.txt", incident)
    store = files.file_store(unlocked_vault)
    with unlocked_vault.session() as db:
        services.erase_incident(db, incident, store.remove)
    assert list(unlocked_vault.paths.files.iterdir()) == []
    with unlocked_vault.session() as db:
        assert files.list_files(db) == []
