"""`clearpath parse`: read an export and print its messages as JSON lines. Needs no vault.

It is the same preview the import shows before it stores anything, so a person (or their
advocate) can check what will be kept without unlocking anything.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from clearpath.importers.base import DateOrder, ImportProblem, ParseOptions, Source
from clearpath.importers.registry import by_name, detect, names

EXIT_BAD_FILE = 2


def parse_command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="The export: a WhatsApp .txt or .zip, an SMS backup .xml, ...",
            exists=True, dir_okay=False, readable=True,
        ),
    ],
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format", metavar="NAME", help="The format, when it is not recognised: "
            + ", ".join(names()) + ".",
        ),
    ] = None,
    dayfirst: Annotated[
        bool, typer.Option("--dayfirst", help="Dates like 03/04 mean the 3rd of April.")
    ] = False,
    monthfirst: Annotated[
        bool, typer.Option("--monthfirst", help="Dates like 03/04 mean March 4th.")
    ] = False,
    keep_unparsed: Annotated[
        bool,
        typer.Option(
            "--keep-unparsed",
            help="Keep lines that start like a message but cannot be read, as part of the "
            "message before them, instead of stopping there.",
        ),
    ] = False,
) -> None:
    """Print the messages in an export as JSON lines, without a vault.

    One line per message: sender, timestamp (ISO 8601 exactly as the export gives it),
    text, system, attachments, and where in the file it came from. Nothing is stored.
    """
    if dayfirst and monthfirst:
        _stop("Choose either --dayfirst or --monthfirst, not both.", 1)
    order = DateOrder.DAY_FIRST if dayfirst else DateOrder.MONTH_FIRST if monthfirst else None
    options = ParseOptions(date_order=order, keep_unparsed=keep_unparsed)
    out = sys.stdout
    try:
        source = Source.from_path(file)
        importer = by_name(format_name) if format_name else detect(source)
        for message in importer.parse(source, options):
            out.write(json.dumps(message.as_json(), ensure_ascii=False) + "\n")
    except ImportProblem as problem:
        hint = ""
        if "day/month" in problem.message:
            hint = " Run again with --dayfirst or --monthfirst."
        elif problem.line is not None and "kept as part" in problem.message:
            hint = " Run again with --keep-unparsed to keep such lines."
        _stop(f"{file.name}: {problem.message}{hint}", EXIT_BAD_FILE)
    except UnicodeDecodeError:
        _stop(f"{file.name}: this file is not UTF-8 text.", EXIT_BAD_FILE)
    except BrokenPipeError:  # the reader (head, less) stopped early: nothing went wrong
        raise typer.Exit(0) from None


def _stop(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)
