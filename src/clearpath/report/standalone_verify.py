#!/usr/bin/env python3
"""Check a Clearpath evidence bundle with nothing but the Python standard library.

    python3 verify_bundle.py BUNDLE.zip [--key NAME+ID+KEY]

It checks, without any network and without Clearpath installed:

1. every file in the bundle against the SHA-256 listed for it in manifest.json, and names
   each file that was changed, is missing or was added;
2. every entry of the integrity log (log/leaves.jsonl) against the manifest, and the whole
   log against the signed checkpoint (log/checkpoint.txt): RFC 6962 Merkle tree hashing;
3. every record version in records.json and every original file against the hash the log
   holds for it;
4. the Ed25519 signatures on the checkpoint and on the manifest (manifest.sig), with the
   public key in log/verifier-key.txt (a slow but complete pure-Python check, RFC 8032),
   or with the key given after --key (one the person gave you separately);
5. that every earlier signed checkpoint (log/earlier-checkpoints.json) is still the start of
   this log: nothing it covered was changed or removed since.

It exits with 0 when everything matches and 1 when anything does not, and prints each
problem on its own line. The same file is part of Clearpath (``clearpath verify BUNDLE.zip``
runs it, then checks the signatures again with the cryptography package).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MANIFEST = "manifest.json"
MANIFEST_SIG = "manifest.sig"
RECORDS = "records.json"
LEAVES = "log/leaves.jsonl"
CHECKPOINT = "log/checkpoint.txt"
EARLIER = "log/earlier-checkpoints.json"
VERIFIER_KEY = "log/verifier-key.txt"
MANIFEST_NOTE_HEAD = "clearpath-bundle-manifest/1"
CHUNK = 1 << 20


@dataclass(frozen=True)
class Problem:
    """One thing that does not match: what kind, which item, and what exactly."""

    kind: str  # "changed", "missing", "extra", "unreadable", "signature"
    item: str
    detail: str

    def line(self) -> str:
        return f"{self.kind:<10} {self.item}: {self.detail}"


# -- RFC 6962 hashing ----------------------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def merkle_root(leaves: Sequence[bytes]) -> bytes:
    if not leaves:
        return hashlib.sha256(b"").digest()
    stack: list[tuple[int, bytes]] = []
    for value in leaves:
        height = 0
        while stack and stack[-1][0] == height:
            value = hashlib.sha256(b"\x01" + stack.pop()[1] + value).digest()
            height += 1
        stack.append((height, value))
    value = stack[-1][1]
    for _, left in reversed(stack[:-1]):
        value = hashlib.sha256(b"\x01" + left + value).digest()
    return value


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


# -- Ed25519 verification (RFC 8032 section 5.1.7, pure Python) -----------------------------

_P = 2**255 - 19
_Q = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)
Point = tuple[int, int, int, int]


def _add(a: Point, b: Point) -> Point:
    x1 = (a[1] - a[0]) * (b[1] - b[0]) % _P
    x2 = (a[1] + a[0]) * (b[1] + b[0]) % _P
    x3 = 2 * a[3] * b[3] * _D % _P
    x4 = 2 * a[2] * b[2] % _P
    e, f, g, h = x2 - x1, x4 - x3, x4 + x3, x2 + x1
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _mul(s: int, point: Point) -> Point:
    result: Point = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            result = _add(result, point)
        point = _add(point, point)
        s >>= 1
    return result


def _recover_x(y: int, sign: int) -> int | None:
    if y >= _P:
        return None
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P) % _P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P:
        return None
    return _P - x if (x & 1) != sign else x


def _decompress(raw: bytes) -> Point | None:
    y = int.from_bytes(raw, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % _P)


_GY = 4 * pow(5, _P - 2, _P) % _P
_GX = _recover_x(_GY, 0) or 0
_G: Point = (_GX, _GY, 1, _GX * _GY % _P)


def ed25519_verify(public: bytes, message: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``message`` by ``public``."""
    if len(public) != 32 or len(signature) != 64:
        return False
    a, r = _decompress(public), _decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= _Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % _Q
    left, right = _mul(s, _G), _add(r, _mul(h, a))
    return (left[0] * right[2] - right[0] * left[2]) % _P == 0 and (
        left[1] * right[2] - right[1] * left[2]
    ) % _P == 0


