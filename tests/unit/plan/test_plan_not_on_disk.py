"""A plan written and printed leaves nothing readable on disk: not in the vault's files, not in
temp files (the PDFs are made in memory)."""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

import pytest

from clearpath.plan import services, summary, tasks
from clearpath.plan.parts import PART_BY_SLUG
from clearpath.plan.printout import plan_pdf
from clearpath.plan.wallet_card import CardFacts, card_pdf
from clearpath.vault.service import Vault
from plaintext_scan import files_holding, files_under, needles


def test_the_plan_and_its_printouts_stay_off_disk(
    unlocked_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = Path(tempfile.gettempdir())
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    started = time.time() - 1
    marker = f"plan-marker-{uuid.uuid4().hex}"
    wanted = needles(marker)

    def leaks() -> list[str]:
        return (files_holding(files_under(tmp_path), wanted)
                + files_holding(files_under(system, started), wanted))

    with unlocked_vault.session() as db:
        place = services.add_entry(db, PART_BY_SLUG["places"].lists[0],
                                   {"name": marker, "address": marker})
        person = services.add_entry(db, PART_BY_SLUG["people"].lists[0],
                                    {"name": marker, "code_word": marker})
        services.save_texts(db, "bag", {"where_kept": marker})
        tasks.add_task(db, 1, marker)
    with unlocked_vault.session() as db:
        plan = summary.whole_plan(db)
    pdf = plan_pdf(plan)
    card = card_pdf(CardFacts("112", None, place, person), headings=True)  # type: ignore[arg-type]
    assert pdf.startswith(b"%PDF")
    assert card.startswith(b"%PDF")
    assert leaks() == []
    unlocked_vault.lock()
    assert leaks() == []
