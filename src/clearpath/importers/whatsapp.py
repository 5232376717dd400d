"""WhatsApp chat exports: the .txt, or the .zip that also holds the media.

Android writes ``31/12/2020, 21:41 - Name: text``; iOS writes ``[31/12/2020, 21:41:05] Name:
text``. Each phone writes the date the way its language does: the order of day and month, the
separator (``/``, ``.``, ``-``), two- or four-digit years, a comma or a word (``à``) before the
time, a 12- or 24-hour clock with AM/PM markers in the phone's language, and invisible marks
(U+200E, U+200F, U+202F, U+00A0, a BOM). A message runs on over the following lines until the
next line that starts the way the file's own messages start.

When every date could be read either way (03/04/21) the order is not guessed: the parser
raises DateOrderUnknown and the person chooses.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from clearpath.importers.base import (
    DateOrder,
    DateOrderUnknown,
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
    SourceRef,
)
from clearpath.importers.whatsapp_media import attachment_names

INVISIBLE = "\ufeff\u200e\u200f"
# AM/PM markers as the supported languages write them (case-insensitive). "p. m." is
# Spanish; "vorm."/"nachm." German; "ДП"/"ПП" Russian.
_AM_PM = r"[AaPp]\.?\s?[Mm]\.?|vorm\.|nachm\.|ДП|ПП|дп|пп"
_DATE = r"(\d{1,4})([./\-])(\d{1,2})\2(\d{1,4})"
_TIME = r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"
# Between date and time: a comma, a space, or a word some languages put there.
_JOIN = r",?\s(?:à\s|um\s|a\s|às\s|alle\s|om\s|в\s)?"
ANDROID = re.compile(rf"{_DATE}{_JOIN}{_TIME}(?:\s?({_AM_PM}))?\s[-–]\s(.*)", re.DOTALL)
IOS = re.compile(rf"\[{_DATE}{_JOIN}{_TIME}(?:\s?({_AM_PM}))?\]\s(.*)", re.DOTALL)
# A line that starts with a date and a time but is not laid out like the file's messages.
NEAR_MISS = re.compile(rf"\[?{_DATE}{_JOIN}{_TIME}")
# Markers compared without dots and spaces: "p. m." and "P.M." are both "pm".
PM_MARKERS = frozenset({"pm", "nachm", "пп"})

MAX_SENDER = 80


# A message's first line as the regex split it: (first, separator, second, third, hour,
# minute, seconds or None, AM/PM or None, the rest of the line), and the date and time as
# written.
_Header = tuple[tuple[str | Any, ...], str, str]


class WhatsAppImporter:
    name = "whatsapp"
    label = "WhatsApp chat export (.txt or .zip)"

    def sniff(self, source: Source, head: bytes) -> bool:
        if head.startswith(b"PK"):
            return _zip_chat_member(source) is not None
        text = head.decode("utf-8", errors="replace").lstrip(INVISIBLE)
        lines = [line.lstrip(INVISIBLE) for line in text.splitlines()[:5]]
        return any(ANDROID.match(line) or IOS.match(line) for line in lines)

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        member = _zip_chat_member(source)
        with _open_text(source, member) as first_pass:
            layout, order = _survey(first_pass, options.date_order)
        with _open_text(source, member) as stream:
            yield from _messages(stream, layout, order, member, options.keep_unparsed)


def parse_text(text: str, options: ParseOptions) -> list[ParsedMessage]:
    """Messages copied out of WhatsApp and pasted: the same layouts, from a string."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    layout, order = _survey(lines, options.date_order)
    return list(_messages(lines, layout, order, None, options.keep_unparsed))


def zip_members(source: Source) -> list[str] | None:
    """The files inside the export when it is a zip (None when it is not one)."""
    with source.open() as stream:
        if stream.read(4) != b"PK\x03\x04":
            return None
        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                return [info.filename for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError):
            return None


def _zip_chat_member(source: Source) -> str | None:
    """The chat text inside a WhatsApp zip: ``_chat.txt`` (iOS) or ``WhatsApp Chat ....txt``."""
    names = zip_members(source)
    if names is None:
        return None
    texts = [name for name in names if name.lower().endswith(".txt")]
    for name in texts:
        if name.rsplit("/", 1)[-1] == "_chat.txt":
            return name
    for name in texts:
        if "whatsapp" in name.lower():
            return name
    return texts[0] if len(texts) == 1 else None


