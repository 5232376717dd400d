"""Messages typed or pasted by hand.

Text copied from WhatsApp keeps WhatsApp's layout and is read that way. Anything else is read
one message per line as ``2021-01-05 21:41 Name: text``; a line without that start continues
the message before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clearpath.importers.base import ImportProblem, ParsedMessage, ParseOptions, Source, SourceRef
from clearpath.importers.csv_rows import iso_as_written
from clearpath.importers.whatsapp import parse_text as parse_whatsapp_text

LINE = re.compile(
    r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)\s+(?:-\s+)?([^:\n]{1,80}?):\s?(.*)"
)
MAX_PASTE = 2_000_000


def parse_pasted(text: str, options: ParseOptions) -> list[ParsedMessage]:
    """Every message in pasted text, in order; ImportProblem names the first line it cannot
    read."""
    if len(text) > MAX_PASTE:
        raise ImportProblem("That is more text than one paste can take; import the file instead.")
    if not text.strip():
        raise ImportProblem("There is nothing to read yet: paste or type some messages.")
    try:
        return parse_whatsapp_text(text, options)
    except ImportProblem as whatsapp_problem:
        if whatsapp_problem.line not in (None, 1):
            raise
    return _simple_lines(text)


def _simple_lines(text: str) -> list[ParsedMessage]:
    found: list[ParsedMessage] = []
    current: tuple[int, str, str, list[str]] | None = None
    lines = text.lstrip("\ufeff").splitlines()

    def close(last: int) -> None:
        if current is not None:
            first, raw_time, sender, body = current
            found.append(
                ParsedMessage(
                    sender=sender.strip(),
                    timestamp=iso_as_written(raw_time, first),
                    raw_timestamp=raw_time,
                    text="\n".join(body),
                    source=SourceRef(first_line=first, last_line=last),
                    channel="paste",
                )
            )

    for number, line in enumerate(lines, start=1):
        match = LINE.fullmatch(line.strip())
        if match is None:
            if current is None:
                if not line.strip():
                    continue
                raise ImportProblem(
                    "this line does not start with a date, a time and a name, like "
                    "'2021-01-05 21:41 Sam: text'.",
                    line=number,
                )
            current[3].append(line)
            continue
        close(number - 1)
        current = (number, match.group(1), match.group(2), [match.group(3)])
    close(len(lines))
    return found


class PastedTextImporter:
    """Pasted or typed messages kept as a small text file (see parse_pasted)."""

    name = "paste"
    label = "Messages typed or pasted (one per line: 2021-01-05 21:41 Name: text)"

    def sniff(self, source: Source, head: bytes) -> bool:
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
        first = next((line for line in text.splitlines() if line.strip()), "")
        return LINE.fullmatch(first.strip()) is not None

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        with source.open() as stream:
            data = stream.read(MAX_PASTE * 4 + 1)
        if len(data) > MAX_PASTE * 4:
            raise ImportProblem("This is more text than a pasted list can hold.")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportProblem("This text is not UTF-8.") from exc
        yield from parse_pasted(text, options)
