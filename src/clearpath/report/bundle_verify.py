"""`clearpath verify BUNDLE.zip`: the standard-library checks, plus the signatures again.

The standalone checker (shipped in every bundle as verify_bundle.py) already checks the
hashes, the Merkle tree and the Ed25519 signatures in pure Python. Here the two signatures are
checked a second time with the cryptography package, through the same signed-note code that
made them, so a flaw in either implementation cannot let a forged signature through alone.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from clearpath.integrity.checkpoint import NoteError, NoteVerifier, open_note
from clearpath.report import standalone_verify as sv
from clearpath.report.standalone_verify import Problem


def verify_bundle(path: Path, trusted_key: str | None = None) -> list[Problem]:
    """Every problem in the bundle at ``path``; an empty list when it is intact.
    ``trusted_key``: a verifier key given separately, which must be the bundle's."""
    problems = sv.check_bundle(str(path), trusted_key=trusted_key)
    if any(p.kind == "unreadable" for p in problems):
        return problems
    for problem in _signatures(path, trusted_key):
        if problem not in problems:
            problems.append(problem)
    return problems


def _signatures(path: Path, trusted_key: str | None) -> list[Problem]:
    found: list[Problem] = []
    with zipfile.ZipFile(path) as archive:
        try:
            key_text = trusted_key or archive.read(sv.VERIFIER_KEY).decode("utf-8")
            verifier = NoteVerifier.parse(key_text)
        except (KeyError, UnicodeDecodeError, NoteError, zipfile.BadZipFile, OSError):
            return [Problem("changed", sv.VERIFIER_KEY, "it is not a valid verifier key")]
        for name in (sv.CHECKPOINT, sv.MANIFEST_SIG):
            try:
                open_note(archive.read(name).decode("utf-8"), verifier)
            except KeyError:
                continue  # already named as missing by the standard checks
            except (UnicodeDecodeError, NoteError, zipfile.BadZipFile, OSError):
                found.append(Problem("signature", name, "the signature does not verify"))
        found += _earlier_signatures(archive, verifier)
    return found


def _earlier_signatures(archive: zipfile.ZipFile, verifier: NoteVerifier) -> list[Problem]:
    try:
        listed = json.loads(archive.read(sv.EARLIER).decode("utf-8"))
    except (KeyError, UnicodeDecodeError, ValueError, zipfile.BadZipFile, OSError):
        return []  # absent or unreadable: the standard checks already name it
    found = []
    for number, item in enumerate(listed if isinstance(listed, list) else [], start=1):
        note = item.get("note") if isinstance(item, dict) else None
        try:
            open_note(note if isinstance(note, str) else "", verifier)
        except NoteError:
            label = f"earlier checkpoint {number}"
            found.append(Problem("signature", label, "the signature does not verify"))
    return found


def describe(problems: list[Problem]) -> str:
    """One calm closing line."""
    if not problems:
        return (
            "Everything matches: every file, record and log entry, and both signatures. "
            "This bundle is as it was made."
        )
    count = len(problems)
    return (
        f"{count} thing{'s' if count != 1 else ''} did not match (each is named above): "
        "this bundle is not exactly as it was made."
    )


def to_json(problems: list[Problem]) -> str:
    """The result as JSON: ok, and each problem's kind, item and detail."""
    return json.dumps(
        {
            "ok": not problems,
            "problems": [
                {"kind": p.kind, "item": p.item, "detail": p.detail} for p in problems
            ],
        },
        ensure_ascii=False,
    )
