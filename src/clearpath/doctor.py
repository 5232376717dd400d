"""Health checks for a data directory, for `clearpath doctor`.

Each check returns findings: what is fine, what is worth knowing, and what is wrong together
with how to fix it. The checks before unlocking need no passphrase and never change a file.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import sqlcipher3

from clearpath import migrate
from clearpath.db import CONNECTION_PRAGMAS, read_pragmas
from clearpath.settings import KdfParams, Settings
from clearpath.vault import keyslots
from clearpath.vault.errors import KeyFileDamaged
from clearpath.vault.keyfile import KeyFile, read_keyfile
from clearpath.vault.paths import VaultPaths
from clearpath.vault.service import Vault

LOW_DISK_BYTES = 200 * 1024 * 1024
MIN_SQLCIPHER_MAJOR = 4
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite reports some pragmas as numbers; these are the numbers for the names db.py sets.
_PRAGMA_NUMBERS = {"ON": "1", "OFF": "0", "MEMORY": "2", "FULL": "2", "NORMAL": "1"}


class Level(Enum):
    OK = "ok"
    NOTE = "note"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Finding:
    level: Level
    text: str
    fix: str = ""


def ok(text: str) -> Finding:
    return Finding(Level.OK, text)


def problem(text: str, fix: str) -> Finding:
    return Finding(Level.PROBLEM, text, fix)


def check_without_key(settings: Settings) -> list[Finding]:
    """Every check that needs no passphrase: folder, modes, key file, SQLCipher, disk."""
    paths = VaultPaths(settings.data_dir)
    findings = _check_folder(paths)
    if paths.root.is_dir():
        findings += _check_files(paths)
        findings += _check_unexpected(paths)
        findings += _check_keyfile(paths, settings.kdf)
    findings.append(check_sqlcipher())
    findings.append(check_free_space(paths.root))
    return findings


def _check_folder(paths: VaultPaths) -> list[Finding]:
    root = paths.root
    if not root.exists():
        return [
            problem(
                f"The data folder {root} does not exist yet.",
                "Run 'clearpath init' to create a vault there, or choose another folder "
                "with --data-dir.",
            )
        ]
    if not root.is_dir():
        return [problem(f"{root} is not a folder.", "Choose another folder with --data-dir.")]
    return [ok(f"The data folder exists: {root}"), _check_mode(root, 0o700, "data folder")]


def _check_mode(path: Path, wanted: int, name: str = "") -> Finding:
    info = path.lstat()
    mode = stat.S_IMODE(info.st_mode)
    kind = "folder" if stat.S_ISDIR(info.st_mode) else "file"
    what = name or f"{kind} {path.name}"
    if stat.S_ISLNK(info.st_mode):
        return problem(
            f"The {what} is a link to somewhere else.",
            "Keep the real file in the data folder instead of a link.",
        )
    if info.st_uid != os.getuid():
        return problem(
            f"The {what} belongs to another user account.",
            "Move the data folder to your own account, or run Clearpath as its owner.",
        )
    if mode != wanted:
        risk = (
            "so other user accounts on this computer may be able to read it"
            if mode & 0o077
            else f"not {wanted:04o}"
        )
        return problem(
            f"The {what} has mode {mode:04o}, {risk}.",
            f"Run chmod {wanted:o} '{path}'.",
        )
    return ok(f"Only you can read the {what} (mode {mode:04o}).")


def _check_files(paths: VaultPaths) -> list[Finding]:
    findings: list[Finding] = []
    vault_exists = paths.holds_vault()
    for path, required in (
        (paths.database, vault_exists),
        (paths.keys, vault_exists),
        (paths.lock, False),
    ):
        if path.exists() or path.is_symlink():
            findings.append(_check_mode(path, 0o600))
        elif path == paths.database and paths.creating.exists():
            pass  # an interrupted creation: _check_creating says how to finish it
        elif required:
            findings.append(
                problem(
                    f"{path.name} is missing, so the vault cannot be opened.",
                    f"Restore {path.name} from a backup into {paths.root}.",
                )
            )
    if paths.files.exists():
        findings.append(_check_mode(paths.files, 0o700))
    if not vault_exists:
        findings.append(Finding(Level.NOTE, "There is no vault here yet. "
                                "Run 'clearpath init' or 'clearpath serve' to create one."))
    elif paths.database.is_file():
        findings.append(_check_encrypted(paths.database))
    return findings


def _check_encrypted(database: Path) -> Finding:
    try:
        with database.open("rb") as handle:
            header = handle.read(len(PLAIN_SQLITE_HEADER))
    except OSError as exc:
        return problem(
            f"vault.db cannot be read ({exc.strerror}).",
            f"Make sure it belongs to you: run chmod 600 '{database}'.",
        )
    if header == PLAIN_SQLITE_HEADER:
        return problem(
            "vault.db is a plain, unencrypted SQLite file, not a Clearpath vault.",
            "Move it out of the data folder and restore vault.db from a backup.",
        )
    return ok("vault.db looks encrypted: it does not start like a plain database.")


def _check_unexpected(paths: VaultPaths) -> list[Finding]:
    expected = {paths.database.name, paths.keys.name, paths.files.name, paths.lock.name}
    journal = f"{paths.database.name}-journal"
    findings: list[Finding] = []
    for entry in sorted(paths.root.iterdir()):
        if entry.name in expected:
            continue
        if entry.name == journal:
            # A hot journal is how SQLite undoes an interrupted write: deleting it loses data.
            findings.append(Finding(
                Level.NOTE,
                f"{journal} is there: a change is being saved, or one was interrupted. "
                "It is encrypted and is tidied up the next time the vault opens. Keep it.",
            ))
        elif entry == paths.creating:
            findings.append(_check_creating(paths))
        elif entry.name.startswith((".backup-snapshot-", ".restoring-")):
            findings.append(Finding(
                Level.NOTE,
                f"{entry.name} is an encrypted copy from a backup or a restore that is running "
                "now or was stopped. A later backup or restore removes it.",
            ))
        elif _is_keys_temp_file(paths, entry.name):
            findings.append(Finding(
                Level.NOTE,
                f"{entry.name} is left over from saving keys.json when that was interrupted "
                "(or while Clearpath is saving it right now). keys.json itself was not touched: "
                "it is replaced only once a new copy is complete.",
                f"When Clearpath is not running, delete it: rm '{entry}'",
            ))
        else:
            findings.append(problem(
                f"The data folder holds something Clearpath did not put there: {entry.name}",
                "Check what it is, and move it out of the data folder.",
            ))
    if not findings:
        findings.append(ok("The data folder holds only Clearpath's own files."))
    return findings


def _is_keys_temp_file(paths: VaultPaths, name: str) -> bool:
    """The name atomic.write_atomic gives keys.json's new copy: .keys.json.<pid>.tmp"""
    middle = name.removeprefix(f".{paths.keys.name}.").removesuffix(".tmp")
    return name.startswith(f".{paths.keys.name}.") and name.endswith(".tmp") and middle.isdigit()


