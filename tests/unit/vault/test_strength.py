"""Passphrase strength: zxcvbn's score, a minimum length, calm advice."""

from __future__ import annotations

import pytest

from clearpath.vault import strength

STRONG = "harbour lantern quietly cobalt meadow"


@pytest.mark.parametrize("weak", ["password123", "qwertyuiop", "iloveyou2024", "aaaaaaaaaaaa"])
def test_weak_passphrases_are_refused_with_advice(weak: str) -> None:
    verdict = strength.assess(weak)
    assert not verdict.acceptable
    assert verdict.score < strength.MIN_SCORE
    assert verdict.message.startswith("This passphrase is too easy to guess. ")
    assert len(verdict.message) > len("This passphrase is too easy to guess. ")


def test_strong_passphrase_is_accepted() -> None:
    verdict = strength.assess(STRONG)
    assert verdict.acceptable
    assert verdict.score >= 3
    assert verdict.label in ("Strong", "Very strong")
    assert verdict.message == "This passphrase is strong enough."


def test_short_passphrase_is_refused_whatever_its_characters() -> None:
    short = "Xq7#mP2!v"
    assert len(short) == strength.MIN_LENGTH - 1
    verdict = strength.assess(short)
    assert not verdict.acceptable
    assert "at least 10 characters" in verdict.message


def test_very_long_passphrase_is_refused() -> None:
    verdict = strength.assess("cobalt meadow " * 100)
    assert not verdict.acceptable
    assert "at most 1024 characters" in verdict.message


def test_personal_words_count_against_the_passphrase() -> None:
    phrase = "rosalind harrington 1987"
    assert strength.assess(phrase, ("rosalind", "harrington", "1987")).score <= strength.assess(
        phrase
    ).score


def test_label_matches_score() -> None:
    verdict = strength.assess(STRONG)
    assert verdict.label == strength.LABELS[verdict.score]