class _open_text:  # noqa: N801 - used like open()
    """The chat as text lines, from the plain file or from inside the zip, streamed."""

    def __init__(self, source: Source, member: str | None) -> None:
        self.source, self.member = source, member
        self._closers: list[IO[bytes] | zipfile.ZipFile] = []

    def __enter__(self) -> io.TextIOWrapper:
        raw: IO[bytes] = self.source.open()
        self._closers.append(raw)
        if self.member is not None:
            archive = zipfile.ZipFile(raw)
            self._closers.append(archive)
            raw = archive.open(self.member)
            self._closers.append(raw)
        # utf-8-sig drops a BOM at the very start; newline=None reads CRLF as one break.
        return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline=None)

    def __exit__(self, *_: object) -> None:
        for item in reversed(self._closers):
            item.close()


def _split(match: re.Match[str], text: str) -> _Header:
    rest_at = match.start(9)
    raw_time = text[:rest_at].strip(" -–[]")
    return match.groups(), text[match.start(1) : match.end(4)], raw_time


def _survey(lines: Iterable[str], wanted: DateOrder | None) -> tuple[re.Pattern[str], DateOrder]:
    """Which layout the file uses (Android or iOS) and how to read its dates."""
    layout: re.Pattern[str] | None = None
    example = ""
    day_first = month_first = False
    try:
        for number, line in enumerate(lines, start=1):
            text = line.lstrip(INVISIBLE)
            if layout is None:
                if ANDROID.match(text):
                    layout = ANDROID
                elif IOS.match(text):
                    layout = IOS
                elif number == 1:
                    raise ImportProblem(
                        "This file is not a WhatsApp export: it does not start with a date "
                        "and a time.",
                        line=1,
                    )
                else:
                    continue
            match = layout.match(text)
            if match is None:
                continue
            first, _sep, second, third = match.group(1, 2, 3, 4)
            if len(first) == 4:
                return layout, DateOrder.DAY_FIRST  # year-month-day: no question to ask
            example = example or f"{first}{_sep}{second}{_sep}{third}"
            day_first = day_first or int(first) > 12
            month_first = month_first or int(second) > 12
            if wanted is not None and layout is not None:
                return layout, wanted
            if day_first and month_first:
                raise ImportProblem(
                    "The dates in this file are not written one consistent way "
                    f"(for example {example!r}), so they cannot be read safely.",
                    line=number,
                )
            if day_first or month_first:
                return layout, DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            "This file is not UTF-8 text, so it is not a WhatsApp export as the app writes it."
        ) from exc
    if layout is None:
        raise ImportProblem("This file has no WhatsApp messages in it.")
    raise DateOrderUnknown(example)