def _check_creating(paths: VaultPaths) -> Finding:
    """A new vault is built as .vault.db.creating, keys.json is written, then it is renamed."""
    name = paths.creating.name
    if paths.keys.exists() and not paths.database.exists():
        # Interrupted after keys.json was written: the new vault is complete, only unnamed.
        return problem(
            f"Creating the vault was interrupted just before the end: the new vault is in "
            f"{name}, and vault.db is not there yet.",
            f"Finish it by renaming the file: mv '{paths.creating}' '{paths.database}'",
        )
    return Finding(
        Level.NOTE,
        f"{name} is left over from creating a vault when that was interrupted. It holds no "
        "data you need.",
        f"When Clearpath is not running, delete it: rm '{paths.creating}'",
    )


def _check_keyfile(paths: VaultPaths, current: KdfParams) -> list[Finding]:
    if not paths.keys.exists():
        return []
    try:
        keyfile = read_keyfile(paths.keys)
    except KeyFileDamaged as exc:
        return [problem(
            exc.message,
            "An older copy of keys.json from this same vault works too, with the passphrase "
            "you had at that time.",
        )]
    findings = [ok("keys.json can be read.")]
    for kind in keyslots.SLOT_KINDS:
        findings.append(_check_slot(keyfile, kind, current))
    if keyfile.failures.count:
        findings.append(Finding(
            Level.NOTE,
            f"There {_count(keyfile.failures.count, 'wrong try', 'wrong tries', 'was', 'were')} "
            "in a row since the vault was last opened. If that was not you, someone may have "
            "tried to open it.",
        ))
    return findings


