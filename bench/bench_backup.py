"""``python bench/run.py backup``: backup and restore speed and peak memory on a big vault.

A vault with --gib GiB (default 2) of files under files/ (the way a file store keeps them,
--file-mib MiB each) is backed up into a folder and restored into a new folder, each in its own
process, so the peak resident memory (ru_maxrss) of each side is measured alone. MB/s is vault
bytes (database + files + keys.json, 10^6 bytes per MB) per second of the whole operation,
Argon2id included. The files are in the page cache (just written), so the figures are for the
program, not for a slow disk.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchkit import PASSPHRASE, BenchError, kdf_json, new_locked_vault, scratch_dir
from clearpath.backup.making import encrypted_pieces
from clearpath.settings import TESTING_KDF, KdfParams
from clearpath.vault.service import Vault

CHILD = """
import json, sys, time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

what, source, target, passphrase = sys.argv[1:5]
if what == "backup":
    from clearpath.settings import KdfParams
    from clearpath.vault.service import Vault
    from clearpath.backup.making import write_backup
else:
    from clearpath.backup.restoring import restore_backup, verify_backup
status = Path("/proc/self/status").read_text()
imports_kib = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1])
start = time.perf_counter()
if what == "backup":
    vault = Vault(Path(source), KdfParams())
    vault.unlock(passphrase)
    opened = time.perf_counter()
    made = write_backup(vault, Path(target))
    vault.lock()
    result = {"path": str(made.path), "bytes_written": made.size, "files": made.files}
elif what == "verify":
    opened = start
    done = verify_backup(Path(source), passphrase)
    result = {"files": done.files}
else:
    opened = start
    done = restore_backup(Path(source), Path(target), passphrase)
    result = {"files": done.files}
result["seconds"] = time.perf_counter() - start
result["seconds_after_unlock"] = time.perf_counter() - opened
# VmHWM: this process's own peak resident memory (ru_maxrss of a child can include what its
# parent had when it was forked).
status = Path("/proc/self/status").read_text()
result["peak_kib"] = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1])
result["imports_kib"] = imports_kib
print(json.dumps(result))
"""


def _fill(files_dir: Path, total: int, file_size: int) -> int:
    block = os.urandom(1024 * 1024)
    written = 0
    index = 0
    while written < total:
        path = files_dir / f"{index % 256:02x}" / f"{index:06d}.enc"
        path.parent.mkdir(parents=True, exist_ok=True)
        size = min(file_size, total - written)
        with path.open("wb") as out:
            left = size
            while left:
                piece = block[: min(len(block), left)]
                out.write(index.to_bytes(8, "big") + piece[8:])
                left -= len(piece)
        written += size
        index += 1
    return written


def _memory(result: dict[str, Any]) -> dict[str, float]:
    return {
        "peak_rss_mb": round(result["peak_kib"] * 1024 / 1e6, 1),
        "after_imports_mb": round(result["imports_kib"] * 1024 / 1e6, 1),
    }


def _child(what: str, source: Path, target: Path) -> tuple[dict[str, Any], int]:
    """Run one side in its own process; its result and peak memory in bytes.

    Everything written before is flushed first, so one side does not pay for the disk
    still writing out what the previous one wrote."""
    os.sync()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, what, str(source), str(target), PASSPHRASE],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace")[-500:]
        raise BenchError(f"the {what} process ended with {proc.returncode}: {tail}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result, int(result["peak_kib"]) * 1024


def _disk_baseline(folder: Path, size: int) -> float:
    """MB/s of writing ``size`` bytes to this disk and fsyncing, for comparison (the disk
    is shared and its speed varies)."""
    block = bytes(1024 * 1024)
    path = folder / "baseline"
    start = time.perf_counter()
    with path.open("wb", buffering=0) as out:
        left = size
        while left > 0:
            out.write(block)
            left -= len(block)
        os.fsync(out.fileno())
    seconds = time.perf_counter() - start
    path.unlink()
    return size / 1e6 / seconds


def _pipeline_only(data_dir: Path) -> float:
    """MB/s of the backup stream with nothing written (snapshot, read, encrypt): the
    program's own speed, without the disk it writes to."""
    vault = Vault(data_dir, TESTING_KDF)
    vault.unlock(PASSPHRASE)
    start = time.perf_counter()
    total = sum(len(piece) for piece in encrypted_pieces(vault))
    seconds = time.perf_counter() - start
    vault.lock()
    return total / 1e6 / seconds


@contextmanager
def _memory_dir() -> Iterator[Path]:
    if not Path("/dev/shm").is_dir():  # noqa: S108 - a benchmark's scratch space
        raise BenchError("--in-memory needs /dev/shm")
    with tempfile.TemporaryDirectory(prefix="bench-backup-", dir="/dev/shm") as folder:
        yield Path(folder)


def run(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench/run.py backup")
    parser.add_argument("--gib", type=float, default=2.0, help="GiB of files in the vault")
    parser.add_argument("--file-mib", type=int, default=64, help="size of each file in MiB")
    parser.add_argument(
        "--fast", action="store_true", help="test Argon2id parameters instead of the defaults"
    )
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="work in /dev/shm (tmpfs): the program's own speed, without the disk",
    )
    args = parser.parse_args(argv)
    kdf = TESTING_KDF if args.fast else KdfParams()
    place = _memory_dir() if args.in_memory else scratch_dir()
    with place as folder:
        data_dir, env = new_locked_vault(folder, kdf)
        files = _fill(data_dir / "files", int(args.gib * 1024**3), args.file_mib * 1024 * 1024)
        vault_bytes = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
        out_dir = folder / "usb"
        out_dir.mkdir()
        pipeline = _pipeline_only(data_dir)
        disk = _disk_baseline(folder, vault_bytes)
        backup, _ = _child("backup", data_dir, out_dir)
        verified, _ = _child("verify", Path(backup["path"]), folder / "unused")
        restored, _ = _child("restore", Path(backup["path"]), folder / "restored")
        restored_bytes = sum(
            p.stat().st_size for p in (folder / "restored").rglob("*") if p.is_file()
        )
        if restored_bytes != vault_bytes:
            raise BenchError("the restored vault is not the size of the original")
    mb = vault_bytes / 1e6
    return {
        "benchmark": "backup",
        "vault_bytes": vault_bytes,
        "file_bytes": files,
        "files": backup["files"],
        "backup_file_bytes": backup["bytes_written"],
        "backup": {
            "seconds": round(backup["seconds"], 3),
            "seconds_without_unlock": round(backup["seconds_after_unlock"], 3),
            "mb_per_s": round(mb / backup["seconds_after_unlock"], 1),
            **_memory(backup),
        },
        "restore": {
            "seconds": round(restored["seconds"], 3),
            "mb_per_s": round(mb / restored["seconds"], 1),
            **_memory(restored),
        },
        "stream_only_mb_per_s": round(pipeline, 1),
        "disk_write_fsync_mb_per_s": round(disk, 1),
        "verify_only": {
            "seconds": round(verified["seconds"], 3),
            "mb_per_s": round(mb / verified["seconds"], 1),
            **_memory(verified),
        },
        "place": "tmpfs (/dev/shm)" if args.in_memory else "disk (bench/.data)",
        "kdf": kdf_json(kdf),
        "environment": env,
    }
