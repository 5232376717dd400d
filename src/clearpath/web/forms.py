"""Checks on what a person typed into the web forms; every message is calm and specific."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TypeVar

from clearpath.vault import recovery
from clearpath.vault.preferences import (
    PreferenceError,
    Preferences,
    clean_exit_url,
    clean_idle_minutes,
    clean_title,
)

T = TypeVar("T")
PREFERENCE_FIELDS = ("page_title", "exit_url", "idle_minutes", "stop_server_on_exit")

CONFIRM_GROUP_COUNT = 2
MISMATCH = "The two passphrases are not the same. Please type it again."


def mismatch_errors(first: str, second: str) -> dict[str, str]:
    """The error for a new passphrase typed differently twice (its strength is the vault's)."""
    return {} if first == second else {"passphrase_again": MISMATCH}


def pick_confirm_groups() -> tuple[int, ...]:
    """Which groups (1-based) of the recovery code the person is asked to type back."""
    numbers = range(1, recovery.GROUPS + 1)
    return tuple(sorted(secrets.SystemRandom().sample(numbers, CONFIRM_GROUP_COUNT)))


def check_confirmation(code: str, wanted: tuple[int, ...], typed: dict[int, str]) -> dict[str, str]:
    groups = recovery.groups(code)
    errors: dict[str, str] = {}
    for number in wanted:
        if recovery.normalize(typed.get(number, "")) != groups[number - 1]:
            errors[f"group_{number}"] = (
                f"Group {number} does not match. Look at your copy and try again."
            )
    return errors


def read_preferences(
    field: Callable[[str], str],
) -> tuple[Preferences | None, dict[str, str]]:
    """The preferences from the settings form, or None and a message per wrong field."""
    errors: dict[str, str] = {}

    def take(name: str, clean: Callable[[str], T]) -> T | None:
        try:
            return clean(field(name))
        except PreferenceError as exc:
            errors[name] = str(exc)
            return None

    title = take("page_title", clean_title)
    exit_url = take("exit_url", clean_exit_url)
    idle_minutes = take("idle_minutes", clean_idle_minutes)
    if title is None or exit_url is None or idle_minutes is None:
        return None, errors
    return (
        Preferences(
            page_title=title,
            exit_url=exit_url,
            idle_minutes=idle_minutes,
            # An unticked checkbox is simply absent from the form.
            stop_server_on_exit=field("stop_server_on_exit") == "on",
        ),
        {},
    )
