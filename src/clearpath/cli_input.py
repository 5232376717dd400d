"""Reading secrets for the command line: hidden prompts on a terminal, lines from a pipe.

Secrets never come from argv, where other users can see them in the process list and the
shell keeps them in its history. On a terminal they are typed with hidden input. When stdin is
not a terminal (scripts, tests), each secret is one line of stdin, in a fixed order per command.
"""

from __future__ import annotations

import sys
from typing import TextIO

import typer

from clearpath.vault import recovery, strength


class InputError(Exception):
    """A secret could not be read; ``message`` says what was expected (never the secret)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SecretReader:
    """Reads the secrets one command needs, in order, from a terminal or from stdin lines."""

    def __init__(self, stream: TextIO | None = None, interactive: bool | None = None) -> None:
        self._stream = stream if stream is not None else sys.stdin
        self.interactive = stdin_is_terminal(self._stream) if interactive is None else interactive

    def passphrase(self, label: str = "Passphrase") -> str:
        """An existing passphrase: asked once."""
        if not self.interactive:
            return self._line(label.lower())
        return _ask(label)

    def new_passphrase(self, label: str = "New passphrase", what: str = "new passphrase") -> str:
        """A passphrase being chosen: asked twice on a terminal, until strong enough."""
        if not self.interactive:
            # The vault checks the strength and explains when it is too weak.
            return self._line(what)
        while True:
            chosen = _ask(label, confirm=True)
            verdict = strength.assess(chosen)
            if verdict.acceptable:
                return chosen
            typer.echo(verdict.message, err=True)

    def recovery_code(self) -> str:
        """A recovery code, in the canonical form; the layout is checked before anything else
        (MalformedRecoveryCode), so a slip is reported before the new passphrase is asked for."""
        text = self._line("recovery code") if not self.interactive else _ask("Recovery code")
        return recovery.parse(text)

    def _line(self, what: str) -> str:
        line = self._stream.readline()
        if not line:
            raise InputError(
                f"No {what} was given. Type it when asked, or give it as a line on "
                "standard input."
            )
        # Only the line ending goes: spaces can be part of a passphrase.
        return line.removesuffix("\n").removesuffix("\r")


def stdin_is_terminal(stream: TextIO) -> bool:
    """True when a person types into ``stream`` (so secrets are prompted, hidden)."""
    return stream.isatty()


def _ask(label: str, confirm: bool = False) -> str:
    value = typer.prompt(
        label,
        hide_input=True,
        confirmation_prompt="Type it again to check" if confirm else False,
        err=True,
    )
    return str(value)
