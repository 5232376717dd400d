"""Looking for vault content on disk: the scan both plaintext tests share."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path


def needles(*texts: str) -> list[bytes]:
    """Each text as it would sit in a file written as UTF-8 or UTF-16 (either byte order)."""
    return [t.encode(enc) for t in texts for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def files_under(root: Path, since: float = 0.0) -> Iterator[Path]:
    """Regular files below ``root`` changed at or after ``since`` (unreadable ones skipped)."""
    for folder, _dirs, names in os.walk(root, onerror=lambda _e: None):
        for name in names:
            path = Path(folder, name)
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and max(info.st_mtime, info.st_ctime) >= since:
                yield path


def files_holding(paths: Iterable[Path], wanted: list[bytes]) -> list[str]:
    """``path: needle`` for every file that holds one of ``wanted``."""
    found = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        found += [f"{path}: {needle[:12]!r}" for needle in wanted if needle in data]
    return found
