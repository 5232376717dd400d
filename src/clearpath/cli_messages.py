"""`clearpath parse` and `clearpath import`: message exports from the command line.

`parse` needs no vault: it prints the messages as JSON lines, the same preview the import
shows before it stores anything. `import` keeps the original export in the vault and adds the
messages, with a progress bar.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from clearpath.cli_input import InputError, SecretReader, stdin_is_terminal
from clearpath.importers.base import DateOrder, ImportProblem, ParseOptions, Source
from clearpath.importers.registry import by_name, detect, names
from clearpath.messages.importing import ImportRequest, ImportResult, import_export
from clearpath.messages.timezones import device_zone
from clearpath.vault.service import Vault

EXIT_BAD_FILE = 2


def parse_command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The export: a WhatsApp .txt or .zip, an SMS backup .xml, ...",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="NAME",
            help="The format, when it is not recognised: " + ", ".join(names()) + ".",
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
    options = ParseOptions(
        date_order=_date_order(dayfirst, monthfirst), keep_unparsed=keep_unparsed
    )
    out = sys.stdout
    try:
        source = Source.from_path(file)
        importer = by_name(format_name) if format_name else detect(source)
        for message in importer.parse(source, options):
            out.write(json.dumps(message.as_json(), ensure_ascii=False) + "\n")
    except ImportProblem as problem:
        _stop(_problem_text(file, problem), EXIT_BAD_FILE)
    except UnicodeDecodeError:
        _stop(f"{file.name}: this file is not UTF-8 text.", EXIT_BAD_FILE)
    except BrokenPipeError:  # the reader (head, less) stopped early: nothing went wrong
        raise typer.Exit(0) from None


def _date_order(dayfirst: bool, monthfirst: bool) -> DateOrder | None:
    if dayfirst and monthfirst:
        _stop("Choose either --dayfirst or --monthfirst, not both.", 1)
    return DateOrder.DAY_FIRST if dayfirst else DateOrder.MONTH_FIRST if monthfirst else None


def _console(*, stderr: bool = False) -> Console:
    # markup=False: file names and message text are never rich markup.
    return Console(stderr=stderr, highlight=False, soft_wrap=True, markup=False)


def _stop(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _problem_text(file: Path, problem: ImportProblem) -> str:
    hint = ""
    if "day/month" in problem.message:
        hint = " Run again with --dayfirst or --monthfirst."
    elif problem.line is not None and "kept as part" in problem.message:
        hint = " Run again with --keep-unparsed to keep such lines."
    elif "does not look like any export" in problem.message:
        hint = " Name it with --format."
    return f"{file.name}: {problem.message}{hint}"


@dataclass(frozen=True)
class Helpers:
    """What cli.py lends the import command."""

    calm_errors: Callable[[], contextlib.AbstractContextManager[None]]
    existing_vault: Callable[[typer.Context], Vault]
    held: Callable[[Vault], contextlib.AbstractContextManager[None]]


def register(app: typer.Typer, helpers: Helpers) -> None:
    """Add `parse`, `import` and `analyze` to ``app``."""
    app.command(name="parse")(parse_command)
    _register_analyze(app, helpers)

    @app.command(name="import")
    def import_command(
        ctx: typer.Context,
        file: Annotated[
            Path,
            typer.Argument(metavar="FILE", help="The export to keep.", exists=True, dir_okay=False),
        ],
        format_name: Annotated[
            str | None,
            typer.Option("--format", metavar="NAME", help="The format, when not recognised."),
        ] = None,
        me: Annotated[
            str | None,
            typer.Option("--me", metavar="NAME", help="Your own name as the export writes it."),
        ] = None,
        dayfirst: Annotated[bool, typer.Option("--dayfirst", help="03/04 is 3 April.")] = False,
        monthfirst: Annotated[bool, typer.Option("--monthfirst", help="03/04 is 4 March.")] = False,
        zone: Annotated[
            str | None,
            typer.Option(
                "--tz",
                metavar="ZONE",
                help="Time zone of times written without one (e.g. Europe/London). "
                "Default: this device's.",
            ),
        ] = None,
        title: Annotated[
            str | None,
            typer.Option("--title", metavar="TEXT", help="Name of the conversation to add to."),
        ] = None,
        keep_unparsed: Annotated[
            bool,
            typer.Option(
                "--keep-unparsed",
                help="Keep lines that start like a message but cannot be read, inside the "
                "message before them.",
            ),
        ] = False,
    ) -> None:
        """Keep an export in the vault and add its messages.

        The original file is encrypted into the vault with its SHA-256 and logged; messages
        already in the conversation are not added twice. Asks for the passphrase (or reads
        the first line of standard input).
        """
        options = ParseOptions(
            date_order=_date_order(dayfirst, monthfirst), keep_unparsed=keep_unparsed
        )
        request = ImportRequest(
            source=Source.from_path(file),
            options=options,
            format=format_name,
            zone=zone or device_zone(),
            me=me,
            title=title,
        )
        with helpers.calm_errors():
            vault = helpers.existing_vault(ctx)
            with helpers.held(vault):
                vault.unlock(SecretReader().passphrase())
                try:
                    result = _run_import(vault, request)
                except ImportProblem as problem:
                    _stop(_problem_text(file, problem), EXIT_BAD_FILE)
        _say_done(result)


def _run_import(vault: Vault, request: ImportRequest) -> ImportResult:
    console = _console(stderr=True)
    bar = RichProgress(
        TextColumn("Importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    with bar:
        task = bar.add_task("import", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return import_export(vault, request, progress=advance)


def _say_done(result: ImportResult) -> None:
    out = _console()
    new = f"{result.new:,} new message{'s' if result.new != 1 else ''}"
    seen = f"{result.seen:,} already kept" if result.seen else "none already kept"
    files = (
        f" and {result.attachments_kept} attached file{'s' if result.attachments_kept != 1 else ''}"
        if result.attachments_kept
        else ""
    )
    out.print(
        f"Imported: {new} ({seen}){files}. The original export is kept as "
        f"CP-{result.file_item:06d}, encrypted and logged."
    )


def _register_analyze(app: typer.Typer, helpers: Helpers) -> None:
    @app.command(name="analyze")
    def analyze(
        file: Annotated[
            Path | None,
            typer.Argument(
                metavar="FILE",
                help="A file of JSON lines. Default: standard input.",
                dir_okay=False,
            ),
        ] = None,
    ) -> None:
        """Check texts with the analysis rules; needs no vault and sends nothing anywhere.

        Each input line is a JSON object like {"id": 1, "text": "...", "direction": "out"}
        ("out" for a draft you write, "in" for a message you received). Writes one JSON line per
        input, in order, with the categories, flags (exact spans, why, suggestion) and, for
        drafts, a suggested version. Bad lines are reported with their number on stderr (exit 2).
        The format is described in docs/analysis.md.
        """
        # Imported here: only this command needs the rules.
        from clearpath.analysis.cli_command import run

        with helpers.calm_errors():
            if file is None:
                if stdin_is_terminal(sys.stdin):
                    _console(stderr=True).print("Type or paste JSON lines; end with Ctrl+D.")
                code = run(sys.stdin.buffer, sys.stdout, sys.stderr)
            else:
                try:
                    source = file.open("rb")
                except OSError as exc:
                    reason = exc.strerror or "it could not be opened"
                    raise InputError(f"Cannot read {file}: {reason}.") from None
                with source:
                    code = run(source, sys.stdout, sys.stderr)
        if code:
            raise typer.Exit(code)
