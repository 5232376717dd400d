"""E-mail: a single message (.eml) or a mailbox (.mbox).

Kept per message: From, To (and Cc), Date (with the offset the header carries), Subject, the
plain-text body (or the text of the HTML body when there is no plain one) and the names of
attachments. The Date header's own text is the raw timestamp.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from typing import IO

from clearpath.importers.base import (
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
    SourceRef,
)

_QUOTED_FROM = re.compile(rb">+From ")
HEADER_START = (b"From:", b"Return-Path:", b"Received:", b"Date:", b"Message-ID:", b"MIME-")


class _TextOfHtml(HTMLParser):
    """The readable text of an HTML mail: tags dropped, blocks on their own lines."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.parts).splitlines()]
        return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> str:
    reader = _TextOfHtml()
    reader.feed(html)
    reader.close()
    return reader.text()


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def _message(message: EmailMessage, source: SourceRef) -> ParsedMessage:
    raw_date = str(message.get("Date", "")).strip()
    if not raw_date:
        raise ImportProblem(f"Message {source.item or 1} has no Date header.")
    try:
        moment = parsedate_to_datetime(raw_date)
    except (TypeError, ValueError):
        raise ImportProblem(
            f"Message {source.item or 1} has a Date header that cannot be read: {raw_date!r}."
        ) from None
    iso = moment.isoformat()
    senders = getaddresses([str(message.get("From", ""))])
    to_and_cc = message.get_all("To", []) + message.get_all("Cc", [])
    recipients = getaddresses([str(value) for value in to_and_cc])
    files = tuple(
        part.get_filename() or "attachment" for part in message.iter_attachments()
    )
    subject = message.get("Subject")
    return ParsedMessage(
        sender=_address(senders[0]) if senders else None,
        timestamp=iso,
        raw_timestamp=raw_date,
        text=_body(message),
        source=source,
        attachments=files,
        recipients=tuple(_address(pair) for pair in recipients),
        subject=str(subject) if subject is not None else None,
        channel="email",
    )


def _address(pair: tuple[str, str]) -> str:
    name, address = pair
    return f"{name} <{address}>" if name and address else (address or name)


class EmlImporter:
    name = "eml"
    label = "E-mail message (.eml)"

    def sniff(self, source: Source, head: bytes) -> bool:
        return source.suffix == ".eml" or head.lstrip().startswith(HEADER_START)

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        with source.open() as stream:
            message = email.message_from_binary_file(stream, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or message.get("From") is None:
            raise ImportProblem("This file is not an e-mail message: it has no From header.")
        yield _message(message, SourceRef(item="1"))


class MboxImporter:
    name = "mbox"
    label = "Mailbox (.mbox)"

    def sniff(self, source: Source, head: bytes) -> bool:
        return head.startswith(b"From ")

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        with source.open() as stream:
            for index, (start, end, raw) in enumerate(_mbox_messages(stream), start=1):
                message = email.message_from_bytes(raw, policy=email.policy.default)
                if isinstance(message, EmailMessage):
                    yield _message(
                        message, SourceRef(item=str(index), byte_start=start, byte_end=end)
                    )


def _mbox_messages(stream: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """Each message of an mbox as (start, end, bytes), one message in memory at a time.

    A message starts at a line beginning "From " after an empty line (or at the top); lines
    quoted as ">From " inside a message are un-quoted as mboxrd asks.
    """
    start = offset = 0
    lines: list[bytes] = []
    previous_blank = True
    for line in stream:
        if line.startswith(b"From ") and previous_blank:
            if lines:
                yield start, offset, b"".join(lines)
            start, lines = offset, []
        elif lines or offset > start:
            lines.append(line[1:] if _QUOTED_FROM.match(line) else line)
        offset += len(line)
        previous_blank = line in (b"\n", b"\r\n")
    if lines:
        yield start, offset, b"".join(lines)
