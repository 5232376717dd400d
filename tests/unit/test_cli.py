"""The command line, driven through Typer's CliRunner with secrets on stdin."""

from __future__ import annotations

import os
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearpath import __version__
from clearpath.cli import app
from clearpath.settings import TESTING_KDF, Settings
from clearpath.vault.errors import VaultTooNew, WrongSecret
from clearpath.vault.process_lock import ProcessLock
from clearpath.vault.service import Vault

PASSPHRASE = "harbour lantern quietly cobalt meadow"
NEW_PASSPHRASE = "pebble orchard violin stairwell thistle"
CODE_LINE = re.compile(r"^Recovery code: ((?:[0-9A-Z]{4}-){6}[0-9A-Z]{4})$", re.MULTILINE)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLEARPATH_TESTING", "1")
    monkeypatch.delenv("CLEARPATH_DATA_DIR", raising=False)
    return tmp_path / "vault"


@pytest.fixture
def cli(data_dir: Path) -> Callable[..., Result]:
    """Runs `clearpath --data-dir <tmp> ARGS` with the given stdin text."""
    runner = CliRunner()

    def run(*args: str, stdin: str = "") -> Result:
        return runner.invoke(app, ["--data-dir", str(data_dir), *args], input=stdin)

    return run


def recovery_code(result: Result) -> str:
    match = CODE_LINE.search(result.stdout)
    assert match, result.stdout
    return match.group(1)


