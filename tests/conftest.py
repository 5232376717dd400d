"""Shared fixtures and the guards every test runs under.

- CLEARPATH_TESTING=1 is forced here, at import, so the app and any subprocess a test starts
  use the fast test KDF and never the person's real data directory.
- The network: pytest-socket (``--allow-hosts`` in pyproject) refuses ``connect()`` to anything
  but loopback. It does not watch name lookups, ``connect_ex()`` or UDP ``sendto()``, each of
  which can send a packet, so ``_loopback_only`` below closes those too.
- Browser tests: with CLEARPATH_REQUIRE_BROWSER=1 (CI), a skipped browser test is a failure and
  a run in which no browser test ran fails, so CI can never go green without them.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_socket import SocketConnectBlockedError

os.environ["CLEARPATH_TESTING"] = "1"

# Imported after the environment is forced, though nothing here reads it at import time.
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

# zxcvbn scores this 4 of 4; tests that need a weak one spell it out.
TEST_PASSPHRASE = "harbour lantern quietly cobalt meadow"
BROWSER_DIR = Path(__file__).parent / "browser"
REQUIRE_BROWSER = "CLEARPATH_REQUIRE_BROWSER"


# -- vault fixtures -------------------------------------------------------------------------


@dataclass(frozen=True)
class VaultSecrets:
    """What the person holds for the test vault."""

    passphrase: str
    recovery_code: str


class FakeClock:
    """A wall clock the test moves by hand (for the unlock throttle)."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where the test vault lives; not created yet."""
    return tmp_path / "vault"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault(data_dir: Path, clock: FakeClock) -> Iterator[Vault]:
    """A Vault on ``data_dir`` with the test KDF; not created yet."""
    the_vault = Vault(data_dir, TESTING_KDF, clock=clock)
    yield the_vault
    the_vault.lock()


@pytest.fixture
def vault_secrets(vault: Vault) -> VaultSecrets:
    """Creates the vault (which leaves it unlocked) and returns its passphrase and code."""
    code = vault.create(TEST_PASSPHRASE)
    return VaultSecrets(passphrase=TEST_PASSPHRASE, recovery_code=code)


@pytest.fixture
def unlocked_vault(vault: Vault, vault_secrets: VaultSecrets) -> Vault:
    assert vault.unlocked
    return vault


# -- network guard --------------------------------------------------------------------------


def is_loopback_host(host: object) -> bool:
    """True for loopback names and addresses; non-IP addresses (unix sockets) count as local."""
    if host is None:
        return True  # getaddrinfo(None, port): a passive (bind) lookup, no query is sent
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost.", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _refuse(host: object) -> SocketConnectBlockedError:
    return SocketConnectBlockedError(["127.0.0.1", "::1", "localhost"], str(host))


def _address_host(inst: socket.socket, address: object) -> object:
    if inst.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        return address[0]
    return "localhost"  # AF_UNIX and friends never leave the machine


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real_getaddrinfo = socket.getaddrinfo
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_loopback_host(host):
            raise _refuse(host)
        return real_getaddrinfo(host, *args, **kwargs)

    def connect_ex(inst: socket.socket, address: Any) -> int:
        host = _address_host(inst, address)
        if not is_loopback_host(host):
            inst.close()
            raise _refuse(host)
        return real_connect_ex(inst, address)

    def sendto(inst: socket.socket, data: Any, *args: Any) -> int:
        host = _address_host(inst, args[-1])
        if not is_loopback_host(host):
            raise _refuse(host)
        return real_sendto(inst, data, *args)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)


# -- browser tests are required in CI -------------------------------------------------------


def _browser_required() -> bool:
    return os.environ.get(REQUIRE_BROWSER) == "1"


def _under_browser_dir(path: Path) -> bool:
    return path.resolve().is_relative_to(BROWSER_DIR.resolve())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test under tests/browser is a browser test, whether or not its author marked it.
    for item in items:
        if _under_browser_dir(item.path):
            item.add_marker(pytest.mark.browser)


_BROWSER_RAN = pytest.StashKey[int]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome: Any = yield
    report: pytest.TestReport = outcome.get_result()
    if item.get_closest_marker("browser") is None:
        return
    if report.when == "call" and not report.skipped:
        item.config.stash[_BROWSER_RAN] = item.config.stash.get(_BROWSER_RAN, 0) + 1
    if report.skipped and _browser_required() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (
            f"{REQUIRE_BROWSER}=1 but this browser test was skipped ({reason}). "
            "Install Chromium and Playwright (see DEVELOPERS.md) so browser tests can run."
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    outcome: Any = yield
    report: pytest.CollectReport = outcome.get_result()
    path = getattr(collector, "path", None)
    if report.skipped and _browser_required() and path and _under_browser_dir(Path(path)):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (
            f"{REQUIRE_BROWSER}=1 but the browser tests in {Path(path).name} were skipped "
            f"({reason})."
        )


def _run_covers_browser_dir(config: pytest.Config) -> bool:
    """True when the paths given to pytest (or testpaths) include tests/browser."""
    browser = BROWSER_DIR.resolve()
    for arg in config.args:
        target = (config.invocation_params.dir / arg.split("::", 1)[0]).resolve()
        if browser == target or browser.is_relative_to(target):
            return True
    return False


_NO_BROWSER_MESSAGE = pytest.StashKey[str]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _browser_required() or session.config.option.collectonly:
        return
    if not _run_covers_browser_dir(session.config):
        return  # a run of, say, tests/unit alone is not expected to drive a browser
    if session.config.stash.get(_BROWSER_RAN, 0) == 0:
        session.config.stash[_NO_BROWSER_MESSAGE] = (
            f"{REQUIRE_BROWSER}=1 but no browser test ran. Browser tests are required here: "
            "check that tests/browser exists and that Chromium and Playwright are installed."
        )
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    message = config.stash.get(_NO_BROWSER_MESSAGE, None)
    if message:
        terminalreporter.write_sep("=", "browser tests required", red=True, bold=True)
        terminalreporter.write_line(message, red=True)
