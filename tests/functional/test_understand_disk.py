"""What a person writes in understand, readiness, danger and the directory never lands on disk
in plaintext: forms are posted through the real app, then every file is scanned."""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

from web_harness import Web

from plaintext_scan import files_holding, files_under, needles


def test_nothing_readable_on_disk(home: Web, tmp_path: Path) -> None:
    system = Path(tempfile.gettempdir())
    started = time.time() - 1
    marker = f"clearpath-marker-{uuid.uuid4().hex}"
    home.post("/directory/country", {"country": "GB"})
    posts = [
        ("/understand/control/notes", {"body": f"note {marker}"}),
        ("/understand/effects", {"went_through": f"went {marker}", "sleep": "3"}),
        ("/readiness/areas", {"area_name": f"A {marker}"[:80]}),
        ("/readiness", {"score-support": "4", "note-support": f"r {marker}"}),
        ("/danger", {"sign": "worse", "keep": "yes", "note": f"d {marker}"}),
        ("/directory/own", {"name": f"s {marker}", "kind": "legal", "notes": marker}),
    ]
    for path, form in posts:
        assert home.post(path, form).status_code == 303, path
    home.lock()
    wanted = needles(marker)
    leaks = files_holding(files_under(tmp_path), wanted)
    leaks += files_holding(files_under(system, started), wanted)
    assert leaks == []
