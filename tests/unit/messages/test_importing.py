"""Importing exports into the vault: originals kept, no duplicates, nothing half-done."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clearpath.evidence.files import list_files
from clearpath.evidence.log import all_leaves, leaf_event
from clearpath.evidence.verify import verify_vault
from clearpath.importers.base import DateOrder, ImportProblem, ParseOptions, Source
from clearpath.messages.importing import ImportRequest, import_export, preview
from clearpath.messages.models import Conversation, Message, MessageFile
from clearpath.messages.reading import Filters, conversations, find, page
from clearpath.messages.search import HIT_END, HIT_START
from clearpath.vault.service import Vault

CHAT = (
    "13/01/2021, 21:41 - Sam: Where are you\n"
    "13/01/2021, 21:42 - Sam: Answer me now\n"
    "13/01/2021, 21:42 - Sam: Answer me now\n"
    "13/01/2021, 21:50 - Alex: I am safe. Please write only about the car.\n"
)


def export(tmp_path: Path, text: str, name: str = "chat.txt") -> Source:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Source.from_path(path)


def request(source: Source, **values: object) -> ImportRequest:
    return ImportRequest(source=source, zone="Europe/Berlin", me="Alex", **values)  # type: ignore[arg-type]


def count(vault: Vault) -> int:
    with vault.session() as db:
        return int(db.scalar(select(func.count()).select_from(Message)) or 0)


def test_an_import_keeps_the_original_and_every_message(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    result = import_export(unlocked_vault, request(export(tmp_path, CHAT)))
    assert (result.new, result.seen) == (4, 0)
    with unlocked_vault.session() as db:
        (original,) = list_files(db)
        assert original.original_name == "chat.txt"
        rows = db.scalars(select(Message).order_by(Message.id)).all()
        assert [r.direction for r in rows] == ["in", "in", "in", "out"]
        # Berlin is UTC+1 in January: the wall-clock time stays as written, the moment is UTC.
        assert rows[0].timestamp_text == "2021-01-13T21:41"
        assert rows[0].occurred_at.replace(tzinfo=UTC) == datetime(2021, 1, 13, 20, 41, tzinfo=UTC)
        assert rows[1].key != rows[2].key  # two identical messages are both kept
        events = [leaf_event(leaf) for leaf in all_leaves(db)]
        imported = [e for e in events if e.get("event") == "messages.imported"]
        assert imported[0]["new"] == 4
        assert imported[0]["file_item"] == original.item_number
        (summary,) = conversations(db)
        assert summary.title == "Sam, Alex"
        assert summary.count == 4
    assert verify_vault(unlocked_vault).ok


def test_the_same_export_again_adds_nothing(unlocked_vault: Vault, tmp_path: Path) -> None:
    source = export(tmp_path, CHAT)
    import_export(unlocked_vault, request(source))
    again = import_export(unlocked_vault, request(source))
    assert (again.new, again.seen) == (0, 4)
    assert count(unlocked_vault) == 4
    with unlocked_vault.session() as db:
        assert len(list_files(db)) == 1  # the same bytes are kept once


def test_an_overlapping_export_adds_only_what_is_new(unlocked_vault: Vault, tmp_path: Path) -> None:
    import_export(unlocked_vault, request(export(tmp_path, CHAT)))
    longer = CHAT + "14/01/2021, 08:00 - Sam: You will regret this\n"
    later = import_export(unlocked_vault, request(export(tmp_path, longer, "chat2.txt")))
    assert (later.new, later.seen) == (1, 4)
    assert count(unlocked_vault) == 5
    with unlocked_vault.session() as db:
        assert db.scalar(select(func.count()).select_from(Conversation)) == 1


def test_a_file_that_cannot_be_read_leaves_nothing_behind(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    broken = CHAT + "31/02/2021, 21:42 - Sam: impossible date\n"
    with pytest.raises(ImportProblem) as caught:
        import_export(unlocked_vault, request(export(tmp_path, broken)))
    assert caught.value.line == 5
    assert count(unlocked_vault) == 0
    with unlocked_vault.session() as db:
        assert list_files(db) == []
        assert db.scalar(select(func.count()).select_from(Conversation)) == 0


def test_an_unknown_zone_is_refused_before_anything_is_stored(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    bad = ImportRequest(source=export(tmp_path, CHAT), zone="Mars/Olympus")
    with pytest.raises(ImportProblem, match="time zone"):
        import_export(unlocked_vault, bad)
    with unlocked_vault.session() as db:
        assert list_files(db) == []


def test_ambiguous_dates_need_a_choice(unlocked_vault: Vault, tmp_path: Path) -> None:
    source = export(tmp_path, "03/04/2021, 10:00 - Sam: hi\n")
    with pytest.raises(ImportProblem, match="day/month"):
        preview(source, None, ParseOptions())
    chosen = request(source, options=ParseOptions(date_order=DateOrder.MONTH_FIRST))
    import_export(unlocked_vault, chosen)
    with unlocked_vault.session() as db:
        assert db.scalar(select(Message.timestamp_text)) == "2021-03-04T10:00"


def test_media_in_a_zip_become_evidence_files_linked_to_their_message(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "WhatsApp Chat.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "_chat.txt",
            "[13/01/2021, 21:41:00] Sam: \u200e<attached: 00000001-PHOTO.jpg>\n"
            "[13/01/2021, 21:42:00] Sam: see\n",
        )
        archive.writestr("00000001-PHOTO.jpg", b"\xff\xd8\xff\xe0 not really a photo")
    result = import_export(unlocked_vault, request(Source.from_path(path)))
    assert result.attachments_kept == 1
    with unlocked_vault.session() as db:
        names = sorted(f.original_name for f in list_files(db))
        assert names == ["00000001-PHOTO.jpg", "WhatsApp Chat.zip"]
        (link,) = db.scalars(select(MessageFile)).all()
        assert link.name == "00000001-PHOTO.jpg"
        view = page(db, result.conversation_id)
        assert view.messages[0].files[0][1] == "00000001-PHOTO.jpg"


def test_search_marks_the_words_and_filters(unlocked_vault: Vault, tmp_path: Path) -> None:
    import_export(unlocked_vault, request(export(tmp_path, CHAT)))
    with unlocked_vault.session() as db:
        hits = find(db, "answer")
        assert hits is not None
        assert len(hits) == 2
        assert hits[0].hit == f"{HIT_START}Answer{HIT_END} me now"
        assert find(db, "answer", Filters(sender="Alex")) == []
        assert find(db, "  ?! ") is None
        # What is typed is never FTS syntax.
        assert find(db, 'car" OR sender:*') is not None


def test_paging_through_a_long_chat(unlocked_vault: Vault, tmp_path: Path) -> None:
    lines = [
        f"13/01/2021, {h:02d}:{m:02d} - Sam: message {h * 60 + m}\n"
        for h in range(8)
        for m in range(60)
    ]
    result = import_export(unlocked_vault, request(export(tmp_path, "".join(lines))))
    with unlocked_vault.session() as db:
        newest = page(db, result.conversation_id)
        assert len(newest.messages) == 200
        assert newest.messages[-1].text == "message 479"
        assert newest.newer is None
        assert newest.older is not None
        older = page(db, result.conversation_id, before=newest.older)
        assert older.messages[-1].text == "message 279"
        oldest = page(db, result.conversation_id, before=older.older)
        assert oldest.messages[0].text == "message 0"
        assert oldest.older is None
        forward = page(db, result.conversation_id, after=oldest.messages[-1].id)
        assert forward.messages[0].text == "message 80"


def test_verify_names_a_message_changed_after_import(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    import_export(unlocked_vault, request(export(tmp_path, CHAT)))
    assert verify_vault(unlocked_vault).ok
    with unlocked_vault.session() as db:
        first = db.scalars(select(Message).order_by(Message.id)).first()
        assert first is not None
        first.text = "Where are you?"
    result = verify_vault(unlocked_vault)
    assert [(p.subject, p.message) for p in result.problems] == [
        ("Message import 1", "its messages do not match the log: one was changed.")
    ]


def test_verify_names_a_message_removed_or_added(unlocked_vault: Vault, tmp_path: Path) -> None:
    import_export(unlocked_vault, request(export(tmp_path, CHAT)))
    with unlocked_vault.session() as db:
        last = db.scalars(select(Message).order_by(Message.id.desc())).first()
        assert last is not None
        db.delete(last)
    problems = [p.message for p in verify_vault(unlocked_vault).problems]
    assert "the log says it added 4 messages, the vault holds 3." in problems


def test_chosen_messages_become_an_incident_quoted_with_their_source(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    from clearpath.evidence.services import get_incident, record_incident
    from clearpath.messages.linking import NothingChosen, attach, attached_ids, excerpts

    import_export(unlocked_vault, request(export(tmp_path, CHAT)))
    with unlocked_vault.session() as db:
        ids = list(db.scalars(select(Message.id).order_by(Message.id)))
        incident_id, added = attach(db, ids[:2], None)
        assert added == 2
        assert get_incident(db, incident_id).fields.title == "2 messages from Sam"
        again_id, again = attach(db, ids[:3], incident_id)
        assert (again_id, again) == (incident_id, 1)  # the first two were attached already
        other = record_incident(db, title="At the door", what_happened="He waited.")
        attach(db, [ids[3]], other)
        assert attached_ids(db, ids)[ids[0]] == [incident_id]
        quoted = excerpts(db, [incident_id])[incident_id]
        (original,) = list_files(db)
        with pytest.raises(NothingChosen):
            attach(db, [], None)
        with pytest.raises(LookupError):
            attach(db, ids[:1], 9999)
    assert [q.text for q in quoted] == ["Where are you", "Answer me now", "Answer me now"]
    assert quoted[0].source_item == original.item
    assert quoted[0].source_sha256 == original.sha256
    assert quoted[0].source_place == "line 1"
