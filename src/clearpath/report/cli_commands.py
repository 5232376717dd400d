"""The `clearpath report`, `clearpath bundle` and `clearpath verify` commands.

Registered on the main Typer app by ``register()``; cli.py hands over its calm-error wrapper
and vault helpers, so this module never imports cli.py. The work itself is in
``clearpath.report.export`` and the two verifiers.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

from clearpath.cli_input import InputError, SecretReader
from clearpath.vault.service import Vault

if TYPE_CHECKING:  # the report modules are heavy; they load when a command runs
    from clearpath.report.data import Filters

CAUTION = (
    "Note: this file is not encrypted. It holds your records in readable form and stays "
    "wherever you saved it; keep it somewhere only you (and people you trust) can reach."
)


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


def parse_day(value: str | None, option: str) -> date | None:
    """A --from/--to value as a date; InputError with the option's name when it is not one."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option} needs a date like 2026-03-31; '{value}' is not one.") from None


def build_filters(
    date_from: str | None,
    date_to: str | None,
    categories: list[str] | None,
    incidents: list[int] | None,
) -> Filters:
    """The filters from the command's options, checked."""
    from clearpath.evidence.categories import normalise
    from clearpath.report.data import Filters

    start, end = parse_day(date_from, "--from"), parse_day(date_to, "--to")
    if start and end and start > end:
        raise InputError("--from is after --to. Swap them, or leave one out.")
    return Filters(start, end, tuple(normalise(categories or [])), tuple(incidents or []))


