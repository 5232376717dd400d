"""The backup area's commands: backup, restore, export, shares split / combine.

Registered on the main Typer app by clearpath.cli (register(app)); they reuse its calm error
handling, secret reading and process lock, and keep the logic in this package's services.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from clearpath import cli as main_cli
from clearpath.backup import exporting, shares, trusted
from clearpath.backup.restoring import restore_backup, verify_backup
from clearpath.backup.services import backup_to_folder
from clearpath.cli_input import SecretReader
from clearpath.vault import recovery
from clearpath.vault.atomic import ensure_private_dir
from clearpath.vault.process_lock import ProcessLock

shares_app = typer.Typer(
    help="Split your recovery code into shares for people you trust, or put shares together.",
    no_args_is_help=True,
)


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (bytes, speed, time left) for anything that takes a while."""
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=main_cli._err(),
        transient=True,
    )
    task = bar.add_task(label, total=None)
    with bar:

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def backup_command(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Argument(
            metavar="OUT",
            help="A folder (the backup gets a new name in it) or the backup file's name.",
        ),
    ],
    keep: Annotated[
        int | None,
        typer.Option("--keep", min=1, max=100, help="In a folder, keep only the newest N backups."),
    ] = None,
    backup_passphrase: Annotated[
        bool,
        typer.Option(
            "--backup-passphrase",
            help="Also let a separate passphrase you choose now open this backup.",
        ),
    ] = False,
    for_someone: Annotated[
        bool,
        typer.Option(
            "--for-someone",
            help="A copy for a trusted person: also write a printable sheet for them (PDF).",
        ),
    ] = False,
) -> None:
    """Make an encrypted backup of the whole vault: database, files and key slots.

    It opens with your passphrase or recovery code (as they are now), or with a backup
    passphrase. From a pipe, the first line of standard input is the passphrase and the
    second the backup passphrase.
    """
    with main_cli.calm_errors():
        vault = main_cli._existing_vault(ctx)
        with main_cli._held(vault):
            reader = SecretReader()
            vault.unlock(reader.passphrase())
            extra = None
            if backup_passphrase:
                extra = reader.new_passphrase("Backup passphrase", "backup passphrase")
                trusted.require_strong(extra)
            with _progress("Backing up") as progress:
                made, removed = backup_to_folder(
                    vault,
                    out,
                    kind="trusted" if for_someone else "command",
                    keep_last=keep,
                    backup_passphrase=extra,
                    progress=progress,
                )
        assert made.path is not None  # noqa: S101 - a file backup always has a path
        out_console = main_cli._out()
        out_console.print(
            f"Your backup is ready: {made.path} ({trusted.describe_size(made.size)}, "
            f"{made.files} stored file{'s' if made.files != 1 else ''})."
        )
        for old in removed:
            out_console.print(f"Removed an older backup: {old.name}")
        if for_someone:
            sheet = trusted.write_sheet(made.path)
            out_console.print(f"A sheet to print for them: {sheet}")


def restore_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The backup file.")],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace the vault in the data folder (it is kept aside until this works).",
        ),
    ] = False,
    keep_old: Annotated[
        bool,
        typer.Option("--keep-old", help="With --replace: keep the old vault aside afterwards."),
    ] = False,
    check_only: Annotated[
        bool,
        typer.Option(
            "--check", help="Only check that the backup is whole and opens; change nothing."
        ),
    ] = False,
) -> None:
    """Restore a vault from a backup into the data folder (--data-dir).

    The whole file is checked first; a cut or changed file is refused and nothing changes.
    From a pipe, the first line of standard input is the passphrase, recovery code or backup
    passphrase.
    """
    with main_cli.calm_errors():
        if not file.is_file():
            main_cli._err().print(f"There is no file at {file}. Check the path and the drive.")
            raise typer.Exit(2)
        if check_only:
            _check_backup(file)
            return
        settings = main_cli._settings(ctx)
        ensure_private_dir(settings.data_dir)
        with ProcessLock(settings.data_dir / "clearpath.lock"):
            reader = SecretReader()
            secret = reader.passphrase("Passphrase, recovery code or backup passphrase")
            with _progress("Checking and restoring") as progress:
                done = restore_backup(
                    file,
                    settings.data_dir,
                    secret,
                    replace=replace,
                    keep_old=keep_old,
                    progress=progress,
                )
        out_console = main_cli._out()
        out_console.print(
            f"Your vault is back in {done.data_dir}, as it was on {done.created_at[:10]}, "
            f"with {done.files} stored file{'s' if done.files != 1 else ''}. "
            "Unlock it with the passphrase it had then."
        )
        if done.kept_aside is not None:
            out_console.print(f"The vault that was there before is kept in {done.kept_aside}.")


