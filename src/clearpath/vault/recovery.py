"""Recovery codes: 140 random bits written in Crockford's base32 (no I, L, O or U).

Shown as seven groups of four characters so a person can copy them by hand and read them
back over the phone without confusing 0/O or 1/I/L.
"""

from __future__ import annotations

import secrets

from clearpath.vault.errors import MalformedRecoveryCode

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 7
GROUP_SIZE = 4
LENGTH = GROUPS * GROUP_SIZE  # 28 symbols x 5 bits = 140 bits
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def generate() -> str:
    """A new recovery code, in its canonical form (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(text: str) -> str:
    """Canonical form of what a person typed: case, spaces, dashes and look-alikes forgiven."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.translate(_LOOKALIKES)


def is_well_formed(code: str) -> bool:
    """True when ``code`` (already normalized) has the length and alphabet of a recovery code."""
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def parse(text: str) -> str:
    """The canonical form of a recovery code a person typed.

    Raises MalformedRecoveryCode when, even after forgiving case, separators and look-alikes,
    it cannot be a recovery code; no key derivation is spent on it.
    """
    code = normalize(text)
    if not is_well_formed(code):
        raise MalformedRecoveryCode(LENGTH, GROUPS, GROUP_SIZE)
    return code


def groups(code: str) -> list[str]:
    """The code cut into its groups of four, as it is shown and typed back."""
    return [code[i : i + GROUP_SIZE] for i in range(0, len(code), GROUP_SIZE)]


def display(code: str) -> str:
    """The code as a person sees it: ``ABCD-EFGH-...``."""
    return "-".join(groups(code))