def write_out(path: Path, chunks: Iterable[bytes], force: bool) -> int:
    """Write ``chunks`` to ``path`` through a temporary name beside it, then rename, so a
    half-written export never sits under the real name. Returns the bytes written."""
    if path.exists() and not force:
        raise InputError(f"{path} already exists. Choose another name, or add --force.")
    if not path.parent.is_dir():
        raise InputError(f"The folder {path.parent} does not exist.")
    partial = path.with_name(path.name + ".partial")
    written = 0
    try:
        with open(partial, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
                written += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return written


FromOpt = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="Only incidents on or after DATE.")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="Only incidents on or before DATE.")
]
CategoryOpt = Annotated[
    list[str] | None,
    typer.Option("--category", metavar="KIND", help="Only these kinds (repeat for more)."),
]
IncidentOpt = Annotated[
    list[int] | None,
    typer.Option("--incident", metavar="ID", help="Only these incidents (repeat for more)."),
]
NameOpt = Annotated[
    str, typer.Option("--name", metavar="NAME", help="Your name for the cover page (optional).")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")]


def register(app: typer.Typer, helpers: Helpers) -> None:
    """Add the three commands to ``app``."""

    @app.command()
    def report(
        ctx: typer.Context,
        out: Annotated[
            Path, typer.Option("--out", metavar="FILE", help="Where to save: FILE.pdf or .csv.")
        ],
        date_from: FromOpt = None,
        date_to: ToOpt = None,
        category: CategoryOpt = None,
        incident: IncidentOpt = None,
        name: NameOpt = "",
        force: ForceOpt = False,
    ) -> None:
        """Save the report of your incidents as a PDF (or the chronology as CSV).

        A signed checkpoint of the integrity log is made first and printed on the cover.
        The file is not encrypted. From a pipe, the first line of standard input is the
        passphrase.
        """
        from clearpath.report import export

        with helpers.calm_errors():
            filters = build_filters(date_from, date_to, category, incident)
            vault = helpers.existing_vault(ctx)
            with helpers.held(vault):
                vault.unlock(SecretReader().passphrase())
                prepared = export.prepare(vault, filters, person_name=name)
                if out.suffix.lower() == ".csv":
                    payload = export.chronology(prepared)
                else:
                    payload = export.report_pdf(vault, prepared)
            write_out(out, [payload], force)
            data = prepared.data
            _out().print(
                f"Saved {out}: {len(data.incidents)} incidents, {len(data.files)} files, "
                f"signed log of {prepared.seal.tree_size} entries."
            )
            _err().print(CAUTION)

    @app.command()
    def bundle(
        ctx: typer.Context,
        out: Annotated[Path, typer.Option("--out", metavar="FILE", help="Where to save the zip.")],
        date_from: FromOpt = None,
        date_to: ToOpt = None,
        category: CategoryOpt = None,
        incident: IncidentOpt = None,
        name: NameOpt = "",
        force: ForceOpt = False,
    ) -> None:
        """Save the evidence bundle: report, records, original files, log and signatures.

        Anyone can check it later with 'clearpath verify FILE.zip' or with the
        verify_bundle.py inside it. The zip is not encrypted. From a pipe, the first line of
        standard input is the passphrase.
        """
        from clearpath.report import export

        with helpers.calm_errors():
            filters = build_filters(date_from, date_to, category, incident)
            vault = helpers.existing_vault(ctx)
            with helpers.held(vault):
                vault.unlock(SecretReader().passphrase())
                prepared = export.prepare(vault, filters, person_name=name)
                pdf = export.report_pdf(vault, prepared)
                total = len(pdf) + sum(f.size for f in prepared.data.files)
                try:
                    with _progress(total) as advance:
                        chunks = export.bundle_chunks(vault, prepared, pdf)
                        size = write_out(out, _counted(chunks, advance), force)
                except export.ExportStopped as exc:
                    _err().print(exc.message)
                    raise typer.Exit(1) from None
            _out().print(
                f"Saved {out} ({size} bytes): {len(prepared.data.incidents)} incidents, "
                f"{len(prepared.data.files)} original files."
            )
            _err().print(CAUTION)

    @app.command()
    def verify(
        ctx: typer.Context,
        bundle_path: Annotated[
            Path | None,
            typer.Argument(
                metavar="BUNDLE",
                help="An evidence bundle (zip) to check, offline.",
                dir_okay=False,
            ),
        ] = None,
        key: Annotated[
            str | None,
            typer.Option(
                "--key",
                metavar="KEY",
                help="The signing key you were given separately (name+id+key); the bundle "
                "must be signed with it.",
            ),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    ) -> None:
        """Check evidence has not changed: a bundle (no passphrase needed) or, with no
        BUNDLE, the vault itself (every file, record, log entry and signature).

        Names each thing that was changed, is missing or was added. Exits with 0 when
        everything matches and 1 when anything does not.
        """
        with helpers.calm_errors():
            if bundle_path is not None:
                ok = _verify_bundle(bundle_path, as_json, key)
            else:
                ok = _verify_vault(ctx, helpers, as_json)
        if not ok:
            raise typer.Exit(1)


def _verify_bundle(path: Path, as_json: bool, key: str | None = None) -> bool:
    from clearpath.report import bundle_verify

    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    problems = bundle_verify.verify_bundle(path, key)
    if as_json:
        print(bundle_verify.to_json(problems))
    else:
        for problem in problems:
            _out().print(problem.line())
        _out().print(bundle_verify.describe(problems))
    return not problems


def _verify_vault(ctx: typer.Context, helpers: Helpers, as_json: bool) -> bool:
    from clearpath.evidence import verify as live

    vault = helpers.existing_vault(ctx)
    with helpers.held(vault):
        vault.unlock(SecretReader().passphrase())
        total = live.total_bytes(vault)
        with _progress(total, show=not as_json) as advance:
            seen = [0]

            def progress(done: int) -> None:
                advance(done - seen[0])
                seen[0] = done

            result = live.verify_vault(vault, progress)
    if as_json:
        print(live.to_json(result))
    else:
        for problem in result.problems:
            _out().print(str(problem))
        for note in result.notes:
            _out().print(note)
        _out().print(live.describe(result))
    return result.ok


@contextlib.contextmanager
def _progress(total: int, show: bool = True) -> Iterator[Callable[[int], Any]]:
    """A byte progress bar on stderr for work over a few megabytes; silent otherwise."""
    if not show or total < 8_000_000:
        yield lambda _n: None
        return
    bar = Progress(
        TextColumn("Working"), BarColumn(), DownloadColumn(), console=_err(), transient=True
    )
    with bar:
        task = bar.add_task("bytes", total=total)
        yield lambda n: bar.advance(task, n)


def _counted(chunks: Iterable[bytes], advance: Callable[[int], Any]) -> Iterator[bytes]:
    for chunk in chunks:
        advance(len(chunk))
        yield chunk
