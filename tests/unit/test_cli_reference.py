"""The CLI reference in the README is generated from the app, and must not go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearpath import cli_reference
from clearpath.cli_reference import END_MARKER, START_MARKER

README = Path(__file__).resolve().parents[2] / "README.md"
REGENERATE = "python -m clearpath.cli_reference --write README.md"


def test_readme_reference_is_current() -> None:
    in_readme = cli_reference.extract_section(README.read_text(encoding="utf-8"))
    assert in_readme == cli_reference.render().strip("\n"), (
        f"The CLI reference in README.md is stale. Run: {REGENERATE}"
    )


def test_render_is_deterministic_and_covers_every_command() -> None:
    first = cli_reference.render()
    assert first == cli_reference.render()
    for command in ("init", "recover", "passphrase", "serve", "doctor"):
        assert f"### `clearpath {command}`" in first
    for option in ("--data-dir PATH", "--version", "--port PORT", "--no-browser", "--unlock"):
        assert f"`{option}`" in first


def test_replace_section_keeps_the_rest_of_the_document() -> None:
    document = f"# Title\n\nBefore.\n\n{START_MARKER}\nold text\n{END_MARKER}\n\nAfter.\n"
    updated = cli_reference.replace_section(document, "new | text\n")
    assert updated == f"# Title\n\nBefore.\n\n{START_MARKER}\nnew | text\n{END_MARKER}\n\nAfter.\n"
    assert cli_reference.extract_section(updated) == "new | text"
    assert cli_reference.replace_section(updated, "new | text") == updated


def test_missing_markers_are_explained() -> None:
    with pytest.raises(cli_reference.MarkersMissingError):
        cli_reference.replace_section("no markers here", "x")
    with pytest.raises(cli_reference.MarkersMissingError):
        cli_reference.extract_section(f"{END_MARKER}\n{START_MARKER}\n")


def test_write_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "README.md"
    target.write_text(f"Intro\n{START_MARKER}\n{END_MARKER}\n", encoding="utf-8")
    assert cli_reference.main(["--check", str(target)]) == 1
    assert "--write" in capsys.readouterr().err
    assert cli_reference.main(["--write", str(target)]) == 0
    assert cli_reference.main(["--check", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Intro\n")
    assert cli_reference.extract_section(text) == cli_reference.render().strip("\n")
    assert cli_reference.main(["--check", str(tmp_path / "missing.md")]) == 2
