"""Checks on what a person typed into the web forms; every message is calm and specific."""

from __future__ import annotations

import secrets

from clearpath.vault import recovery, strength

CONFIRM_GROUP_COUNT = 2
MISMATCH = "The two passphrases are not the same. Please type it again."


def check_new_passphrase(first: str, second: str) -> dict[str, str]:
    """Errors for a new passphrase typed twice (empty when it can be used)."""
    errors: dict[str, str] = {}
    verdict = strength.assess(first)
    if not verdict.acceptable:
        errors["passphrase"] = verdict.message
    elif first != second:
        errors["passphrase_again"] = MISMATCH
    return errors


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