def _check_slot(keyfile: KeyFile, kind: str, current: KdfParams) -> Finding:
    name = "passphrase" if kind == keyslots.PASSPHRASE else "recovery code"
    slot = keyfile.slot(kind)
    if slot is None:
        fix = (
            "Run 'clearpath recover' to set a new passphrase."
            if kind == keyslots.PASSPHRASE
            else "Make a new recovery code on the settings page."
        )
        return problem(f"keys.json has no slot for the {name}.", fix)
    params = describe_kdf(slot.kdf)
    if _weaker(slot.kdf, current):
        fix = (
            "Run 'clearpath passphrase' to wrap it again with the current settings."
            if kind == keyslots.PASSPHRASE
            else "Make a new recovery code on the settings page."
        )
        return problem(
            f"The {name} slot uses lighter settings ({params}) than this version "
            f"({describe_kdf(current)}).",
            fix,
        )
    return ok(f"The {name} slot is there ({params}).")


def describe_kdf(kdf: KdfParams) -> str:
    """Argon2id parameters the way doctor and the docs write them."""
    return (
        f"Argon2id, {kdf.memory_cost // 1024} MiB, {_count(kdf.time_cost, 'pass', 'passes')}, "
        f"{_count(kdf.parallelism, 'lane', 'lanes')}"
    )


def _count(n: int, one: str, many: str, verb_one: str = "", verb_many: str = "") -> str:
    verb = (verb_one if n == 1 else verb_many) + " " if verb_one else ""
    return f"{verb}{n} {one if n == 1 else many}"


def _weaker(kdf: KdfParams, current: KdfParams) -> bool:
    return kdf.memory_cost < current.memory_cost or kdf.time_cost < current.time_cost


def sqlcipher_version() -> str:
    """The SQLCipher version the sqlcipher3 module is built with ('' when it is plain SQLite)."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""


def check_sqlcipher() -> Finding:
    """Whether the database module really encrypts, with SQLCipher 4 or newer."""
    version = sqlcipher_version()
    fix = "Reinstall Clearpath so it uses the sqlcipher3 package with SQLCipher 4."
    if not version:
        return problem("The database module does not encrypt (no SQLCipher found).", fix)
    major = version.split(".", 1)[0]
    if not major.isdigit() or int(major) < MIN_SQLCIPHER_MAJOR:
        return problem(f"SQLCipher {version} is older than version 4.", fix)
    return ok(f"SQLCipher {version} is in use.")


def check_free_space(folder: Path) -> Finding:
    """Free space on the disk that holds ``folder`` (or its nearest existing parent)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    free = shutil.disk_usage(existing).free
    mib = free // (1024 * 1024)
    if free < LOW_DISK_BYTES:
        return problem(
            f"Only {mib} MiB of disk space is free. When the disk is full, nothing can be saved.",
            "Free some space on this disk (at least 200 MiB).",
        )
    return ok(f"{mib:,} MiB of disk space is free.")


def check_unlocked(vault: Vault) -> list[Finding]:
    """Checks that need the open vault: the pragmas of a pooled connection and the schema."""
    findings: list[Finding] = []
    actual = read_pragmas(vault.engine)
    for name, wanted in CONNECTION_PRAGMAS.items():
        if _same_pragma(actual.get(name, ""), wanted):
            findings.append(ok(f"The connection setting {name} is {wanted}."))
        else:
            findings.append(problem(
                f"The connection setting {name} is {actual.get(name)!r}, not {wanted}.",
                "Reinstall Clearpath; if it stays, please report it.",
            ))
    findings.append(check_revision(vault))
    return findings


def check_revision(vault: Vault) -> Finding:
    """What unlocking found: the vault's layout was current, or it was just brought up to date.

    A vault from a newer Clearpath never gets here: unlocking refuses it (VaultTooNew).
    """
    found, head = vault.revision_at_unlock, migrate.head_revision()
    if found == head:
        return ok(f"The vault's layout is up to date (revision {head}).")
    return Finding(
        Level.NOTE,
        f"The vault's layout was at revision {found}; unlocking brought it up to date "
        f"(revision {head}).",
    )


def _same_pragma(actual: str, wanted: str) -> bool:
    wanted_upper = wanted.upper()
    return actual.upper() in (wanted_upper, _PRAGMA_NUMBERS.get(wanted_upper, wanted_upper))
