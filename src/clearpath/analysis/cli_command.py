"""`clearpath analyze`: JSON lines in, one JSON line out per input, errors with line numbers.

Reads bytes and decodes each line itself, so a line that is not UTF-8 is reported with its
number instead of stopping the whole run. Good lines are answered even when others are bad;
the exit code is then 2 (input), as for every input problem of the command line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from clearpath.analysis.lines import LineError, analyse_line, parse_line

EXIT_BAD_INPUT = 2


def run(source: Iterable[bytes], out: TextIO, err: TextIO) -> int:
    """Answer every line of ``source`` on ``out``; report bad lines on ``err``; the exit code."""
    bad = 0
    for number, raw in enumerate(source, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err.write(f"line {number}: this line is not UTF-8 text.\n")
            bad += 1
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        try:
            item = parse_line(text, number)
            if item is None:
                continue
            answer = analyse_line(item)
        except LineError as exc:
            err.write(f"{exc}\n")
            bad += 1
            continue
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()
    if bad:
        err.write(
            f"{bad} line{'s' if bad != 1 else ''} could not be read; the others were answered.\n"
        )
        return EXIT_BAD_INPUT
    return 0
