"""The report PDF rendered with pdftoppm: every page has content, every script prints."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_samples import NAMES, seed

from clearpath.printing.testing import ink_fraction, page_images
from clearpath.report import export
from clearpath.report.data import Filters
from clearpath.vault.service import Vault

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils is not installed",
)


def _text(pdf: bytes, folder: Path) -> str:
    source = folder / "report.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


@needs_poppler
def test_every_page_has_content_and_a_page_number(unlocked_vault: Vault, tmp_path: Path) -> None:
    seed(unlocked_vault)
    prepared = export.prepare(unlocked_vault, Filters(), person_name=NAMES["cyrillic"])
    pdf = export.report_pdf(unlocked_vault, prepared)
    pages = page_images(pdf, tmp_path / "pages")
    assert len(pages) >= 7  # cover, chronology, pattern, incidents, index, method, statement
    for page in pages:
        assert ink_fraction(page) > 0.004, page.name
    text = _text(pdf, tmp_path)
    total = len(pages)
    for number in range(1, total + 1):
        assert f"page {number} of {total}" in text
    for heading in ("Record of incidents", "Chronology", "Pattern", "Index of files"):
        assert heading in text
    for heading in ("Method", "How to verify", "Statement", "Incidents per month", "Time of day"):
        assert heading in text
    assert prepared.seal.root_hash.hex()[:8] in text
    assert "CP-000001" in text
    assert "CP-000003" in text
    assert "Version 1, saved" in text  # the edited incident notes its earlier version
    assert "Police ref 4471/26" in text


@needs_poppler
def test_names_in_any_script_print(unlocked_vault: Vault, tmp_path: Path) -> None:
    seed(unlocked_vault)
    prepared = export.prepare(unlocked_vault, Filters(), person_name=NAMES["cyrillic"])
    text = _text(export.report_pdf(unlocked_vault, prepared), tmp_path)
    assert NAMES["cyrillic"] in text
    assert NAMES["cjk"] in text
    # Right-to-left text comes back from pdftotext in visual order; its words are there.
    for word in (*NAMES["arabic"].split(), *NAMES["hebrew"].split()):
        assert word in text or word[::-1] in text


@needs_poppler
def test_thumbnails_are_drawn(unlocked_vault: Vault, tmp_path: Path) -> None:
    seed(unlocked_vault)
    prepared = export.prepare(unlocked_vault, Filters(incident_ids=(1,)))
    pdf = export.report_pdf(unlocked_vault, prepared)
    assert pdf.count(b"/Subtype /Image") >= 1


@needs_poppler
def test_an_empty_record_still_makes_a_calm_report(unlocked_vault: Vault, tmp_path: Path) -> None:
    prepared = export.prepare(unlocked_vault, Filters())
    pdf = export.report_pdf(unlocked_vault, prepared)
    pages = page_images(pdf, tmp_path / "pages")
    assert all(ink_fraction(p) > 0.002 for p in pages)
    assert "No incidents match" in _text(pdf, tmp_path)


def test_a_report_signs_a_checkpoint_of_the_log(unlocked_vault: Vault) -> None:
    seed(unlocked_vault)
    first = export.prepare(unlocked_vault, Filters())
    assert first.seal.tree_size == len(first.leaves) > 0
    assert first.seal.checkpoint_note.startswith("clearpath.local/evidence/")
    from clearpath.evidence import services
    from clearpath.evidence.records import IncidentFields

    with unlocked_vault.session() as db:
        services.create_incident(db, IncidentFields(title="One more"))
    second = export.prepare(unlocked_vault, Filters())
    assert second.seal.tree_size == first.seal.tree_size + 1
    assert second.seal.root_hash != first.seal.root_hash


@needs_poppler
def test_contact_log_entries_chosen_for_the_report_are_in_it(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    from datetime import datetime

    from clearpath.contact.required import EntryInput, add_entry

    def entry(summary: str, include: bool) -> EntryInput:
        return EntryInput(
            occurred_at=datetime(2026, 9, 4, 18, 30),
            channel="email",
            topic="Handover",
            summary=summary,
            my_reply="Confirmed for Friday at 5.",
            follow_up_due=None,
            needs_reply=False,
            include_in_report=include,
        )

    seed(unlocked_vault)
    with unlocked_vault.session() as db:
        add_entry(db, entry("Asked to move the handover to the school.", True))
        add_entry(db, entry("A private exchange not for the report.", False))
    prepared = export.prepare(unlocked_vault, Filters())
    text = _text(export.report_pdf(unlocked_vault, prepared), tmp_path)
    assert "Required contact" in text
    assert "Asked to move the handover" in text
    assert "Confirmed for Friday at 5." in text
    assert "A private exchange" not in text
    outside = export.prepare(unlocked_vault, Filters(date_to=datetime(2026, 9, 1).date()))
    assert outside.data.contact_log == ()


@needs_poppler
def test_attached_messages_are_quoted_with_their_source(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    from clearpath.importers.base import Source
    from clearpath.messages.importing import ImportRequest, import_export
    from clearpath.messages.linking import attach
    from clearpath.messages.models import Message

    chat = tmp_path / "chat.txt"
    chat.write_text("13/01/2021, 21:41 - Sam: You will regret leaving\n", encoding="utf-8")
    import_export(unlocked_vault, ImportRequest(source=Source.from_path(chat), zone="UTC"))
    with unlocked_vault.session() as db:
        from sqlalchemy import select

        message_id = db.scalar(select(Message.id))
        assert message_id is not None
        attach(db, [message_id], None)
    prepared = export.prepare(unlocked_vault, Filters())
    text = _text(export.report_pdf(unlocked_vault, prepared), tmp_path)
    assert "Messages, quoted exactly as received or sent" in text
    assert "You will regret leaving" in text
    assert "CP-000001 (line 1)" in text