class _Clock:
    """Turns the written date and time into ISO 8601, remembering dates already seen."""

    def __init__(self, order: DateOrder) -> None:
        self.order = order
        self._dates: dict[str, str] = {}

    def iso(self, head: _Header, line: int) -> str:
        parts, written_date, _raw = head
        day = self._dates.get(written_date)
        if day is None:
            day = self._date(parts, written_date, line)
            self._dates[written_date] = day
        hour, minute, seconds, am_pm = parts[4], parts[5], parts[6], parts[7]
        if am_pm is None and len(hour) == 2:
            # The common case, kept cheap: two-digit 24-hour times compare as text.
            if hour > "23" or minute > "59" or (seconds is not None and seconds > "59"):
                raise ImportProblem(f"{hour}:{minute} is not a time of day.", line=line)
            clock = f"{hour}:{minute}" if seconds is None else f"{hour}:{minute}:{seconds}"
            return f"{day}T{clock}"
        return f"{day}T{self._clock(hour, minute, seconds, am_pm, line)}"

    @staticmethod
    def _clock(hour_text: str, minute_text: str, seconds: str | None, am_pm: str | None,
               line: int) -> str:
        hour = int(hour_text)
        if am_pm is not None:
            if not 1 <= hour <= 12:
                raise ImportProblem(f"the hour {hour} does not fit a 12-hour clock.", line=line)
            marker = "".join(c for c in am_pm.lower() if c != "." and not c.isspace())
            hour = hour % 12 + (12 if marker in PM_MARKERS else 0)
        minute = int(minute_text)
        if hour > 23 or minute > 59 or (seconds is not None and int(seconds) > 59):
            raise ImportProblem(f"{hour_text}:{minute_text} is not a time of day.", line=line)
        clock = f"{hour:02d}:{minute:02d}"
        return clock if seconds is None else f"{clock}:{int(seconds):02d}"

    def _date(self, parts: tuple[str | Any, ...], written: str, line: int) -> str:
        first, second, third = parts[0], parts[2], parts[3]
        if len(first) == 4:
            year, month, day = int(first), int(second), int(third)
        else:
            a, b = int(first), int(second)
            day, month = (a, b) if self.order is DateOrder.DAY_FIRST else (b, a)
            year = int(third)
            if len(third) == 2:
                year += 2000  # WhatsApp began in 2009: a two-digit year is this century
        if not (1 <= month <= 12 and 1 <= day <= _days_in(year, month)):
            raise ImportProblem(f"{written!r} is not a date.", line=line)
        return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _messages(
    lines: Iterable[str],
    layout: re.Pattern[str],
    order: DateOrder,
    member: str | None,
    keep_unparsed: bool,
) -> Iterator[ParsedMessage]:
    clock = _Clock(order)
    ios = layout is IOS
    head: _Header | None = None
    start = 0
    body: list[str] = []
    unparsed: list[int] = []
    number = 0
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line[:-1] if raw_line.endswith("\n") else raw_line
        text = line.lstrip(INVISIBLE) if line[:1] in INVISIBLE else line
        match = layout.match(text) if text[:1] in "0123456789[" else None
        if match is None:
            if head is None:
                raise ImportProblem(
                    "This file is not a WhatsApp export: this line does not start with a "
                    "date and a time.",
                    line=number,
                )
            if text[:1] in "0123456789[" and NEAR_MISS.match(text):
                if not keep_unparsed:
                    raise ImportProblem(
                        "this line starts like a message but is not laid out like the others "
                        "(no sender or no separator after the time). It can be kept as part "
                        "of the message before it.",
                        line=number,
                    )
                unparsed.append(number)
            body.append(line)
            continue
        if head is not None:
            yield _build(head, body, clock, start, number - 1, member, ios, unparsed)
            unparsed = []
        head = _split(match, text)
        start = number
        body = [head[0][8]]
    if head is not None:
        yield _build(head, body, clock, start, number, member, ios, unparsed)


def _build(
    head: _Header,
    body: list[str],
    clock: _Clock,
    first_line: int,
    last_line: int,
    member: str | None,
    ios: bool,
    unparsed: list[int],
) -> ParsedMessage:
    sender, text, system = _sender_and_text(body[0] if len(body) == 1 else "\n".join(body), ios)
    return ParsedMessage(
        sender,
        clock.iso(head, first_line),
        head[2],
        text,
        SourceRef(member, None, first_line, last_line),
        system,
        attachment_names(text),
        None,
        (),
        None,
        "whatsapp",
        tuple(unparsed) if unparsed else (),
    )


def _sender_and_text(rest: str, ios: bool) -> tuple[str | None, str, bool]:
    """``Name: text`` is a message; anything else on a dated line is a system notice."""
    colon = rest.find(": ")
    if colon <= 0 or colon > MAX_SENDER:
        return None, rest, True
    sender = rest[:colon]
    if '"' in sender or "\u201c" in sender or "\n" in sender:
        return None, rest, True
    text = rest[colon + 2 :]
    # iOS writes its notices ("Messages and calls are end-to-end encrypted") as if the chat
    # had sent them, marked by an invisible U+200E; media placeholders carry it too.
    if ios and text.startswith("\u200e") and not attachment_names(text):
        stripped = text.lstrip("\u200e")
        if not stripped.endswith("omitted"):
            return sender, text, True
    return sender.lstrip(INVISIBLE), text, False
