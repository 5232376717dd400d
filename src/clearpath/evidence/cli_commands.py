"""`clearpath evidence add FILE|FOLDER... [--incident ID]`: keep files as evidence.

Registered on the main Typer app by ``register()``; cli.py lends its calm-error wrapper and
vault helpers, so this module never imports cli.py. Each file is streamed from disk through
the encryptor (never whole in memory) with a progress bar; a folder brings in every file in
it, sorted by name, for hundreds of screenshots at once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from clearpath.cli_input import InputError, SecretReader
from clearpath.vault.service import Vault

READ_SIZE = 1024 * 1024


@dataclass(frozen=True)
class Helpers:
    """What cli.py lends these commands."""

    calm_errors: Callable[[], contextlib.AbstractContextManager[None]]
    existing_vault: Callable[[typer.Context], Vault]
    held: Callable[[Vault], contextlib.AbstractContextManager[None]]


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True, markup=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def gather(paths: list[Path]) -> list[Path]:
    """The files to add: each file named, and every file inside each folder named (sorted,
    hidden ones left out). InputError for a path that is not there."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(folder, n) for n in sorted(names) if not n.startswith(".")]
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"There is no file or folder at {path}. Nothing was added.")
    return found


def _read(handle: BinaryIO, advance: Callable[[int], object]) -> Iterator[bytes]:
    while chunk := handle.read(READ_SIZE):
        advance(len(chunk))
        yield chunk


def register(app: typer.Typer, helpers: Helpers) -> None:
    """Add the `evidence` command group to ``app``."""
    evidence_app = typer.Typer(
        name="evidence",
        help="Keep evidence. 'clearpath evidence add FILE|FOLDER... [--incident ID]' "
        "encrypts photos, screenshots, recordings and documents into the vault exactly as "
        "they are, each with its SHA-256; a folder brings in every file inside it. "
        "Asks for the passphrase (or reads the first line of standard input).",
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @evidence_app.command("add")
    def add(
        ctx: typer.Context,
        paths: Annotated[
            list[Path],
            typer.Argument(
                metavar="FILE|FOLDER...",
                help="Files to keep, or folders whose files are all kept.",
            ),
        ],
        incident: Annotated[
            int | None,
            typer.Option("--incident", metavar="ID", help="Attach the files to this incident."),
        ] = None,
    ) -> None:
        """Encrypt files into the vault, exactly as they are, each with its SHA-256.

        Asks for the passphrase (or reads the first line of standard input). Shows a
        progress bar; prints the item numbers given (CP-000001 ...).
        """
        with helpers.calm_errors():
            files_to_add = gather(paths)
            vault = helpers.existing_vault(ctx)
            with helpers.held(vault):
                vault.unlock(SecretReader().passphrase())
                added = _add_all(vault, files_to_add, incident)
            _report(added)

    app.add_typer(evidence_app)


def _add_all(vault: Vault, paths: list[Path], incident: int | None) -> list[tuple[str, bool]]:
    from clearpath.evidence.files import add_file
    from clearpath.evidence.services import IncidentNotFound

    total = sum(p.stat().st_size for p in paths)
    added: list[tuple[str, bool]] = []
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=_err(),
        transient=True,
    )
    with bar:
        task = bar.add_task("Adding", total=total)
        for number, path in enumerate(paths, start=1):
            # Counts only: a file's name could say too much on a screen someone else sees.
            bar.update(task, description=f"File {number} of {len(paths)}")
            try:
                with path.open("rb") as handle:
                    info = add_file(
                        vault, _read(handle, lambda n: bar.advance(task, n)), path.name, incident
                    )
            except IncidentNotFound:
                raise InputError(
                    f"There is no incident {incident}. "
                    f"{_done(added)}Check the number on the incident's page."
                ) from None
            added.append((info.item, info.has_gps))
    if added:
        from clearpath.evidence.checkpoints import sign_checkpoint

        with vault.session() as db:
            sign_checkpoint(db, vault)
    return added


def _done(added: list[tuple[str, bool]]) -> str:
    if not added:
        return "Nothing was added. "
    return f"The {len(added)} files before it were added ({added[0][0]} to {added[-1][0]}). "


def _report(added: list[tuple[str, bool]]) -> None:
    out = _out()
    if not added:
        out.print("There were no files to add.")
        return
    span = added[0][0] if len(added) == 1 else f"{added[0][0]} to {added[-1][0]}"
    count = len(added)
    out.print(f"{count} file{'s' if count != 1 else ''} added, encrypted and logged: {span}.")
    with_gps = [item for item, gps in added if gps]
    if with_gps:
        out.print(
            f"{len(with_gps)} of them hold a GPS position ({', '.join(with_gps[:10])}"
            f"{' ...' if len(with_gps) > 10 else ''}). They are kept as they are; "
            "a copy shared later would show where each was taken."
        )
