"""The CLI reference in Markdown, rendered from the Typer app itself.

The README carries this text between two markers, and a test fails when it is stale, so the
documentation can never drift from the commands. Regenerate it with:

    python -m clearpath.cli_reference --write README.md
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path

import typer
from typer.core import TyperCommand, TyperGroup

from clearpath.cli import app

START_MARKER = "<!-- cli-reference:start -->"
END_MARKER = "<!-- cli-reference:end -->"
PROGRAM = "clearpath"


class MarkersMissingError(ValueError):
    """The target file lacks the start and end markers, in that order."""


def render() -> str:
    """The whole reference: the program, then each command in the order the app lists them."""
    group = typer.main.get_command(app)
    if not isinstance(group, TyperGroup):
        raise TypeError("the Clearpath app must be a group of commands")
    root_ctx = typer.Context(group, info_name=PROGRAM)
    sections = [_render_command(group, root_ctx, heading=PROGRAM)]
    for name in group.list_commands(root_ctx):
        command = group.get_command(root_ctx, name)
        if not isinstance(command, TyperCommand | TyperGroup) or command.hidden:
            continue
        ctx = typer.Context(command, info_name=name, parent=root_ctx)
        sections.append(_render_command(command, ctx, heading=ctx.command_path))
    return "\n".join(sections)


def _render_command(
    command: TyperCommand | TyperGroup, ctx: typer.Context, heading: str
) -> str:
    lines = [f"### `{heading}`", ""]
    help_text = inspect.cleandoc(command.help or "")
    if help_text:
        lines += [help_text, ""]
    usage = " ".join([ctx.command_path, *command.collect_usage_pieces(ctx)])
    lines += [f"Usage: `{usage}`", ""]
    rows = [
        record
        for param in command.get_params(ctx)
        if (record := param.get_help_record(ctx)) is not None
    ]
    if rows:
        lines += ["| Option | What it does |", "|---|---|"]
        lines += [f"| `{_cell(name)}` | {_cell(text)} |" for name, text in rows]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    # A table cell is one line, and a bare '|' would end it early.
    return " ".join(text.split()).replace("|", "\\|")


def extract_section(document: str) -> str:
    """The text between the markers, without the newlines that frame it."""
    start, end = _marker_positions(document)
    return document[start + len(START_MARKER) : end].strip("\n")


def replace_section(document: str, reference: str) -> str:
    """``document`` with the text between the markers replaced by ``reference``."""
    start, end = _marker_positions(document)
    head = document[: start + len(START_MARKER)]
    return f"{head}\n{reference.strip(chr(10))}\n{document[end:]}"


def _marker_positions(document: str) -> tuple[int, int]:
    start = document.find(START_MARKER)
    end = document.find(END_MARKER, start + 1)
    if start < 0 or end < 0:
        raise MarkersMissingError(
            f"the file needs the lines {START_MARKER} and {END_MARKER}, in that order"
        )
    return start, end


def main(argv: list[str] | None = None) -> int:
    """Print the reference, or write it into a file between the markers (--write)."""
    parser = argparse.ArgumentParser(prog="python -m clearpath.cli_reference")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--write", type=Path, metavar="FILE", help="update FILE in place")
    target.add_argument("--check", type=Path, metavar="FILE", help="exit 1 if FILE is stale")
    args = parser.parse_args(argv)
    reference = render()
    path: Path | None = args.write or args.check
    if path is None:
        sys.stdout.write(reference)
        return 0
    try:
        document = path.read_text(encoding="utf-8")
        updated = replace_section(document, reference)
    except (OSError, MarkersMissingError) as exc:
        print(f"Cannot update {path}: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if updated != document:
            print(f"{path} is stale. Run: python -m clearpath.cli_reference --write {path}",
                  file=sys.stderr)
            return 1
        return 0
    if updated != document:
        path.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
