"""Check the live vault's evidence: every file, every record, the log and its signatures.

``verify_vault(vault)`` replays the integrity log and compares it with what the vault holds
now. Each thing that does not match is one Problem that names it (an item number, an
incident and version, a log entry, a checkpoint), in plain words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.evidence import checkpoints
from clearpath.evidence.files import file_record, file_store, item_label
from clearpath.evidence.filestore import DamagedFile
from clearpath.evidence.log import (
    all_leaves,
    canonical_json,
    leaf_event,
    root_of,
    sha256_hex,
    utc_text,
)
from clearpath.evidence.models import (
    ACTIVE,
    DELETED,
    ERASED,
    EvidenceFile,
    Incident,
    IncidentVersion,
    LogLeaf,
)
from clearpath.evidence.records import record_hash
from clearpath.integrity import merkle
from clearpath.integrity.checkpoint import NoteError, verify_checkpoint
from clearpath.messages.verify import check_imports
from clearpath.vault.service import Vault

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Problem:
    """One thing that does not match: what it is, and what is wrong with it."""

    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"


@dataclass
class VerifyResult:
    """What verify found. ``ok`` when there is no problem; ``notes`` are not problems."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0
    bytes_checked: int = 0
    records_checked: int = 0
    log_entries: int = 0
    checkpoints_checked: int = 0
    signed_size: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, subject: str, message: str) -> None:
        self.problems.append(Problem(subject, message))


@dataclass(frozen=True)
class _Snapshot:
    leaves: Sequence[LogLeaf]
    incidents: Sequence[Incident]
    versions: Sequence[IncidentVersion]
    files: Sequence[EvidenceFile]


def total_bytes(vault: Vault) -> int:
    """How many bytes verify will decrypt and hash (for a progress bar)."""
    with vault.session() as db:
        rows = db.scalars(select(EvidenceFile.size).where(EvidenceFile.state == ACTIVE)).all()
    return sum(rows)


def verify_vault(vault: Vault, progress: Progress | None = None) -> VerifyResult:
    """Verify everything the evidence area holds; ``progress`` gets the bytes hashed so far."""
    result = VerifyResult()
    with vault.session() as db:
        snap = _Snapshot(
            leaves=all_leaves(db),
            incidents=db.scalars(select(Incident).order_by(Incident.id)).all(),
            versions=db.scalars(select(IncidentVersion).order_by(IncidentVersion.id)).all(),
            files=db.scalars(select(EvidenceFile).order_by(EvidenceFile.item_number)).all(),
        )
        _check_checkpoints(db, snap.leaves, result)
    events = _check_leaves(snap.leaves, result)
    _check_records(snap, events, result)
    # Imported messages are logged here too, one entry per import.
    with vault.session() as db:
        result.records_checked += check_imports(db, events, result.add)
    _check_files(vault, snap.files, events, result, progress)
    return result


def _check_leaves(leaves: Sequence[LogLeaf], result: VerifyResult) -> list[dict[str, Any]]:
    result.log_entries = len(leaves)
    events: list[dict[str, Any]] = []
    for expected, leaf in enumerate(leaves):
        subject = f"Log entry {leaf.position + 1}"
        if leaf.position != expected:
            result.add(subject, f"is out of place (expected entry {expected + 1}).")
        if merkle.leaf_hash(leaf.data.encode("utf-8")).hex() != leaf.leaf_hash:
            result.add(subject, "its content does not match its hash: it was changed.")
        event = leaf_event(leaf)
        if not event:
            result.add(subject, "cannot be read as a log entry.")
        events.append(event)
    return events


def _check_checkpoints(db: Session, leaves: Sequence[LogLeaf], result: VerifyResult) -> None:
    rows = checkpoints.all_checkpoints(db)
    verifier = checkpoints.verifier(db)
    if not rows:
        if leaves:
            result.notes.append("The log has no signed checkpoint yet.")
        return
    if verifier is None:
        result.add("Signing key", "is missing, so no checkpoint can be checked.")
        return
    for row in rows:
        subject = f"Checkpoint {row.id} (log size {row.tree_size})"
        result.checkpoints_checked += 1
        try:
            signed = verify_checkpoint(row.note, verifier)
        except NoteError as exc:
            result.add(subject, str(exc))
            continue
        if signed.size != row.tree_size or signed.root_hash.hex() != row.root_hash:
            result.add(subject, "its stored size or root differs from what was signed.")
        if signed.size > len(leaves):
            result.add(subject, f"covers {signed.size} entries but the log has {len(leaves)}.")
            continue
        if root_of(leaves, signed.size) != signed.root_hash:
            result.add(
                subject,
                f"the first {signed.size} log entries no longer give the signed root hash: "
                "an entry was changed, removed or reordered.",
            )
        result.signed_size = max(result.signed_size, signed.size)
    unsigned = len(leaves) - result.signed_size
    if unsigned > 0:
        newest = _count(unsigned, "log entry is", "log entries are")
        result.notes.append(f"The newest {newest} not yet in a signed checkpoint.")


@dataclass
class _Expected:
    versions: dict[int, str] = field(default_factory=dict)
    recorded_at: str | None = None
    state: str = ACTIVE
    erased_versions: set[int] = field(default_factory=set)


