"""Recovery codes: enough randomness, an unambiguous alphabet, forgiving to type back."""

from __future__ import annotations

import math
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearpath.vault import recovery
from clearpath.vault.errors import MalformedRecoveryCode

codes = st.text(alphabet=recovery.ALPHABET, min_size=recovery.LENGTH, max_size=recovery.LENGTH)


def test_code_has_28_symbols_of_the_alphabet() -> None:
    code = recovery.generate()
    assert len(code) == 28
    assert set(code) <= set(recovery.ALPHABET)
    assert recovery.is_well_formed(code)


def test_alphabet_has_no_lookalikes() -> None:
    assert len(set(recovery.ALPHABET)) == 32
    assert not set("ILOU") & set(recovery.ALPHABET)
    assert set(recovery.ALPHABET) <= set(string.digits + string.ascii_uppercase)


def test_code_holds_at_least_128_bits() -> None:
    assert recovery.LENGTH * math.log2(len(recovery.ALPHABET)) >= 128


def test_codes_differ() -> None:
    assert len({recovery.generate() for _ in range(50)}) == 50


def test_display_groups_of_four() -> None:
    shown = recovery.display(recovery.generate())
    parts = shown.split("-")
    assert len(parts) == 7
    assert all(len(part) == 4 for part in parts)


def test_normalize_forgives_case_separators_and_lookalikes() -> None:
    assert recovery.normalize(" ab0d-eFgh  1jk ") == "AB0DEFGH1JK"
    assert recovery.normalize("o O i I l L") == "001111"
    assert recovery.normalize("ABCD–EFGH") == "ABCDEFGH"  # an en dash from a word processor


def test_malformed_codes_are_not_well_formed() -> None:
    code = recovery.generate()
    assert not recovery.is_well_formed(code[:-1])
    assert not recovery.is_well_formed(code + "0")
    assert not recovery.is_well_formed("U" + code[1:])


@given(codes)
def test_display_then_normalize_gives_the_code_back(code: str) -> None:
    assert recovery.normalize(recovery.display(code)) == code


@given(codes, st.sampled_from([" ", "-", "  ", " - "]), st.booleans())
def test_normalize_forgives_any_separator_and_case(code: str, sep: str, lower: bool) -> None:
    typed = sep.join(recovery.groups(code))
    typed = typed.lower() if lower else typed
    assert recovery.normalize(typed) == code


def test_parse_gives_the_canonical_code() -> None:
    code = recovery.generate()
    assert recovery.parse(recovery.display(code).lower()) == code
    assert recovery.parse(" ".join(recovery.groups(code))) == code


@pytest.mark.parametrize("typed", ["", "hello", "ABCD-EFGH", "U" * 28, "0" * 29])
def test_parse_refuses_what_cannot_be_a_code(typed: str) -> None:
    with pytest.raises(MalformedRecoveryCode) as caught:
        recovery.parse(typed)
    assert caught.value.message == (
        "A recovery code has 28 letters and digits, in seven groups of four. "
        "Please check it and try again."
    )
    assert caught.value.exit_code == 2
