"""The `clearpath` command line: parses options, calls the vault services, prints the result.

No business logic lives here. Every error a person can cause is printed as one calm sentence
with an exit code; a traceback is never shown, because it could hold secrets and it helps no one
who is already under pressure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from clearpath import __version__, cli_messages, doctor
from clearpath.backup.cli import register as register_backup_commands
from clearpath.cli_input import InputError, SecretReader
from clearpath.evidence import cli_commands as evidence_commands
from clearpath.report import cli_commands as report_commands
from clearpath.settings import Settings, load_settings, loopback_address
from clearpath.vault import recovery
from clearpath.vault.atomic import ensure_private_dir
from clearpath.vault.errors import VaultError, VaultExists, VaultMissing
from clearpath.vault.process_lock import ProcessLock
from clearpath.vault.service import Vault

EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="clearpath",
    help="Clearpath: a private, encrypted companion that stays on your own device.",
    add_completion=False,
    # Pretty tracebacks would print local variables, and those can hold a passphrase.
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# markup=False: what is printed holds paths, file names, OS error text and values from the
# environment, and rich would read a '[' in them as markup (mangling it, or raising MarkupError
# for a folder such as '[/]'). Colour is given with Text styles instead.
def _out() -> Console:
    return Console(highlight=False, soft_wrap=True, markup=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


@contextlib.contextmanager
def calm_errors() -> Iterator[None]:
    """Turn every expected failure into one sentence on stderr and an exit code."""
    try:
        yield
    except (typer.Exit, typer.TyperException):
        raise
    except (KeyboardInterrupt, typer.Abort):
        _err().print()
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except (VaultError, InputError) as exc:
        _err().print(exc.message)
        raise typer.Exit(exc.exit_code) from None
    except OSError as exc:
        _err().print(_describe_os_error(exc))
        raise typer.Exit(1) from None
    except Exception as exc:  # noqa: BLE001 - last resort: a traceback could carry secrets
        _err().print(
            f"Clearpath stopped because of an unexpected problem ({type(exc).__name__}). "
            "Your vault files have not been deleted."
        )
        raise typer.Exit(1) from None


def _describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            "That port is already in use. Choose another one with --port, "
            "or use --port 0 to pick a free one."
        )
    where = f" with {exc.filename}" if exc.filename else ""
    return (
        f"The system reported a problem{where}: {exc.strerror or 'no details given'}. "
        "Check that the data folder belongs to you and that the disk is working."
    )


def _show_version(value: bool) -> None:
    if value:
        print(f"clearpath {__version__}")
        raise typer.Exit()


@app.callback(no_args_is_help=True)
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            metavar="PATH",
            help="Folder that holds the vault. Default: CLEARPATH_DATA_DIR, else your "
            "user data folder.",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Clearpath: a private, encrypted companion that stays on your own device."""
    with calm_errors():  # a bad CLEARPATH_* value is one sentence, not a traceback
        ctx.obj = load_settings(data_dir=data_dir)
    # Whatever any command writes (the vault, keys.json, SQLite's journal, the lock file) is
    # for this user only, whatever the shell's umask says. Restored when the command ends,
    # which matters when the app runs inside another process (tests).
    old_umask = os.umask(0o077)
    ctx.call_on_close(lambda: os.umask(old_umask))


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    if not isinstance(settings, Settings):
        raise RuntimeError("settings were not loaded")
    return settings


def _vault(settings: Settings) -> Vault:
    return Vault(settings.data_dir, settings.kdf)


@contextlib.contextmanager
def _held(vault: Vault) -> Iterator[None]:
    """Hold the vault's process lock, so no server changes keys at the same time."""
    with ProcessLock(vault.paths.lock):
        try:
            yield
        finally:
            vault.lock()


def _print_recovery_code(code: str) -> None:
    out = _out()
    # A plain print: scripts read this line, and rich must never wrap or style it.
    print(f"Recovery code: {recovery.display(code)}", flush=True)
    out.print(
        "Write this code down and keep it somewhere safe and offline, away from this device. "
        "It is the only way back in if you forget your passphrase. "
        "It is shown only this once."
    )


@app.command()
def init(ctx: typer.Context) -> None:
    """Create a new vault and show its recovery code once.

    On a terminal you type the passphrase twice; it is not shown. From a pipe, the first line
    of standard input is the passphrase. An existing vault is never overwritten.
    """
    with calm_errors():
        vault = _vault(_settings(ctx))
        if vault.exists():
            raise VaultExists()  # before a passphrase is asked for
        ensure_private_dir(vault.paths.root)
        with _held(vault):
            code = vault.create(SecretReader().new_passphrase("Choose a passphrase", "passphrase"))
        _out().print(f"Your vault is ready in {vault.paths.root}.")
        _print_recovery_code(code)


@app.command()
def recover(ctx: typer.Context) -> None:
    """Open the vault with the recovery code and choose a new passphrase.

    Prints a new recovery code; the old one stops working. From a pipe, the first line of
    standard input is the recovery code and the second the new passphrase.
    """
    with calm_errors():
        vault = _existing_vault(ctx)
        with _held(vault):
            reader = SecretReader()
            code = reader.recovery_code()
            new_code = vault.recover(code, reader.new_passphrase())
        _out().print("Your new passphrase is set. Your old recovery code no longer works.")
        _print_recovery_code(new_code)