def _replay_incidents(events: Sequence[dict[str, Any]]) -> dict[int, _Expected]:
    found: dict[int, _Expected] = {}
    for event in events:
        kind = event.get("event", "")
        incident = event.get("incident")
        if not kind.startswith("incident.") or not isinstance(incident, int):
            continue
        expected = found.setdefault(incident, _Expected())
        if kind in ("incident.created", "incident.version"):
            expected.versions[int(event.get("version", 0))] = str(event.get("record_sha256"))
            if kind == "incident.created":
                expected.recorded_at = event.get("recorded_at")
        elif kind == "incident.deleted":
            expected.state = DELETED
        elif kind == "incident.restored":
            expected.state = ACTIVE
        elif kind == "incident.erased":
            expected.state = ERASED
            expected.erased_versions = set(expected.versions)
    return found


def _check_records(snap: _Snapshot, events: Sequence[dict[str, Any]], result: VerifyResult) -> None:
    expected = _replay_incidents(events)
    rows_by_incident: dict[int, dict[int, IncidentVersion]] = {}
    for row in snap.versions:
        rows_by_incident.setdefault(row.incident_id, {})[row.version] = row
    for incident in snap.incidents:
        subject = f"Incident {incident.id}"
        logged = expected.pop(incident.id, None)
        if logged is None:
            result.add(subject, "is not in the log at all: it was added outside the app.")
            continue
        if logged.recorded_at != utc_text(incident.recorded_at):
            result.add(subject, "its recorded date differs from the one logged when it was made.")
        if incident.state != logged.state:
            result.add(subject, f"is marked {incident.state} but the log says {logged.state}.")
        rows = dict(rows_by_incident.get(incident.id, {}))
        if logged.state != ERASED and incident.current_version != max(logged.versions, default=0):
            result.add(subject, "does not point at its newest logged version.")
        for number, digest in sorted(logged.versions.items()):
            stored = rows.pop(number, None)
            version_subject = f"{subject}, version {number}"
            if stored is None:
                if logged.state != ERASED:
                    result.add(version_subject, "is missing from the vault.")
                continue
            result.records_checked += 1
            if logged.state == ERASED:
                result.add(version_subject, "was erased but its words are still there.")
            if record_hash(stored) != digest or stored.record_sha256 != digest:
                result.add(version_subject, "its text does not match its log entry.")
        for number in sorted(rows):
            result.add(f"{subject}, version {number}", "is not in the log: it was added later.")
    for incident_id in sorted(expected):
        result.add(f"Incident {incident_id}", "is in the log but missing from the vault.")


def _replay_files(events: Sequence[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for event in events:
        kind = event.get("event", "")
        item = event.get("item")
        if isinstance(item, int) and kind == "file.added":
            found[item] = {**event, "state": ACTIVE}
        elif isinstance(item, int) and item in found and kind == "file.linked":
            found[item]["incident"] = event.get("incident")
        elif isinstance(item, int) and item in found and kind == "file.erased":
            found[item]["state"] = ERASED
        elif kind == "incident.erased":
            for erased in event.get("files", []):
                if isinstance(erased, dict) and erased.get("item") in found:
                    found[erased["item"]]["state"] = ERASED
    return found


def _check_files(
    vault: Vault,
    rows: Sequence[EvidenceFile],
    events: Sequence[dict[str, Any]],
    result: VerifyResult,
    progress: Progress | None,
) -> None:
    logged = _replay_files(events)
    store = file_store(vault)
    known = {row.stored_name for row in rows if row.state == ACTIVE}
    done = 0
    for row in rows:
        subject = item_label(row.item_number)
        event = logged.pop(row.item_number, None)
        if event is None:
            result.add(subject, "is not in the log: it was added outside the app.")
            continue
        if row.state != event["state"]:
            result.add(subject, f"is marked {row.state} but the log says {event['state']}.")
        if row.state != ACTIVE:
            continue
        if sha256_hex(canonical_json(file_record(row))) != event.get("record_sha256"):
            result.add(subject, "its name, size, type or date differ from its log entry.")
        if row.incident_id != event.get("incident"):
            result.add(subject, "is attached to another incident than the log says.")
        digest = hashlib.sha256()
        size = 0
        try:
            for chunk in store.chunks(row.stored_name, row.wrapped_key):
                digest.update(chunk)
                size += len(chunk)
                if progress:
                    progress(done + size)
        except DamagedFile as exc:
            result.add(subject, exc.message)
            continue
        finally:
            done += row.size
        result.files_checked += 1
        result.bytes_checked += size
        if digest.hexdigest() != row.sha256 or row.sha256 != event.get("sha256"):
            result.add(subject, "its content does not match its SHA-256: it was changed.")
    for item in sorted(logged):
        if logged[item]["state"] == ACTIVE:
            result.add(item_label(item), "is in the log but missing from the vault.")
    _check_extra_files(vault, known, result)


def _check_extra_files(vault: Vault, known: set[str], result: VerifyResult) -> None:
    folder = vault.paths.files
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.name not in known:
            result.add(
                f"files/{path.name}", "is in the files folder but the vault does not know it."
            )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def describe(result: VerifyResult) -> str:
    """One calm summary line."""
    if result.ok:
        return (
            f"Everything matches: {_count(result.files_checked, 'file', 'files')}, "
            f"{_count(result.records_checked, 'record version', 'record versions')} and "
            f"{_count(result.log_entries, 'log entry', 'log entries')}."
        )
    count = len(result.problems)
    return f"{_count(count, 'thing', 'things')} did not match. Each one is named in the list."


def to_json(result: VerifyResult) -> str:
    """The result as JSON (for the CLI's --json)."""
    return json.dumps(
        {
            "ok": result.ok,
            "problems": [{"subject": p.subject, "message": p.message} for p in result.problems],
            "notes": result.notes,
            "files_checked": result.files_checked,
            "records_checked": result.records_checked,
            "log_entries": result.log_entries,
        },
        ensure_ascii=False,
    )
