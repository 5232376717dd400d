"""Fixtures for the functional tests: the whole web app through its HTTP interface.

Independent of tests/conftest.py on purpose (its fixtures have other names). The app is built
exactly as the server builds it, with two hand-moved clocks: one for the vault's unlock
throttle (wall time) and one for the idle lock (monotonic time). See web_harness.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["CLEARPATH_TESTING"] = "1"

from web_harness import Web, build_web


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Web]:
    """A launched browser session; no vault yet."""
    yield from build_web(tmp_path)


@pytest.fixture
def home(web: Web) -> Web:
    """A created, unlocked vault whose recovery code is confirmed; the browser is at /home."""
    web.create()
    return web


@pytest.fixture
def locked(home: Web) -> Web:
    """A created vault, locked with Lock now; the browser still has its session."""
    home.lock()
    return home
