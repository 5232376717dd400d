"""The Makefile's install stamps: after the dev install, 'make run' does not install again."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FAKE_TOOL = "#!/bin/sh\necho \"$(basename \"$0\") $*\"\n"

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make(venv: Path, *targets: str) -> str:
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), f"VENV={venv}", *targets],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


@pytest.fixture
def fake_venv(tmp_path: Path) -> Path:
    """A .venv whose python, pip and tools only print how they were called."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for tool in ("python", "pip", "clearpath", "ruff", "mypy"):
        path = venv / "bin" / tool
        path.write_text(FAKE_TOOL)
        path.chmod(0o755)
    return venv


def test_run_after_the_dev_install_does_not_install_again(fake_venv: Path) -> None:
    assert "pip install -e .[dev]" in _make(fake_venv, "typecheck")
    output = _make(fake_venv, "run")
    assert "pip install" not in output
    assert "clearpath serve" in output


def test_run_alone_installs_once(fake_venv: Path) -> None:
    assert "pip install -e ." in _make(fake_venv, "run")
    assert "pip install" not in _make(fake_venv, "run")