@app.command()
def passphrase(ctx: typer.Context) -> None:
    """Change the passphrase. Your data and your recovery code stay as they are.

    From a pipe, the first line of standard input is the current passphrase and the second
    the new one.
    """
    with calm_errors():
        vault = _existing_vault(ctx)
        with _held(vault):
            reader = SecretReader()
            current = reader.passphrase("Current passphrase")
            vault.change_passphrase(current, reader.new_passphrase())
        _out().print("Your passphrase is changed. Your recovery code still works.")


def _existing_vault(ctx: typer.Context) -> Vault:
    vault = _vault(_settings(ctx))
    if not vault.exists():
        raise VaultMissing()
    return vault


@app.command()
def serve(
    ctx: typer.Context,
    port: Annotated[
        int | None,
        typer.Option(
            "--port",
            metavar="PORT",
            min=0,
            max=65535,
            help="Port to listen on. Default: CLEARPATH_PORT, else 8765. 0 picks a free port.",
        ),
    ] = None,
    host: Annotated[
        str,
        typer.Option(
            "--host", metavar="HOST", help="Address to listen on: 127.0.0.1, ::1 or localhost."
        ),
    ] = "127.0.0.1",
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Print the address without opening a browser.")
    ] = False,
) -> None:
    """Start the app on this computer and open it in your browser.

    Prints a single-use address starting with http://127.0.0.1: to open. If there is no vault
    yet, the app helps you create one. Press Ctrl+C to stop; the vault locks.
    """
    with calm_errors():
        bind = loopback_address(host)
        base = _settings(ctx)
        settings = base.with_options(
            host=bind,
            port=base.port if port is None else port,
            open_browser=base.open_browser and not no_browser,
        )
        _serve(settings)


def _serve(settings: Settings) -> None:
    # Imported here: the web stack is heavy and only this command needs it.
    from clearpath.web.server import run_server

    vault = _vault(settings)
    ensure_private_dir(vault.paths.root)
    # The root callback has set umask 077: anything the server writes is for this user only.
    try:
        with _held(vault):
            run_server(settings, vault, _on_ready(settings.open_browser))
    except KeyboardInterrupt:
        pass  # Ctrl+C is the ordinary way to stop the server, not an error
    _out().print("Clearpath has stopped and the vault is locked.")


def _on_ready(open_browser: bool) -> Callable[[str], None]:
    def announce(url: str) -> None:
        print("Open this address in your browser:", flush=True)
        # One plain line: scripts and tests read it, and rich could wrap or style it.
        print(url, flush=True)
        print("It works once and only for a few minutes. Press Ctrl+C to stop.", flush=True)
        if open_browser and _has_graphical_desktop():
            with contextlib.suppress(webbrowser.Error, OSError):
                webbrowser.open(url)

    return announce


def _has_graphical_desktop() -> bool:
    # Without a desktop, webbrowser may start a text browser (w3m, lynx) in this terminal,
    # which would block here before the server ever starts. Printing the address is enough.
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@app.command(name="doctor")
def doctor_command(
    ctx: typer.Context,
    unlock: Annotated[
        bool,
        typer.Option(
            "--unlock",
            help="Also unlock the vault (asks for the passphrase) and check inside it.",
        ),
    ] = False,
) -> None:
    """Check the data folder, file permissions, key file, SQLCipher and free disk space.

    Needs no passphrase. Each line says ok, note or problem, with how to fix a problem. Exits
    with 1 when a problem was found.
    """
    with calm_errors():
        # The checks that need no passphrase are shown first, whatever happens after.
        findings = doctor.check_without_key(_settings(ctx))
        _print_findings(findings)
        if unlock:
            vault = _existing_vault(ctx)
            with _held(vault):
                vault.unlock(SecretReader().passphrase())
                inside = doctor.check_unlocked(vault)
            _print_findings(inside)
            findings += inside
        _print_summary(findings)
        if any(f.level is doctor.Level.PROBLEM for f in findings):
            raise typer.Exit(1)


def _print_findings(findings: list[doctor.Finding]) -> None:
    out = _out()
    styles = {doctor.Level.OK: "green", doctor.Level.NOTE: "cyan", doctor.Level.PROBLEM: "yellow"}
    for finding in findings:
        label = (f"{finding.level.value:<8}", styles[finding.level])
        fix = f" Fix: {finding.fix}" if finding.fix else ""
        # File names come from disk: they are plain text, never markup.
        out.print(Text.assemble(label, finding.text, fix))


def _print_summary(findings: list[doctor.Finding]) -> None:
    out = _out()
    problems = sum(f.level is doctor.Level.PROBLEM for f in findings)
    if problems:
        out.print(f"{problems} problem{'s' if problems != 1 else ''} found.")
    else:
        out.print("All is well.")


report_commands.register(app, report_commands.Helpers(calm_errors, _existing_vault, _held))
evidence_commands.register(app, evidence_commands.Helpers(calm_errors, _existing_vault, _held))
cli_messages.register(app, cli_messages.Helpers(calm_errors, _existing_vault, _held))
# backup, restore, export and shares live in the backup package.
register_backup_commands(app)


def main() -> None:
    """Entry point of the `clearpath` script."""
    try:
        app()
    except KeyboardInterrupt:
        # Ctrl+C outside a command body (while Python starts up the command).
        sys.exit(EXIT_INTERRUPTED)

