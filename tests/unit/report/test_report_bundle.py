"""The evidence bundle: what it holds, and that any change to it is named by verify."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_samples import seed

from clearpath.integrity.checkpoint import NoteSigner, sign_note
from clearpath.report import bundle_verify, export
from clearpath.report import standalone_verify as sv
from clearpath.report.data import Filters
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

PASSPHRASE = "harbour lantern quietly cobalt meadow"
Edit = Callable[[dict[str, bytes]], None]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One bundle made from the sample vault, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("bundle")
    vault = Vault(folder / "vault", TESTING_KDF)
    vault.create(PASSPHRASE)
    try:
        seed(vault)
        prepared = export.prepare(vault, Filters(), person_name="Amira")
        pdf = export.report_pdf(vault, prepared)
        path = folder / "bundle.zip"
        with open(path, "wb") as out:
            for chunk in export.bundle_chunks(vault, prepared, pdf):
                out.write(chunk)
    finally:
        vault.lock()
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(source: Path, target: Path, edit: Edit) -> Path:
    """A valid zip with the members as ``edit`` leaves them (so only hashes can tell)."""
    members = _members(source)
    edit(members)
    with zipfile.ZipFile(target, "w") as archive:
        for name, payload in members.items():
            archive.writestr(name, payload)
    return target


def _flip(payload: bytes, at: int | None = None) -> bytes:
    spot = len(payload) // 2 if at is None else at
    return payload[:spot] + bytes([payload[spot] ^ 0x01]) + payload[spot + 1 :]


def _named(problems: list[sv.Problem]) -> set[tuple[str, str]]:
    return {(p.kind, p.item) for p in problems}


def test_an_untouched_bundle_verifies(bundle: Path) -> None:
    assert bundle_verify.verify_bundle(bundle) == []
    assert sv.check_bundle(str(bundle)) == []


def test_the_bundle_holds_everything_it_promises(bundle: Path) -> None:
    members = _members(bundle)
    for name in (
        "README.txt",
        "report.pdf",
        "chronology.csv",
        "records.json",
        "log/leaves.jsonl",
        "log/checkpoint.txt",
        "log/verifier-key.txt",
        "manifest.json",
        "manifest.sig",
        "verify_bundle.py",
        "originals/CP-000001.jpg",
        "originals/CP-000002.jpg",
        "originals/CP-000003.pdf",
    ):
        assert name in members, name
    assert members["report.pdf"].startswith(b"%PDF")
    records = json.loads(members["records.json"])
    assert records["format"] == "clearpath-records/1"
    versions = [v for i in records["incidents"] for v in i["versions"]]
    assert len(versions) == 5  # four incidents, one edited once
    assert {v["version"] for v in versions} == {1, 2}
    manifest = json.loads(members["manifest.json"])
    listed = {e["path"] for e in manifest["entries"]}
    assert listed == set(members) - {"manifest.json", "manifest.sig"}
    assert manifest["log"]["size"] == len(members["log/leaves.jsonl"].splitlines())
    # The log holds hashes only: no word of any record is in it.
    assert b"Shouting" not in members["log/leaves.jsonl"]
    assert "clearpath verify" in members["README.txt"].decode()


def test_the_bundled_checker_runs_on_the_standard_library_alone(
    bundle: Path, tmp_path: Path
) -> None:
    script = tmp_path / "verify_bundle.py"
    script.write_bytes(_members(bundle)["verify_bundle.py"])
    # -I: isolated (no site-packages, no PYTHONPATH), -S: no site module at all.
    ok = subprocess.run(
        [sys.executable, "-I", "-S", str(script), str(bundle)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Everything matches" in ok.stdout
    changed = _rewrite(
        bundle,
        tmp_path / "changed.zip",
        lambda m: m.update({"originals/CP-000001.jpg": _flip(m["originals/CP-000001.jpg"])}),
    )
    bad = subprocess.run(
        [sys.executable, "-I", "-S", str(script), str(changed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert "originals/CP-000001.jpg" in bad.stdout
    key = _members(bundle)["log/verifier-key.txt"].decode().strip()
    pinned = subprocess.run(
        [sys.executable, "-I", "-S", str(script), str(bundle), "--key", key],
        capture_output=True,
        text=True,
        check=False,
    )
    assert pinned.returncode == 0, pinned.stdout
    other = NoteSigner.from_seed("clearpath.local/evidence/00000000", bytes(32))
    wrong = subprocess.run(
        [sys.executable, "-I", "-S", str(script), str(bundle), "--key", other.verifier().text()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 1
    assert "log/verifier-key.txt" in wrong.stdout


@pytest.mark.parametrize(
    "name",
    [
        "originals/CP-000001.jpg",
        "originals/CP-000002.jpg",
        "originals/CP-000003.pdf",
        "report.pdf",
        "chronology.csv",
        "README.txt",
        "verify_bundle.py",
        "records.json",
    ],
)
def test_one_changed_byte_in_any_file_is_named(bundle: Path, tmp_path: Path, name: str) -> None:
    changed = _rewrite(bundle, tmp_path / "c.zip", lambda m: m.update({name: _flip(m[name])}))
    problems = bundle_verify.verify_bundle(changed)
    assert ("changed", name) in _named(problems)


def test_a_changed_record_is_named_by_incident_and_version(bundle: Path, tmp_path: Path) -> None:
    def edit(members: dict[str, bytes]) -> None:
        text = members["records.json"].decode()
        members["records.json"] = text.replace("Thirty-two", "Twelve").encode()

    problems = bundle_verify.verify_bundle(_rewrite(bundle, tmp_path / "c.zip", edit))
    items = {p.item for p in problems}
    assert "records.json" in items
    assert any(i.startswith("record of incident") and "version 2" in i for i in items)


def test_a_changed_log_entry_is_named(bundle: Path, tmp_path: Path) -> None:
    def edit(members: dict[str, bytes]) -> None:
        lines = members["log/leaves.jsonl"].split(b"\n")
        lines[2] = lines[2].replace(b'"version":1', b'"version":3')
        members["log/leaves.jsonl"] = b"\n".join(lines)

    problems = bundle_verify.verify_bundle(_rewrite(bundle, tmp_path / "c.zip", edit))
    named = _named(problems)
    assert ("changed", "log entry 2") in named
    assert ("changed", "log/leaves.jsonl") in named


@pytest.mark.parametrize("name", ["log/checkpoint.txt", "manifest.sig"])
def test_one_changed_byte_in_a_signature_is_named(bundle: Path, tmp_path: Path, name: str) -> None:
    def edit(members: dict[str, bytes]) -> None:
        note = members[name]
        # A byte inside the signature's base64, well before its padding.
        members[name] = _flip(note, note.rindex(b" ") + 20)

    problems = bundle_verify.verify_bundle(_rewrite(bundle, tmp_path / "c.zip", edit))
    assert ("signature", name) in _named(problems)


def test_a_missing_and_an_extra_file_are_named(bundle: Path, tmp_path: Path) -> None:
    def edit(members: dict[str, bytes]) -> None:
        del members["originals/CP-000002.jpg"]
        members["originals/CP-000009.jpg"] = b"not from the vault"

    problems = bundle_verify.verify_bundle(_rewrite(bundle, tmp_path / "c.zip", edit))
    named = _named(problems)
    assert ("missing", "originals/CP-000002.jpg") in named
    assert ("extra", "originals/CP-000009.jpg") in named


def test_a_careful_forger_who_updates_the_manifest_is_still_caught(
    bundle: Path, tmp_path: Path
) -> None:
    """Change a photo and rewrite the manifest's hash for it: the manifest's signature and
    the log entry still name it."""

    def edit(members: dict[str, bytes]) -> None:
        name = "originals/CP-000001.jpg"
        members[name] = _flip(members[name])
        manifest = json.loads(members["manifest.json"])
        import hashlib

        for entry in manifest["entries"]:
            if entry["path"] == name:
                entry["sha256"] = hashlib.sha256(members[name]).hexdigest()
        members["manifest.json"] = json.dumps(manifest).encode()

    problems = bundle_verify.verify_bundle(_rewrite(bundle, tmp_path / "c.zip", edit))
    named = _named(problems)
    assert ("changed", "manifest.json") in named
    assert ("changed", "originals/CP-000001.jpg") in named


def test_a_bundle_re_signed_with_another_key_is_told_apart_by_its_key(
    bundle: Path, tmp_path: Path
) -> None:
    """Someone re-signs a changed bundle with their own key: it verifies only against that
    key, and the key printed in the report and README is no longer the one inside."""
    impostor = NoteSigner.from_seed("clearpath.local/evidence/00000000", bytes(32))

    def edit(members: dict[str, bytes]) -> None:
        old_key = members["log/verifier-key.txt"].decode().strip()
        members["log/verifier-key.txt"] = (impostor.verifier().text() + "\n").encode()
        assert old_key in members["README.txt"].decode()

    problems = bundle_verify.verify_bundle(_rewrite(bundle, tmp_path / "c.zip", edit))
    assert ("changed", "log/verifier-key.txt") in _named(problems)


def test_raw_byte_damage_inside_the_zip_is_named(bundle: Path, tmp_path: Path) -> None:
    raw = bundle.read_bytes()
    payload = _members(bundle)["originals/CP-000001.jpg"]
    at = raw.index(payload[100:140]) + 10
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(_flip(raw, at))
    problems = bundle_verify.verify_bundle(damaged)
    assert ("changed", "originals/CP-000001.jpg") in _named(problems)


def test_not_a_zip_is_one_calm_line(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"hello")
    problems = bundle_verify.verify_bundle(path)
    assert [p.kind for p in problems] == ["unreadable"]
    assert "Traceback" not in problems[0].line()


def test_an_empty_vault_makes_a_bundle_that_verifies(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    prepared = export.prepare(unlocked_vault, Filters())
    data = b"".join(export.bundle_chunks(unlocked_vault, prepared, b"%PDF-1.4"))
    path = tmp_path / "empty.zip"
    path.write_bytes(data)
    assert bundle_verify.verify_bundle(path) == []


def test_the_bundle_streams_in_pieces(unlocked_vault: Vault) -> None:
    seed(unlocked_vault)
    prepared = export.prepare(unlocked_vault, Filters())
    chunks = list(export.bundle_chunks(unlocked_vault, prepared, b"%PDF-1.4"))
    assert len(chunks) > 10
    assert all(chunks)
    with zipfile.ZipFile(io.BytesIO(b"".join(chunks))) as archive:
        assert archive.testzip() is None


def test_the_manifest_note_is_a_signed_note(bundle: Path) -> None:
    members = _members(bundle)
    signed = members["manifest.sig"].decode()
    text = signed[: signed.rindex("\n\n") + 1]
    assert text.startswith("clearpath-bundle-manifest/1\n")
    signer = NoteSigner.from_seed("someone", bytes(32))
    assert sign_note(text, signer).startswith(text + "\n\u2014 someone ")


def _bundle_after_two_exports(vault: Vault, path: Path) -> export.Prepared:
    seed(vault)
    export.prepare(vault, Filters())  # the first export signs a checkpoint
    from clearpath.evidence import services
    from clearpath.evidence.records import IncidentFields

    with vault.session() as db:
        services.create_incident(db, IncidentFields(title="Later"))
    prepared = export.prepare(vault, Filters())
    path.write_bytes(b"".join(export.bundle_chunks(vault, prepared, b"%PDF-1.4")))
    return prepared


def test_earlier_checkpoints_travel_and_still_fit(unlocked_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    prepared = _bundle_after_two_exports(unlocked_vault, path)
    assert len(prepared.earlier) == 1
    earlier = json.loads(_members(path)["log/earlier-checkpoints.json"])
    assert len(earlier) == 1
    assert bundle_verify.verify_bundle(path) == []
    assert bundle_verify.verify_bundle(path, prepared.seal.verifier_key) == []


def test_a_rewritten_and_re_signed_log_is_caught_by_an_earlier_checkpoint(
    unlocked_vault: Vault, tmp_path: Path
) -> None:
    """Someone with the passphrase rewrites an old log entry and signs everything again:
    the checkpoint signed at the earlier export still names the rewrite."""
    import hashlib

    path = tmp_path / "b.zip"
    prepared = _bundle_after_two_exports(unlocked_vault, path)
    signer = prepared.signer

    def edit(members: dict[str, bytes]) -> None:
        lines = members["log/leaves.jsonl"].decode().split("\n")
        lines[0] = lines[0].replace('"version":1', '"version":1,"x":1')
        leaves = [line for line in lines if line]
        members["log/leaves.jsonl"] = ("\n".join(leaves) + "\n").encode()
        hashes = [sv.leaf_hash(line.encode()) for line in leaves]
        from clearpath.integrity.checkpoint import Checkpoint, sign_checkpoint

        members["log/checkpoint.txt"] = sign_checkpoint(
            Checkpoint(signer.name, len(hashes), sv.merkle_root(hashes)), signer
        ).encode()
        manifest = json.loads(members["manifest.json"])
        manifest["log"]["leaf_hashes"] = [h.hex() for h in hashes]
        for entry in manifest["entries"]:
            payload = members[entry["path"]]
            entry["sha256"], entry["size"] = hashlib.sha256(payload).hexdigest(), len(payload)
        members["manifest.json"] = json.dumps(manifest).encode()
        digest = hashlib.sha256(members["manifest.json"]).hexdigest()
        members["manifest.sig"] = sign_note(
            f"clearpath-bundle-manifest/1\n{digest}\n", signer
        ).encode()

    problems = bundle_verify.verify_bundle(_rewrite(path, tmp_path / "c.zip", edit))
    assert ("changed", "earlier checkpoint 1") in _named(problems)


def test_a_bundle_signed_with_another_key_than_the_one_given(bundle: Path) -> None:
    other = NoteSigner.from_seed("clearpath.local/evidence/00000000", bytes(32))
    problems = bundle_verify.verify_bundle(bundle, other.verifier().text())
    assert ("signature", "log/verifier-key.txt") in _named(problems)
    bad = bundle_verify.verify_bundle(bundle, "not a key")
    assert [p.kind for p in bad] == ["unreadable"]


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_any_changed_byte_anywhere_is_named(
    bundle: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Property: flip any bit of any byte of any file in the bundle; verify names that file."""
    members = _members(bundle)
    name = data.draw(st.sampled_from(sorted(members)))
    spot = data.draw(st.integers(min_value=0, max_value=len(members[name]) - 1))
    bit = data.draw(st.integers(min_value=0, max_value=7))

    def edit(found: dict[str, bytes]) -> None:
        payload = bytearray(found[name])
        payload[spot] ^= 1 << bit
        found[name] = bytes(payload)

    target = tmp_path_factory.mktemp("prop") / "c.zip"
    problems = bundle_verify.verify_bundle(_rewrite(bundle, target, edit))
    assert name in {p.item for p in problems}, (name, spot, [p.line() for p in problems])
