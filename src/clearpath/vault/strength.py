"""Passphrase strength, scored by zxcvbn (a maintained port of Dropbox's estimator)."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_SCORE = 3
MIN_LENGTH = 10
MAX_LENGTH = 1024
# zxcvbn (4.5) refuses anything longer than 72 characters with a ValueError, and its cost grows
# with length anyway. Only the first 72 characters are scored: a prefix that strong already is,
# and more characters can only make a passphrase harder to guess.
SCORED_PREFIX = 72
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True)
class Strength:
    """zxcvbn's verdict on a passphrase: score 0-4, its label, advice, and whether it will do."""

    score: int
    label: str
    warning: str
    suggestions: tuple[str, ...]
    acceptable: bool

    @property
    def message(self) -> str:
        """One or two sentences to show under the passphrase field."""
        parts = [p for p in (self.warning, *self.suggestions) if p]
        if self.acceptable:
            return "This passphrase is strong enough."
        advice = " ".join(parts) or "Add a few more uncommon words."
        return f"This passphrase is too easy to guess. {advice}"


def assess(passphrase: str, personal_words: tuple[str, ...] = ()) -> Strength:
    """How hard ``passphrase`` is to guess, with advice; ``personal_words`` count against it.

    Passphrases shorter than MIN_LENGTH or longer than MAX_LENGTH are refused outright; of the
    rest, only the first SCORED_PREFIX characters are scored.
    """
    if len(passphrase) < MIN_LENGTH:
        return Strength(
            score=0,
            label=LABELS[0],
            warning=f"Use at least {MIN_LENGTH} characters.",
            suggestions=("A few unrelated words make a passphrase that is easy to remember.",),
            acceptable=False,
        )
    if len(passphrase) > MAX_LENGTH:
        return Strength(0, LABELS[0], f"Use at most {MAX_LENGTH} characters.", (), False)
    result = zxcvbn(passphrase[:SCORED_PREFIX], user_inputs=list(personal_words))
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    return Strength(
        score=score,
        label=LABELS[score],
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        acceptable=score >= MIN_SCORE,
    )
