"""A copy for a trusted person: the same encrypted backup, and a short sheet for them.

The sheet says what the file is and how to look after it, never what it holds, the name of
this program, or anything about the person who made it: the friend's home may be seen by
others too. One text serves the printable web page and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from clearpath.printing.document import ClearpathPDF
from clearpath.vault import strength
from clearpath.vault.atomic import write_atomic
from clearpath.vault.errors import WeakPassphrase

SHEET_TITLE = "A file to keep safe"
SHEET_INTRO = (
    "Someone who trusts you has asked you to look after a file for them. "
    "It is locked: nobody can open it without a secret that only they know, "
    "and you do not need it. Thank you for keeping it."
)
SHEET_STEPS = (
    "Keep the file somewhere private: a USB stick in a drawer, or a folder only you use. "
    "A second copy in another place is even better.",
    "Do not rename, open or change the file. A changed file cannot be used.",
    "Do not send it to anyone or post it anywhere.",
    "Give it back only to the person who gave it to you, in the way you both agreed.",
    "If anyone else asks about it, you do not have to say anything.",
    "If you lose it or think someone else took it, tell the person who gave it to you, "
    "so they can make a new one.",
)
SHEET_NOTE = "This sheet says nothing about what is inside the file. You can keep it with it."


@dataclass(frozen=True)
class SheetFacts:
    file_name: str
    size: str
    made_on: str


def describe_size(size: int) -> str:
    """A size in words a person reads at a glance."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"  # pragma: no cover - the loop always returns


def require_strong(passphrase: str) -> None:
    """A backup passphrase must be as strong as a vault passphrase (WeakPassphrase if not)."""
    verdict = strength.assess(passphrase)
    if not verdict.acceptable:
        raise WeakPassphrase(verdict.message)


def sheet_pdf(facts: SheetFacts) -> bytes:
    """The sheet as an A4 PDF (made in memory)."""
    pdf = ClearpathPDF(SHEET_TITLE)
    pdf.add_page()
    pdf.heading(SHEET_TITLE)
    pdf.paragraph(SHEET_INTRO)
    pdf.label_value("File name", facts.file_name)
    pdf.label_value("Size", facts.size)
    pdf.label_value("Made on", facts.made_on)
    pdf.heading("How to look after it", level=2)
    pdf.bullets(SHEET_STEPS)
    pdf.paragraph(SHEET_NOTE, muted=True)
    return pdf.to_bytes()


def facts_for(path: Path, size: int, made_on: date) -> SheetFacts:
    return SheetFacts(path.name, describe_size(size), made_on.strftime("%d %B %Y"))


def write_sheet(backup: Path) -> Path:
    """Write the sheet's PDF next to the backup file; returns its path."""
    facts = facts_for(backup, backup.stat().st_size, date.today())
    sheet = backup.with_name(f"{backup.stem}-please-keep-safe.pdf")
    write_atomic(sheet, sheet_pdf(facts))
    return sheet
