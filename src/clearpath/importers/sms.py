"""SMS Backup & Restore XML (``<smses>`` with ``<sms>`` and ``<mms>`` elements).

The file is read in pieces through expat, so a 1 GB backup needs little memory: each element
is turned into a message as soon as it closes and then forgotten. expat also gives the byte
offset of every element, which becomes the message's pointer back into the file. Entity
declarations are refused, so a crafted file cannot expand itself.

Directions: an ``sms`` with ``type`` 1 was received and 2 sent (3-6 are drafts, outbox,
failed and queued: kept, marked as sent by the person); an ``mms`` with ``msg_box`` 1 was
received and 2 sent. Addresses of an mms are in ``<addr>``: type 137 is the sender, 151 a
recipient, 130 and 129 copies. Dates are milliseconds since 1970, except that some mms carry
seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.parsers import expat

from clearpath.importers.base import (
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
    SourceRef,
)

CHUNK = 1 << 20
FROM, TO, CC, BCC = "137", "151", "130", "129"
# Below this a date is seconds, not milliseconds (it would be January 1973 in ms).
SECONDS_LIMIT = 100_000_000_000
RECEIVED_SMS = {"1"}
RECEIVED_MMS = {"1"}
NO_VALUE = {"", "null"}


@dataclass
class _Mms:
    attrs: dict[str, str]
    start: int
    line: int
    texts: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    senders: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


class SmsBackupImporter:
    name = "sms-backup"
    label = "SMS Backup & Restore (.xml)"

    def sniff(self, source: Source, head: bytes) -> bool:
        text = head[:4096].lstrip(b"\xef\xbb\xbf \r\n\t")
        return text.startswith(b"<?xml") and (b"<smses" in head or b"<allsms" in head)

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        reader = _Reader()
        with source.open() as stream:
            while True:
                chunk = stream.read(CHUNK)
                reader.feed(chunk, final=not chunk)
                yield from reader.take()
                if not chunk:
                    break
        if not reader.saw_root:
            raise ImportProblem("This file is not an SMS Backup & Restore file: no <smses>.")


class _Reader:
    def __init__(self) -> None:
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.EntityDeclHandler = self._refuse_entities
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.ready: list[ParsedMessage] = []
        self.mms: _Mms | None = None
        self.saw_root = False

    def feed(self, chunk: bytes, *, final: bool) -> None:
        try:
            self.parser.Parse(chunk, final)
        except expat.ExpatError as exc:
            raise ImportProblem(
                f"The file stops being valid XML here ({expat.ErrorString(exc.code)}); "
                "it may be cut short or damaged.",
                line=exc.lineno,
            ) from exc

    def take(self) -> list[ParsedMessage]:
        ready, self.ready = self.ready, []
        return ready

    def _refuse_entities(self, *_: object) -> None:
        raise ImportProblem("This file declares XML entities, which a real backup never does.")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        offset = self.parser.CurrentByteIndex
        if name in ("smses", "allsms"):
            self.saw_root = True
        elif name == "sms":
            self.ready.append(_sms(attrs, offset, self.parser.CurrentLineNumber))
        elif name == "mms":
            self.mms = _Mms(attrs, offset, self.parser.CurrentLineNumber)
        elif self.mms is not None and name == "part":
            _part(self.mms, attrs)
        elif self.mms is not None and name == "addr":
            address = attrs.get("address", "")
            kind = attrs.get("type", "")
            if kind == FROM:
                self.mms.senders.append(address)
            elif kind in (TO, CC, BCC):
                self.mms.recipients.append(address)

    def _end(self, name: str) -> None:
        if name == "mms" and self.mms is not None:
            end = self.parser.CurrentByteIndex
            self.ready.append(_mms(self.mms, end))
            self.mms = None


def _value(attrs: dict[str, str], key: str) -> str | None:
    value = attrs.get(key)
    return None if value is None or value in NO_VALUE else value


def _instant(raw: str, line: int | None) -> str:
    try:
        number = int(raw)
    except ValueError:
        raise ImportProblem(f"the date {raw!r} is not a number.", line=line) from None
    seconds = number if number < SECONDS_LIMIT else number / 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ImportProblem(f"the date {raw!r} is out of range.", line=line) from None
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond // 1000:03d}"
    return text + "Z"


def _sms(attrs: dict[str, str], offset: int, line: int) -> ParsedMessage:
    raw_date = attrs.get("date", "")
    received = attrs.get("type", "1") in RECEIVED_SMS
    contact = _value(attrs, "contact_name")
    address = _value(attrs, "address") or ""
    other = contact or address
    return ParsedMessage(
        sender=other if received else None,
        timestamp=_instant(raw_date, line),
        raw_timestamp=raw_date,
        text=attrs.get("body", ""),
        source=SourceRef(byte_start=offset, first_line=line),
        direction="in" if received else "out",
        recipients=() if received else (other,),
        subject=_value(attrs, "subject"),
        channel="sms",
    )


def _part(mms: _Mms, attrs: dict[str, str]) -> None:
    kind = attrs.get("ct", "")
    if kind == "application/smil":
        return  # layout instructions, not content
    if kind == "text/plain":
        text = attrs.get("text")
        if text is not None:
            mms.texts.append(text)
        return
    name = _value(attrs, "name") or _value(attrs, "cl") or f"part-{attrs.get('seq', '')}"
    mms.files.append(name)


def _mms(mms: _Mms, end: int) -> ParsedMessage:
    attrs = mms.attrs
    raw_date = attrs.get("date", "")
    received = attrs.get("msg_box", "1") in RECEIVED_MMS
    contact = _value(attrs, "contact_name")
    sender = (mms.senders[0] if mms.senders else None) if received else None
    if received and contact and "~" not in (attrs.get("address") or ""):
        sender = contact
    return ParsedMessage(
        sender=sender,
        timestamp=_instant(raw_date, mms.line),
        raw_timestamp=raw_date,
        text="\n".join(mms.texts),
        source=SourceRef(byte_start=mms.start, byte_end=end, first_line=mms.line),
        attachments=tuple(mms.files),
        direction="in" if received else "out",
        recipients=tuple(r for r in mms.recipients if r not in NO_VALUE),
        subject=_value(attrs, "sub"),
        channel="mms",
    )