def initialised(cli: Callable[..., Result]) -> str:
    result = cli("init", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    return recovery_code(result)


def opens_with(data_dir: Path, passphrase: str) -> bool:
    vault = Vault(data_dir, TESTING_KDF)
    try:
        vault.unlock(passphrase)
    except WrongSecret:
        return False
    finally:
        vault.lock()
    return True


def assert_calm(result: Result) -> None:
    """One short message, no traceback."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_version(cli: Callable[..., Result]) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"clearpath {__version__}"


def test_init_prints_recovery_code_once(cli: Callable[..., Result], data_dir: Path) -> None:
    result = cli("init", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert len(CODE_LINE.findall(result.stdout)) == 1
    assert "safe" in result.stdout
    assert PASSPHRASE not in result.output
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "clearpath.lock", "files", "keys.json", "vault.db"
    ]
    assert opens_with(data_dir, PASSPHRASE)


def test_init_twice_changes_nothing(cli: Callable[..., Result], data_dir: Path) -> None:
    initialised(cli)
    keys_before = (data_dir / "keys.json").read_bytes()
    db_before = (data_dir / "vault.db").read_bytes()
    result = cli("init", stdin=f"{NEW_PASSPHRASE}\n")
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert "Recovery code" not in result.stdout
    assert_calm(result)
    assert (data_dir / "keys.json").read_bytes() == keys_before
    assert (data_dir / "vault.db").read_bytes() == db_before


def test_init_with_a_weak_passphrase_creates_nothing(
    cli: Callable[..., Result], data_dir: Path
) -> None:
    result = cli("init", stdin="password1\n")
    assert result.exit_code == 2
    assert "passphrase" in result.stderr
    assert_calm(result)
    assert not (data_dir / "keys.json").exists()
    assert not (data_dir / "vault.db").exists()


def test_init_without_stdin_asks_calmly(cli: Callable[..., Result]) -> None:
    result = cli("init", stdin="")
    assert result.exit_code == 2
    assert "No passphrase was given" in result.stderr
    assert_calm(result)


def test_wrong_passphrase_has_its_own_exit_code(cli: Callable[..., Result]) -> None:
    initialised(cli)
    result = cli("passphrase", stdin=f"not the right one at all\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == WrongSecret.exit_code
    assert result.stderr.strip() == WrongSecret().message
    assert_calm(result)


def test_passphrase_change(cli: Callable[..., Result], data_dir: Path) -> None:
    code = initialised(cli)
    result = cli("passphrase", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "changed" in result.stdout
    assert NEW_PASSPHRASE not in result.output
    assert opens_with(data_dir, NEW_PASSPHRASE)
    assert not opens_with(data_dir, PASSPHRASE)
    # The recovery code is untouched by a passphrase change.
    again = cli("recover", stdin=f"{code}\n{PASSPHRASE}\n")
    assert again.exit_code == 0, again.output


def test_passphrase_keeps_a_trailing_space(cli: Callable[..., Result], data_dir: Path) -> None:
    initialised(cli)
    result = cli("passphrase", stdin=f"{PASSPHRASE}\r\n{NEW_PASSPHRASE} \n")
    assert result.exit_code == 0, result.output
    assert opens_with(data_dir, f"{NEW_PASSPHRASE} ")
    assert not opens_with(data_dir, NEW_PASSPHRASE)


def test_recover_gives_a_new_code_and_the_old_one_stops(
    cli: Callable[..., Result], data_dir: Path
) -> None:
    old_code = initialised(cli)
    result = cli("recover", stdin=f"{old_code.lower()}\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    new_code = recovery_code(result)
    assert new_code != old_code
    assert "no longer works" in result.stdout
    assert opens_with(data_dir, NEW_PASSPHRASE)

    stale = cli("recover", stdin=f"{old_code}\n{PASSPHRASE}\n")
    assert stale.exit_code == WrongSecret.exit_code
    assert "recovery code" in stale.stderr
    assert_calm(stale)


def test_recover_rejects_something_that_is_not_a_code(cli: Callable[..., Result]) -> None:
    initialised(cli)
    result = cli("recover", stdin=f"hello\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "A recovery code has 28 letters and digits, in seven groups of four. "
        "Please check it and try again."
    )
    assert_calm(result)


def test_commands_need_a_vault(cli: Callable[..., Result]) -> None:
    result = cli("passphrase", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 1
    assert "clearpath init" in result.stderr
    assert_calm(result)


def test_changing_keys_waits_for_a_running_server(
    cli: Callable[..., Result], data_dir: Path
) -> None:
    initialised(cli)
    with ProcessLock(data_dir / "clearpath.lock"):
        result = cli("passphrase", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.exit_code == 6
    assert "already running" in result.stderr
    assert opens_with(data_dir, PASSPHRASE)


def test_doctor_is_happy_with_a_fresh_vault(cli: Callable[..., Result]) -> None:
    initialised(cli)
    result = cli("doctor")
    assert result.exit_code == 0, result.output
    assert "problem" not in result.stdout
    assert "SQLCipher 4" in result.stdout
    assert "All is well." in result.stdout


def test_doctor_reports_a_readable_key_file(cli: Callable[..., Result], data_dir: Path) -> None:
    initialised(cli)
    keys = data_dir / "keys.json"
    keys.chmod(0o644)
    result = cli("doctor")
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "keys.json" in line)
    assert line.startswith("problem")
    assert f"chmod 600 '{keys}'" in line


def test_doctor_reports_a_stray_file(cli: Callable[..., Result], data_dir: Path) -> None:
    initialised(cli)
    (data_dir / "notes [copy].txt").write_text("x")
    result = cli("doctor")
    assert result.exit_code == 1
    assert "notes [copy].txt" in result.stdout


def test_doctor_on_a_damaged_key_file(cli: Callable[..., Result], data_dir: Path) -> None:
    initialised(cli)
    (data_dir / "keys.json").write_text("{ this is not json")
    result = cli("doctor")
    assert result.exit_code == 1
    assert_calm(result)
    damaged = [line for line in result.stdout.splitlines() if "keys.json" in line]
    assert any(line.startswith("problem") and "cannot be read" in line for line in damaged)

    unlock = cli("doctor", "--unlock", stdin=f"{PASSPHRASE}\n")
    assert unlock.exit_code == 5
    assert_calm(unlock)
    assert len(unlock.stderr.strip().splitlines()) == 1
    assert "cannot be read: it is not valid JSON" in unlock.stderr


def test_doctor_without_a_vault(cli: Callable[..., Result]) -> None:
    result = cli("doctor")
    assert result.exit_code == 1
    assert "does not exist yet" in result.stdout
    assert_calm(result)


def test_doctor_unlock_checks_pragmas_and_schema(cli: Callable[..., Result]) -> None:
    initialised(cli)
    result = cli("doctor", "--unlock", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "secure_delete is ON" in result.stdout
    assert "journal_mode is DELETE" in result.stdout
    assert "up to date" in result.stdout

    wrong = cli("doctor", "--unlock", stdin="certainly not the passphrase\n")
    assert wrong.exit_code == WrongSecret.exit_code
    assert_calm(wrong)


def test_doctor_unlock_on_a_vault_from_a_newer_clearpath(
    cli: Callable[..., Result], data_dir: Path
) -> None:
    initialised(cli)
    vault = Vault(data_dir, TESTING_KDF)
    vault.unlock(PASSPHRASE)
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'from-the-future'")
    vault.lock()
    result = cli("doctor", "--unlock", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == VaultTooNew.exit_code == 8
    assert result.stderr.strip() == VaultTooNew().message
    assert_calm(result)


def test_a_bad_port_in_the_environment_is_one_sentence(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARPATH_PORT", "99999")
    result = cli("doctor")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "CLEARPATH_PORT is set to '99999', which is not a port number. "
        "Set it to a number from 0 to 65535, or unset it to use 8765."
    )
    assert_calm(result)


@pytest.mark.parametrize("name", ["[/]", "[bold]notes[/bold]", "[red]x"])
def test_paths_are_printed_as_they_are(tmp_path: Path, name: str) -> None:
    # rich would read these folder names as markup: raise MarkupError, or eat the tags.
    data_dir = tmp_path / name / "vault"
    result = CliRunner().invoke(
        app, ["--data-dir", str(data_dir), "init"], input=f"{PASSPHRASE}\n"
    )
    assert result.exit_code == 0, result.output
    assert f"Your vault is ready in {data_dir}." in result.stdout
    doctor = CliRunner().invoke(app, ["--data-dir", str(data_dir), "doctor"])
    assert f"The data folder exists: {data_dir}" in doctor.stdout


def test_os_errors_print_the_path_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "[").mkdir()
    blocker = tmp_path / "[" / "]notes[bold]"  # the path holds '[/]' and '[bold]'
    blocker.write_text("a file where a folder should be")
    data_dir = blocker / "vault"
    result = CliRunner().invoke(
        app, ["--data-dir", str(data_dir), "init"], input=f"{PASSPHRASE}\n"
    )
    assert result.exit_code == 1
    assert str(blocker) in result.stderr
    assert "The system reported a problem" in result.stderr
    assert_calm(result)


def test_commands_write_with_umask_077_and_restore_it(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    seen: list[int] = []
    real_create = Vault.create

    def create(vault: Vault, passphrase: str) -> str:
        umask = os.umask(0o022)
        os.umask(umask)
        seen.append(umask)
        return real_create(vault, passphrase)

    monkeypatch.setattr(Vault, "create", create)
    before = os.umask(0o022)
    try:
        initialised(cli)
        after = os.umask(0o022)
    finally:
        os.umask(before)
    assert seen == [0o077]
    assert after == 0o022
    assert sorted(oct(p.stat().st_mode & 0o777) for p in data_dir.iterdir()) == [
        "0o600", "0o600", "0o600", "0o700"
    ]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.org", "::"])  # noqa: S104
def test_serve_refuses_other_hosts(cli: Callable[..., Result], host: str) -> None:
    result = cli("serve", "--host", host, "--no-browser")
    assert result.exit_code == 2
    assert "only listens on this computer" in result.stderr
    assert "http://" not in result.stdout
    assert_calm(result)


def _fake_server(
    monkeypatch: pytest.MonkeyPatch, calls: list[tuple[Settings, bool, int]]
) -> None:
    """Stands in for clearpath.web.server: announces an address and returns at once."""

    def run_server(settings: Settings, vault: Vault, on_ready: Callable[[str], None]) -> None:
        # While the server runs, the vault is held and new files are private.
        held = not _can_lock(vault.paths.lock)
        umask = os.umask(0o077)
        os.umask(umask)
        calls.append((settings, held, umask))
        on_ready(f"http://127.0.0.1:{settings.port}/launch?token=" + "t" * 43)

    module = types.ModuleType("clearpath.web.server")
    module.run_server = run_server  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "clearpath.web.server", module)


def _can_lock(path: Path) -> bool:
    try:
        with ProcessLock(path):
            return True
    except Exception:  # noqa: BLE001
        return False


def _fake_server_and_browser(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[list[tuple[Settings, bool, int]], list[str]]:
    """The fake server's calls and the addresses a browser was asked to open."""
    calls: list[tuple[Settings, bool, int]] = []
    opened: list[str] = []
    _fake_server(monkeypatch, calls)
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    return calls, opened


def test_serve_prints_the_launch_address(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    calls, opened = _fake_server_and_browser(monkeypatch)
    result = cli("serve", "--port", "0", "--host", "localhost", "--no-browser")
    assert result.exit_code == 0, result.output
    settings, held, umask = calls[0]
    assert (settings.host, settings.port, settings.data_dir) == ("127.0.0.1", 0, data_dir)
    assert held
    assert umask == 0o077
    lines = result.stdout.splitlines()
    url_line = next(line for line in lines if line.startswith("http://127.0.0.1:"))
    assert url_line == "http://127.0.0.1:0/launch?token=" + "t" * 43
    assert lines[lines.index(url_line) - 1] == "Open this address in your browser:"
    assert opened == []
    assert _can_lock(data_dir / "clearpath.lock")


def test_serve_opens_the_browser_unless_told_not_to(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _calls, opened = _fake_server_and_browser(monkeypatch)
    monkeypatch.setenv("DISPLAY", ":0")
    result = cli("serve", "--port", "8899")
    assert result.exit_code == 0, result.output
    assert opened == ["http://127.0.0.1:8899/launch?token=" + "t" * 43]


def test_serve_without_a_desktop_only_prints_the_address(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A text browser started from here would block the terminal before the server starts.
    _calls, opened = _fake_server_and_browser(monkeypatch)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = cli("serve", "--port", "8899")
    assert result.exit_code == 0, result.output
    assert opened == []
    assert "http://127.0.0.1:8899/launch?token=" in result.stdout


def test_serve_when_another_server_runs(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    calls: list[tuple[Settings, bool, int]] = []
    _fake_server(monkeypatch, calls)
    data_dir.mkdir(mode=0o700)
    with ProcessLock(data_dir / "clearpath.lock"):
        result = cli("serve", "--no-browser")
    assert result.exit_code == 6
    assert "already running" in result.stderr
    assert calls == []
    assert_calm(result)


def test_on_a_terminal_the_new_passphrase_is_asked_twice(
    cli: Callable[..., Result], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("clearpath.cli_input.stdin_is_terminal", lambda _stream: True)
    typed = [
        "too short", "too short",  # weak: asked again
        PASSPHRASE, "a different one entirely",  # the two do not match: asked again
        PASSPHRASE, PASSPHRASE,
    ]
    result = cli("init", stdin="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert "at least 10 characters" in result.stderr
    assert "do not match" in result.output
    assert PASSPHRASE not in result.output
    recovery_code(result)
    assert opens_with(data_dir, PASSPHRASE)
