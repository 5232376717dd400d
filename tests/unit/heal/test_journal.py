"""The journal services: saving, morning pages kept as written, search and highlights."""

from __future__ import annotations

from datetime import date

import pytest

from clearpath.heal import journal
from clearpath.heal.journal import EntryDraft, Filters
from clearpath.vault.service import Vault


def draft(body: str, **changes: object) -> EntryDraft:
    values: dict[str, object] = {
        "kind": "entry",
        "day": date(2026, 3, 1),
        "mood": 3,
        "title": "",
        "body": body,
        "tags": (),
    }
    values.update(changes)
    return EntryDraft(**values)  # type: ignore[arg-type]


def test_search_finds_words_and_marks_them_after_escaping(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        journal.add_entry(db, draft("A calm walk by the river <b>today</b> & tea."))
        journal.add_entry(db, draft("Nothing about water here."))
    with unlocked_vault.session() as db:
        found = journal.search(db, Filters(query="rive"))
    assert len(found) == 1
    html = str(found[0].snippet)
    assert "<mark>river</mark>" in html
    assert "&lt;b&gt;today&lt;/b&gt;" in html
    assert "&amp; tea" in html


def test_search_survives_fts_syntax_in_the_query(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        journal.add_entry(db, draft('NEAR the end, a quote " and a star * and more'))
    with unlocked_vault.session() as db:
        assert journal.search(db, Filters(query='NEAR( "end* quote AND'))
        assert journal.search(db, Filters(query='"""')) == []


def test_edits_reach_the_index_and_deletes_leave_it(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        entry_id = journal.add_entry(db, draft("apples")).id
    with unlocked_vault.session() as db:
        journal.update_entry(db, entry_id, draft("pears"))
    with unlocked_vault.session() as db:
        assert journal.search(db, Filters(query="apples")) == []
        assert len(journal.search(db, Filters(query="pears"))) == 1
        journal.delete_entry(db, entry_id)
    with unlocked_vault.session() as db:
        assert journal.search(db, Filters(query="pears")) == []


def test_morning_pages_are_kept_as_written(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        entry_id = journal.add_entry(db, draft("free writing", kind="morning")).id
    with unlocked_vault.session() as db, pytest.raises(journal.KeptAsWritten):
        journal.update_entry(db, entry_id, draft("changed"))


def test_filters_by_tag_mood_kind_and_dates(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        journal.add_entry(db, draft("one", tags=("grief", "calm"), mood=2))
        journal.add_entry(db, draft("two", tags=("calmer",), mood=4, day=date(2026, 4, 2)))
        journal.add_entry(db, draft("three", kind="letter", day=date(2026, 5, 3)))
    with unlocked_vault.session() as db:
        assert [f.entry.body for f in journal.search(db, Filters(tag="calm"))] == ["one"]
        assert [f.entry.body for f in journal.search(db, Filters(mood=4))] == ["two"]
        assert [f.entry.body for f in journal.search(db, Filters(kind="letter"))] == ["three"]
        since = journal.search(db, Filters(since=date(2026, 4, 1), until=date(2026, 4, 30)))
        assert [f.entry.body for f in since] == ["two"]
        assert journal.all_tags(db) == ["calm", "calmer", "grief"]


def test_tags_are_cleaned_and_limited() -> None:
    assert journal.parse_tags("#Grief, calm  grief") == ("grief", "calm")
    with pytest.raises(journal.JournalError):
        journal.parse_tags(" ".join(f"t{n}" for n in range(20)))