def _check_backup(file: Path) -> None:
    secret = SecretReader().passphrase("Passphrase, recovery code or backup passphrase")
    with _progress("Checking") as progress:
        found = verify_backup(file, secret, progress=progress)
    main_cli._out().print(
        f"This backup is whole and opens. It was made on {found.created_at[:10]} and holds "
        f"{found.files} stored file{'s' if found.files != 1 else ''}."
    )


def export_command(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(metavar="OUT.zip", help="The zip file to write.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Do not ask; you know the export is not encrypted.")
    ] = False,
) -> None:
    """Export everything as a zip: every table as JSON and CSV, plus the stored files.

    The zip is NOT encrypted: anyone who finds it can read it. From a pipe, the first line of
    standard input is the passphrase.
    """
    with main_cli.calm_errors():
        vault = main_cli._existing_vault(ctx)
        if not yes:
            typer.confirm(
                "The export is not encrypted: anyone who finds the file can read it. Go on?",
                abort=True,
                err=True,
            )
        with main_cli._held(vault):
            vault.unlock(SecretReader().passphrase())
            with _progress("Exporting") as progress:
                summary = exporting.export_to_file(vault, out, progress=progress)
        main_cli._out().print(
            f"Your export is ready: {out} ({summary.tables} tables, {summary.rows} rows, "
            f"{summary.files} files). Keep it somewhere only you can reach, and delete it when "
            "you no longer need it."
        )


@shares_app.command("split")
def shares_split(
    needed: Annotated[
        int, typer.Option("--needed", "-k", min=2, max=10, help="How many shares rebuild it.")
    ] = 2,
    total: Annotated[
        int, typer.Option("--shares", "-n", min=2, max=10, help="How many shares to make.")
    ] = 3,
) -> None:
    """Split your recovery code into shares; any NEEDED of them rebuild it, fewer tell nothing.

    From a pipe, the first line of standard input is the recovery code.
    """
    with main_cli.calm_errors():
        code = SecretReader().recovery_code()
        try:
            made = shares.split_code(code, needed, total)
        except shares.SharesError as exc:
            main_cli._err().print(str(exc))
            raise typer.Exit(2) from None
        for share in made:
            print(f"Share {share.x} of {total}: {share.display()}", flush=True)
        main_cli._out().print(
            f"Give each share to a different person you trust. Any {needed} of them together "
            "rebuild your recovery code; fewer tell nothing about it."
        )


@shares_app.command("combine")
def shares_combine() -> None:
    """Put shares back together into the recovery code. One share per line on standard input
    (an empty line ends the list on a terminal)."""
    with main_cli.calm_errors():
        typed = _read_lines()
        try:
            code = shares.combine_code(typed)
        except shares.SharesError as exc:
            main_cli._err().print(str(exc))
            raise typer.Exit(2) from None
        print(f"Recovery code: {recovery.display(code)}", flush=True)
        main_cli._out().print("Use it with 'clearpath recover' to choose a new passphrase.")


def _read_lines() -> list[str]:
    reader = SecretReader()
    if not reader.interactive:
        return [line.strip() for line in sys.stdin if line.strip()]
    typed: list[str] = []
    while True:
        line = str(typer.prompt("Share (press Enter alone to finish)", default="", err=True))
        if not line.strip():
            return typed
        typed.append(line)


def register(app: typer.Typer) -> None:
    """Add the backup area's commands to the main app."""
    app.command(name="backup")(backup_command)
    app.command(name="restore")(restore_command)
    app.command(name="export")(export_command)
    app.add_typer(shares_app, name="shares")
