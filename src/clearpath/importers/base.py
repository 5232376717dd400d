"""What every importer shares: the parsed message, the options, the errors, the protocol."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, Protocol


@dataclass(frozen=True)
class Source:
    """An export to read: its file name and a way to open it as a seekable binary stream.

    Importers may open it more than once (a first look decides how dates are written). The
    stream can be a plain file the person chose, or the encrypted copy in the vault's file
    store read back through its decrypting reader, so nothing plain is written to disk.
    """

    name: str
    open: Callable[[], IO[bytes]]

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(path.name, lambda: path.open("rb"))

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


class DateOrder(Enum):
    """How a numeric date like 03/04/21 is read."""

    DAY_FIRST = "dayfirst"
    MONTH_FIRST = "monthfirst"


@dataclass(frozen=True)
class ParseOptions:
    """Choices the person makes; None means: work it out from the file, or ask."""

    date_order: DateOrder | None = None
    # For formats with columns (CSV): which column holds what, by header name.
    columns: dict[str, str] = field(default_factory=dict)
    # Lines that start like a message but are not laid out like the others: False stops with
    # a message naming the line; True keeps them as text of the message before (the person
    # agreed after seeing the preview).
    keep_unparsed: bool = False


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building a million messages three times slower. Treat both as read-only all the same.
@dataclass(slots=True)
class SourceRef:
    """Where a message came from in the export: a file inside it (for zips), the first and
    last line (text formats) or a byte range (binary and XML formats)."""

    member: str | None = None
    # The message's own id or position inside a structured export (JSON, mbox).
    item: str | None = None
    first_line: int | None = None
    last_line: int | None = None
    byte_start: int | None = None
    byte_end: int | None = None

    def as_json(self) -> dict[str, object]:
        return {
            name: getattr(self, name)
            for name in ("member", "item", "first_line", "last_line", "byte_start", "byte_end")
            if getattr(self, name) is not None
        }

    def as_json_text(self) -> str:
        """as_json() as JSON text; the common case (lines of a plain text file) is written
        directly, as it is for every message of a large chat."""
        if (
            self.member is None
            and self.item is None
            and self.byte_start is None
            and self.byte_end is None
            and self.first_line is not None
            and self.last_line is not None
        ):
            return f'{{"first_line": {self.first_line}, "last_line": {self.last_line}}}'
        return json.dumps(self.as_json(), ensure_ascii=False)


@dataclass(slots=True)
class ParsedMessage:
    """One message exactly as the export gives it.

    ``timestamp`` is ISO 8601 as written in the export: local wall-clock time, seconds only
    where the export has them, an offset or Z only where the export carries one (epoch
    numbers are exact instants, so they carry Z). ``raw_timestamp`` is the export's own text.
    ``text`` is never altered: invisible marks and line breaks stay as they were written.
    """

    sender: str | None
    timestamp: str
    raw_timestamp: str
    text: str
    source: SourceRef
    system: bool = False
    attachments: tuple[str, ...] = ()
    # "in", "out" or None where the export does not say (most chat exports do not).
    direction: str | None = None
    recipients: tuple[str, ...] = ()
    subject: str | None = None
    channel: str = ""
    # Lines of the export kept inside this message although they started like a message.
    unparsed_lines: tuple[int, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The line `clearpath parse` prints for this message."""
        line: dict[str, object] = {
            "sender": self.sender,
            "timestamp": self.timestamp,
            "text": self.text,
            "system": self.system,
            "attachments": list(self.attachments),
        }
        if self.direction is not None:
            line["direction"] = self.direction
        if self.recipients:
            line["recipients"] = list(self.recipients)
        if self.subject is not None:
            line["subject"] = self.subject
        if self.unparsed_lines:
            line["unparsed_lines"] = list(self.unparsed_lines)
        line["raw_timestamp"] = self.raw_timestamp
        line["source"] = self.source.as_json()
        return line


class ImportProblem(Exception):
    """A file that cannot be read as the chosen format. ``message`` is safe to show."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        where = f"Line {line:,}: " if line is not None else ""
        super().__init__(where + message)
        self.message = where + message
        self.line = line


class DateOrderUnknown(ImportProblem):
    """Every date in the file fits both day-first and month-first: the person must choose."""

    def __init__(self, example: str) -> None:
        super().__init__(
            f"The dates in this file (for example {example!r}) could be day/month or "
            "month/day. Please say which: day first (31/12) or month first (12/31)."
        )
        self.example = example


class Importer(Protocol):
    """One export format."""

    name: str
    label: str

    def sniff(self, source: Source, head: bytes) -> bool:
        """True when the file looks like this format (``head`` is its first 64 KiB)."""

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        """Every message in file order. Raises ImportProblem naming the line it stopped at."""
