"""The fixed words of the report and the bundle README, and small formatting rules."""

from __future__ import annotations

from datetime import UTC, datetime

DOCUMENT_TITLE = "Record of incidents"

COVER_HOW_TO_VERIFY = (
    "Every incident, every earlier version and every file in this record is also an entry "
    "in an append-only integrity log. The log's root hash above was signed with the key "
    "shown when this report was made. The evidence bundle (a zip file made with this report) "
    "holds the original files, every record as data, the log and the signature. Anyone can "
    "run 'python3 verify_bundle.py BUNDLE.zip' from the bundle, or 'clearpath verify "
    "BUNDLE.zip', to check that nothing was changed. The last pages explain the method."
)

APPENDIX_METHOD = (
    "Recorded and occurred. Each incident has two times: when it happened (occurred), as "
    "written by the person, and when it was first written down (recorded), set by the "
    "app's clock and never editable. A date marked 'about' was written as approximate.",
    "Versions. Editing an incident never overwrites it: each change is saved as a new "
    "version and the earlier ones are kept. This report prints the latest version of each "
    "incident and notes every earlier version, when it was saved and which parts changed. "
    "The evidence bundle holds every version in full.",
    "Files. Photos, screenshots, recordings and documents are kept byte for byte as they "
    "were added, encrypted in the vault. Each has an item number (CP-000001 and so on) and a "
    "SHA-256 hash of its original bytes. The bundle holds the originals under their item "
    "numbers; pictures in this report are small copies for reading only.",
    "The integrity log. Every event (an incident written down, a new version, a deletion, "
    "an erasure, a file added) is a leaf of a Merkle tree as defined in RFC 6962 (leaf hash "
    "SHA-256(0x00 || data), node hash SHA-256(0x01 || left || right)). A leaf holds hashes "
    "and dates, never the words of a record. The tree's size and root hash are signed "
    "with an Ed25519 key kept in the encrypted vault, in the C2SP signed-note checkpoint "
    "format. A new checkpoint is signed each time a report or bundle is made.",
    "What this shows and what it does not. A matching hash shows that a record or file is "
    "the same as when it entered the log, and the signed checkpoint shows the log was not "
    "rewritten since it was signed. It cannot show that what was written is true; that is "
    "for the person and the evidence to show.",
)

APPENDIX_VERIFY = (
    "1. Open the evidence bundle (the zip file) on any computer with Python 3.9 or newer.",
    "2. Run: python3 verify_bundle.py BUNDLE.zip  (the script is inside the bundle and uses "
    "only the Python standard library), or with Clearpath installed: clearpath verify "
    "BUNDLE.zip.",
    "3. It checks every file against the manifest, every log entry against the signed "
    "checkpoint, every record and original against its log entry, and both Ed25519 "
    "signatures. It names anything changed, missing or added and ends with 'Everything "
    "matches' when nothing was.",
    "4. To be sure the signing key is the person's own, compare the verifier key below with "
    "one they gave you separately (for example printed in an earlier report).",
)

STATEMENT_HINT = (
    "You may sign this page if you wish. Whether a court needs a signed statement, and in "
    "what words, differs from place to place; an advocate or a lawyer can tell you."
)

STATEMENT_TEXT = (
    "I, {name}, made the records in this report. To the best of my knowledge and belief "
    "they are true. The dates marked 'about' are my best memory of when things happened."
)

README = """Evidence bundle made with Clearpath
====================================

What is in here
---------------
report.pdf           the report: chronology, pattern, each incident, index of files
chronology.csv       the chronology as a spreadsheet (date, what happened, who,
                     witnesses, evidence reference)
records.json         every record and every earlier version, as data
originals/           each file's original bytes, named by item number (CP-000001...)
log/leaves.jsonl     the integrity log, one entry per line (hashes only)
log/checkpoint.txt   the signed checkpoint: log size and Merkle root hash
log/verifier-key.txt the public key that signed the checkpoint and the manifest
log/earlier-checkpoints.json  checkpoints signed at earlier reports and bundles
manifest.json        every file here with its size and SHA-256
manifest.sig         the signature over manifest.json
verify_bundle.py     a checker that needs only Python 3.9 or newer

How to check it
---------------
With Python 3.9 or newer (nothing else needed):

    python3 verify_bundle.py THIS-FILE.zip

With Clearpath installed:

    clearpath verify THIS-FILE.zip

Both print one line for each file, record or log entry that was changed, is
missing or was added, and end with "Everything matches" when nothing was.
They exit with 0 when the bundle is intact and 1 when it is not.

The signing key in log/verifier-key.txt is:

    {verifier_key}

Compare it with a copy the person gave you separately to be sure the bundle
is theirs, or give that copy to the checker:

    python3 verify_bundle.py THIS-FILE.zip --key THE-KEY-YOU-WERE-GIVEN

The format of every file is described in Clearpath's docs/bundle-format.md.

This bundle holds private records and original files. Keep it safe.
"""


def utc_text(moment: datetime) -> str:
    """A moment as "2026-11-24 21:05 UTC"."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def spaced_hash(hex_text: str) -> str:
    """A long hash in groups of eight, easier to read aloud and compare."""
    return " ".join(hex_text[i : i + 8] for i in range(0, len(hex_text), 8))


def human_size(size: int) -> str:
    """Bytes in words: 512 bytes, 3.4 KB, 12.0 MB."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"
