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


@pytest.mark.parametrize("length", [72, 73, 100, 1024])
def test_long_passphrases_are_scored_without_error(length: int) -> None:
    # zxcvbn raises ValueError above 72 characters; a long passphrase must still be assessed.
    phrase = (STRONG + " ") * (length // len(STRONG) + 1)
    phrase = phrase[:length]
    assert len(phrase) == length
    verdict = strength.assess(phrase)
    assert verdict.acceptable
    assert verdict.message == "This passphrase is strong enough."


def test_a_long_passphrase_with_a_weak_start_is_judged_by_its_first_72_characters() -> None:
    phrase = "a" * strength.SCORED_PREFIX + STRONG
    assert not strength.assess(phrase).acceptable