# -- signed notes ----------------------------------------------------------------------------


def _b64(text: str) -> bytes | None:
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        return None
    return raw if base64.b64encode(raw).decode() == text else None


def read_verifier_key(text: str) -> tuple[str, bytes, bytes] | None:
    """(name, key id, public key) from ``name+hex(id)+base64(0x01||key)``; None if malformed."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3:
        return None
    raw = _b64(parts[2])
    if raw is None or len(raw) != 33 or raw[0] != 1 or len(parts[1]) != 8:
        return None
    kid = hashlib.sha256(parts[0].encode() + b"\n" + raw).digest()[:4]
    return (parts[0], kid, raw[1:]) if kid.hex() == parts[1] else None


def open_note(note: str, key: tuple[str, bytes, bytes], check_signature: bool) -> str | None:
    """The note's text when it carries a valid signature by ``key``, else None."""
    name, kid, public = key
    split = note.rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        return None
    text = note[: split + 1]
    for line in note[split + 2 :].splitlines():
        fields = line.split(" ")
        if len(fields) != 3 or fields[0] != "\u2014" or fields[1] != name:
            continue
        blob = _b64(fields[2])
        if blob is None or len(blob) != 68 or blob[:4] != kid:
            continue
        if not check_signature or ed25519_verify(public, text.encode(), blob[4:]):
            return text
        return None
    return None


# -- the bundle --------------------------------------------------------------------------------


