"""Making a report, a chronology and a bundle writes nothing readable anywhere on disk.

The three exports are made in memory (and the bundle as a stream), the way the report page
sends them to the browser. A unique marker in an incident and in a file's bytes must then be
nowhere in the data directory, nor in any temp file made during the test.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

import pytest
from report_samples import photo

from clearpath.evidence import files, services
from clearpath.evidence.records import IncidentFields
from clearpath.report import export
from clearpath.report.data import Filters
from clearpath.vault.service import Vault
from plaintext_scan import files_holding, files_under, needles


def test_exports_leave_nothing_readable_on_disk(
    unlocked_vault: Vault, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    system_tmp = Path("/tmp")
    started = time.time()
    marker = f"marker-{uuid.uuid4().hex}"
    file_marker = f"filebytes-{uuid.uuid4().hex}"
    with unlocked_vault.session() as db:
        incident = services.create_incident(
            db, IncidentFields(title=marker, what_happened=f"{marker} in the words")
        )
    files.add_file(unlocked_vault, [photo((10, 20, 30)) + file_marker.encode()], "a.jpg", incident)

    prepared = export.prepare(unlocked_vault, Filters(), person_name=marker)
    pdf = export.report_pdf(unlocked_vault, prepared)
    csv_bytes = export.chronology(prepared)
    bundle = b"".join(export.bundle_chunks(unlocked_vault, prepared, pdf))
    assert marker.encode() in csv_bytes
    assert file_marker.encode() in bundle  # the original travels in the bundle, unchanged

    wanted = needles(marker, file_marker)
    assert files_holding(files_under(data_dir), wanted) == []
    assert files_holding(files_under(private_tmp), wanted) == []
    assert files_holding(files_under(system_tmp, since=started), wanted) == []
