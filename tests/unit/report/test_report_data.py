"""What goes into a report: filters, versions, files, and the chronology CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from report_samples import NAMES, seed

from clearpath.evidence import services
from clearpath.evidence.records import IncidentFields
from clearpath.integrity.checkpoint import NoteSigner
from clearpath.report import standalone_verify as sv
from clearpath.report.chronology_csv import HEADER, chronology_csv, safe_cell
from clearpath.report.data import Filters, load_report_data
from clearpath.vault.service import Vault


def _titles(vault: Vault, filters: Filters) -> list[str]:
    with vault.session() as db:
        return [i.latest.title for i in load_report_data(db, filters).incidents]


def test_everything_oldest_first(unlocked_vault: Vault) -> None:
    seed(unlocked_vault)
    titles = _titles(unlocked_vault, Filters())
    assert titles[:3] == ["Shouting at the door", "Messages at night", "Threat about the children"]
    assert len(titles) == 4


def test_date_range_category_and_chosen_incidents(unlocked_vault: Vault) -> None:
    ids = seed(unlocked_vault)
    april_to_may = Filters(date_from=date(2026, 4, 1), date_to=date(2026, 5, 31))
    assert _titles(unlocked_vault, april_to_may) == ["Messages at night"]
    # An ongoing incident (1-3 June) counts when its range touches the filter.
    assert _titles(unlocked_vault, Filters(date_from=date(2026, 6, 2), date_to=date(2026, 6, 2)))
    assert _titles(unlocked_vault, Filters(categories=("threats",))) == [
        "Threat about the children"
    ]
    chosen = Filters(incident_ids=(ids["first"], ids["fourth"]))
    assert len(_titles(unlocked_vault, chosen)) == 2
    assert "2026-04-01 to 2026-05-31" in april_to_may.describe()


def test_deleted_incidents_are_left_out(unlocked_vault: Vault) -> None:
    ids = seed(unlocked_vault)
    with unlocked_vault.session() as db:
        services.delete_incident(db, ids["first"])
    assert "Shouting at the door" not in _titles(unlocked_vault, Filters())


def test_every_version_and_its_files_are_there(unlocked_vault: Vault) -> None:
    ids = seed(unlocked_vault)
    with unlocked_vault.session() as db:
        data = load_report_data(db, Filters(incident_ids=(ids["second"],)))
    (incident,) = data.incidents
    assert [v.number for v in incident.versions] == [1, 2]
    assert all(v.record_sha256 == v.stored_sha256 for v in incident.versions)
    assert [f.item for f in incident.files] == ["CP-000002"]
    assert incident.files[0].archive_name == "originals/CP-000002.jpg"


def test_chronology_csv_columns_and_scripts(unlocked_vault: Vault) -> None:
    seed(unlocked_vault)
    with unlocked_vault.session() as db:
        data = load_report_data(db, Filters())
    payload = chronology_csv(data)
    assert payload.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADER
    assert rows[0][:5] == ["Date", "What happened", "Who", "Witnesses", "Evidence reference"]
    first = rows[1]
    assert first[0].startswith("2026-03-02 21:30")
    assert NAMES["arabic"] in first[3]
    assert "+44 7700 900123" in first[3]
    assert NAMES["hebrew"] in first[2]
    assert "CP-000001" in first[4]
    assert "Police ref 4471/26" in first[4]
    assert any(NAMES["cjk"] in cell for row in rows for cell in row)


def test_csv_cells_never_start_a_formula() -> None:
    for text in ("=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx"):
        assert safe_cell(text).startswith("'")
    assert safe_cell("plain") == "plain"


def test_a_title_that_looks_like_a_formula_stays_text(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.create_incident(db, IncidentFields(title="=1+1", what_happened="x"))
        data = load_report_data(db, Filters())
    rows = list(csv.reader(io.StringIO(chronology_csv(data).decode("utf-8-sig"))))
    assert rows[1][1].startswith("'=1+1")


# -- the pure-Python Ed25519 inside verify_bundle.py ------------------------------------------

# RFC 8032 section 7.1, tests 1 and 2.
RFC8032 = [
    (
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39"
        "701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f36"
        "13d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
]


def test_pure_python_ed25519_rfc_vectors() -> None:
    for public, message, signature in RFC8032:
        pub, msg, sig = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
        assert sv.ed25519_verify(pub, msg, sig)
        assert not sv.ed25519_verify(pub, msg + b"\x00", sig)
        assert not sv.ed25519_verify(pub, msg, sig[:-1] + bytes([sig[-1] ^ 1]))
        assert not sv.ed25519_verify(pub[:31], msg, sig)


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=32, max_size=32), st.binary(max_size=200), st.data())
def test_pure_python_ed25519_agrees_with_cryptography(
    seed_bytes: bytes, message: bytes, data: st.DataObject
) -> None:
    signer = NoteSigner.from_seed("k", seed_bytes)
    signature = signer.private_key.sign(message)
    assert sv.ed25519_verify(signer.public_key, message, signature)
    spot = data.draw(st.integers(min_value=0, max_value=63))
    bent = bytearray(signature)
    bent[spot] ^= 1 << data.draw(st.integers(min_value=0, max_value=7))
    assert not sv.ed25519_verify(signer.public_key, message, bytes(bent))


def test_standalone_merkle_root_matches_the_library() -> None:
    from clearpath.integrity import merkle

    for n in range(0, 40):
        leaves = [merkle.leaf_hash(bytes([i])) for i in range(n)]
        assert sv.merkle_root(leaves) == merkle.root(leaves)