def _hash_member(archive: zipfile.ZipFile, name: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with archive.open(name) as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _read_text(archive: zipfile.ZipFile, name: str, problems: list[Problem]) -> str | None:
    try:
        return archive.read(name).decode("utf-8")
    except KeyError:
        problems.append(Problem("missing", name, "it is not in the bundle"))
    except (UnicodeDecodeError, zipfile.BadZipFile, OSError):
        problems.append(Problem("changed", name, "it cannot be read as text any more"))
    return None


def check_bundle(
    path: str, *, check_signatures: bool = True, trusted_key: str | None = None
) -> list[Problem]:
    """Every problem found in the bundle at ``path``; an empty list means it is intact.

    ``trusted_key`` is a verifier key the person gave separately: the bundle must be signed
    with exactly that key."""
    problems: list[Problem] = []
    trusted = None
    if trusted_key is not None:
        trusted = read_verifier_key(trusted_key)
        if trusted is None:
            return [Problem("unreadable", "--key", "it is not a valid verifier key")]
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [Problem("unreadable", path, f"it cannot be opened as a zip file ({exc})")]
    with archive:
        _check(archive, problems, check_signatures, trusted)
    return problems


def _check(
    archive: zipfile.ZipFile,
    problems: list[Problem],
    signatures: bool,
    trusted: tuple[str, bytes, bytes] | None = None,
) -> None:
    names = [i.filename for i in archive.infolist() if not i.is_dir()]
    manifest_text = _read_text(archive, MANIFEST, problems)
    manifest = _json_object(manifest_text, MANIFEST, problems)
    if manifest is None:
        return
    digests = _check_entries(archive, names, manifest, problems)
    listed = set(digests)
    key_text = _read_text(archive, VERIFIER_KEY, problems) if VERIFIER_KEY in listed else None
    key = read_verifier_key(key_text) if key_text else None
    if key_text and key is None:
        problems.append(Problem("changed", VERIFIER_KEY, "it is not a valid verifier key"))
    if trusted is not None and key != trusted:
        problems.append(
            Problem("signature", VERIFIER_KEY, "it is not the key you gave: another key signed")
        )
        key = trusted  # check the signatures against the key the person trusts
    if manifest_text is not None:
        _check_manifest_signature(archive, manifest_text, key, signatures, problems)
    leaves = _check_log(archive, manifest, key, signatures, problems)
    _check_against_log(archive, leaves, digests, problems)


def _json_object(text: str | None, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        problems.append(Problem("changed", name, "it is no longer valid JSON"))
        return None
    return value


def _check_entries(
    archive: zipfile.ZipFile, names: list[str], manifest: dict[str, Any], problems: list[Problem]
) -> dict[str, str]:
    """Check each listed entry; return the SHA-256 computed for each (None when missing)."""
    entries = manifest.get("entries")
    if not isinstance(entries, list):
        problems.append(Problem("changed", MANIFEST, "its list of entries is missing"))
        return {}
    present = set(names)
    listed: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            problems.append(Problem("changed", MANIFEST, "an entry is not readable"))
            continue
        name = entry["path"]
        listed[name] = ""
        if name not in present:
            problems.append(Problem("missing", name, "it is listed in the manifest"))
            continue
        try:
            digest, size = _hash_member(archive, name)
        except (zipfile.BadZipFile, OSError, ValueError):
            problems.append(Problem("changed", name, "its bytes no longer match the zip record"))
            continue
        listed[name] = digest
        if digest != entry.get("sha256") or size != entry.get("size"):
            problems.append(Problem("changed", name, "its SHA-256 differs from the manifest"))
    for name in sorted(present - set(listed) - {MANIFEST, MANIFEST_SIG}):
        problems.append(Problem("extra", name, "it is not listed in the manifest"))
    if len(names) != len(present):
        problems.append(Problem("extra", "(zip)", "a file name appears more than once"))
    return listed


def _check_manifest_signature(
    archive: zipfile.ZipFile,
    manifest_text: str,
    key: tuple[str, bytes, bytes] | None,
    signatures: bool,
    problems: list[Problem],
) -> None:
    note = _read_text(archive, MANIFEST_SIG, problems)
    if note is None or key is None:
        return
    text = open_note(note, key, signatures)
    want = f"{MANIFEST_NOTE_HEAD}\n{hashlib.sha256(manifest_text.encode()).hexdigest()}\n"
    if text is None:
        problems.append(Problem("signature", MANIFEST_SIG, "the signature does not verify"))
    elif text != want:
        problems.append(Problem("changed", MANIFEST, "it is not the manifest that was signed"))


def _check_log(
    archive: zipfile.ZipFile,
    manifest: dict[str, Any],
    key: tuple[str, bytes, bytes] | None,
    signatures: bool,
    problems: list[Problem],
) -> list[dict[str, Any]]:
    leaves_text = _read_text(archive, LEAVES, problems)
    lines = leaves_text.split("\n")[:-1] if leaves_text else []
    log = manifest.get("log") if isinstance(manifest.get("log"), dict) else {}
    expected = log.get("leaf_hashes") if isinstance(log, dict) else None
    expected = expected if isinstance(expected, list) else []
    hashes = [leaf_hash(line.encode("utf-8")) for line in lines]
    for index, value in enumerate(hashes):
        if index >= len(expected):
            problems.append(Problem("extra", f"log entry {index}", "it is not in the manifest"))
        elif value.hex() != expected[index]:
            problems.append(Problem("changed", f"log entry {index}", "its hash differs"))
    for index in range(len(hashes), len(expected)):
        problems.append(Problem("missing", f"log entry {index}", "it is listed in the manifest"))
    note = _read_text(archive, CHECKPOINT, problems)
    if note is not None and key is not None:
        text = open_note(note, key, signatures)
        if text is None:
            problems.append(Problem("signature", CHECKPOINT, "the signature does not verify"))
        else:
            _compare_checkpoint(text, hashes, problems)
    if key is not None and EARLIER in archive.namelist():
        _check_earlier(archive, hashes, key, signatures, problems)
    events: list[dict[str, Any]] = []
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            event = {}
        events.append(event if isinstance(event, dict) else {})
    return events


def _check_earlier(
    archive: zipfile.ZipFile,
    hashes: list[bytes],
    key: tuple[str, bytes, bytes],
    signatures: bool,
    problems: list[Problem],
) -> None:
    """Each earlier signed checkpoint must still be a prefix of this log (append-only)."""
    listed = _json_value(_read_text(archive, EARLIER, problems))
    if not isinstance(listed, list):
        problems.append(Problem("changed", EARLIER, "it is no longer a list of checkpoints"))
        return
    for number, item in enumerate(listed, start=1):
        label = f"earlier checkpoint {number}"
        note = item.get("note") if isinstance(item, dict) else None
        text = open_note(note, key, signatures) if isinstance(note, str) else None
        if text is None:
            problems.append(Problem("signature", label, "the signature does not verify"))
            continue
        lines = text.split("\n")
        root = _b64(lines[2]) if len(lines) > 3 else None
        if len(lines) < 4 or not lines[1].isdigit() or root is None:
            problems.append(Problem("changed", label, "it is not a readable checkpoint"))
            continue
        size = int(lines[1])
        if size > len(hashes) or merkle_root(hashes[:size]) != root:
            problems.append(
                Problem("changed", label, "the log no longer starts with what it signed")
            )


def _json_value(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _compare_checkpoint(text: str, hashes: list[bytes], problems: list[Problem]) -> None:
    lines = text.split("\n")
    root = _b64(lines[2]) if len(lines) > 3 else None
    if len(lines) < 4 or not lines[1].isdigit() or root is None:
        problems.append(Problem("changed", CHECKPOINT, "it is not a readable checkpoint"))
        return
    size = int(lines[1])
    if size != len(hashes):
        problems.append(
            Problem("changed", LEAVES, f"it holds {len(hashes)} entries, the checkpoint {size}")
        )
    elif merkle_root(hashes) != root:
        problems.append(Problem("changed", LEAVES, "its Merkle root is not the signed one"))


def _check_against_log(
    archive: zipfile.ZipFile,
    events: Iterable[dict[str, Any]],
    digests: dict[str, str],
    problems: list[Problem],
) -> None:
    records: dict[tuple[Any, Any], str] = {}
    files: dict[Any, str] = {}
    file_records: dict[Any, str] = {}
    for event in events:
        if "record_sha256" in event and "version" in event:
            records[(event.get("incident"), event.get("version"))] = str(event["record_sha256"])
        if "item" in event and "sha256" in event:
            files[event.get("item")] = str(event["sha256"])
            if "record_sha256" in event:
                file_records[event.get("item")] = str(event["record_sha256"])
    body = _json_object(_read_text(archive, RECORDS, problems), RECORDS, problems)
    for incident in body.get("incidents", []) if body else []:
        if not isinstance(incident, dict):
            continue
        for record in incident.get("versions", []):
            if not isinstance(record, dict):
                continue
            label = f"record of incident {record.get('incident')} version {record.get('version')}"
            logged = records.get((record.get("incident"), record.get("version")))
            if logged is None:
                problems.append(Problem("extra", label, "the log holds no entry for it"))
            elif hashlib.sha256(canonical_json(record)).hexdigest() != logged:
                problems.append(Problem("changed", label, "it differs from its log entry"))
        for item in incident.get("files", []):
            if not isinstance(item, dict):
                continue
            path = str(item.get("archive_path", ""))
            logged = files.get(item.get("item_number"))
            if logged is None:
                problems.append(Problem("extra", path, "the log holds no entry for this file"))
            elif item.get("sha256") != logged:
                problems.append(Problem("changed", path, "its hash differs from its log entry"))
            elif digests.get(path) and digests[path] != logged:
                problems.append(Problem("changed", path, "its bytes differ from its log entry"))
            record = item.get("record")
            logged_record = file_records.get(item.get("item_number"))
            if logged_record and (
                not isinstance(record, dict)
                or hashlib.sha256(canonical_json(record)).hexdigest() != logged_record
            ):
                label = f"record of file {item.get('item')}"
                problems.append(Problem("changed", label, "it differs from its log entry"))


def main(argv: list[str]) -> int:
    """Print what was checked and every problem; 0 when intact, 1 otherwise, 2 for usage."""
    key = None
    if len(argv) == 3 and argv[1] == "--key":
        argv, key = argv[:1], argv[2]
    if len(argv) != 1:
        print("Use: python3 verify_bundle.py BUNDLE.zip [--key NAME+ID+KEY]")
        return 2
    problems = check_bundle(argv[0], trusted_key=key)
    for problem in problems:
        print(problem.line())
    if problems:
        print(f"{len(problems)} problem(s) found: this bundle is not as it was made.")
        return 1
    print("Everything matches: every file, record and log entry, and both signatures.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
