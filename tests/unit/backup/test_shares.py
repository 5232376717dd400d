"""Recovery shares: any k rebuild the code, fewer tell nothing, and shares look random."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearpath.backup import shares
from clearpath.vault import recovery

codes = st.text(alphabet=recovery.ALPHABET, min_size=recovery.LENGTH, max_size=recovery.LENGTH)


@st.composite
def k_of_n(draw: st.DrawFn) -> tuple[int, int]:
    n = draw(st.integers(shares.MIN_SHARES, shares.MAX_SHARES))
    return draw(st.integers(shares.MIN_SHARES, n)), n


@settings(max_examples=60)
@given(code=codes, kn=k_of_n(), data=st.data())
def test_any_k_shares_rebuild_the_code(code: str, kn: tuple[int, int], data: st.DataObject) -> None:
    k, n = kn
    made = shares.split_code(code, k, n)
    assert len(made) == n
    chosen = data.draw(st.permutations(made))[: data.draw(st.integers(k, n))]
    assert shares.combine_code([s.display() for s in chosen]) == code


@settings(max_examples=40)
@given(code=codes, kn=k_of_n())
def test_every_k_subset_rebuilds(code: str, kn: tuple[int, int]) -> None:
    k, n = kn
    made = shares.split_code(code, k, n)
    for subset in itertools.islice(itertools.combinations(made, k), 20):
        assert shares.combine_code([s.text for s in subset]) == code


@settings(max_examples=60)
@given(code=codes, kn=k_of_n())
def test_fewer_than_k_shares_are_refused(code: str, kn: tuple[int, int]) -> None:
    k, n = kn
    made = shares.split_code(code, k, n)
    with pytest.raises(shares.SharesError, match=f"needs {k}"):
        shares.combine_code([s.text for s in made[: k - 1]])


@settings(max_examples=60)
@given(
    secret=st.binary(min_size=1, max_size=24),
    other=st.binary(min_size=24, max_size=24),
    kn=k_of_n(),
)
def test_fewer_than_k_shares_fit_every_secret(
    secret: bytes, other: bytes, kn: tuple[int, int]
) -> None:
    """k - 1 shares say nothing: for any other secret there is a k-th share that, with
    them, gives that secret. So each secret is equally consistent with what they hold."""
    k, n = kn
    other = other[: len(secret)]
    held = shares.split_bytes(secret, k, n)[: k - 1]
    # The polynomial through (0, other) and the held points gives a share at x = n + 1 ...
    fake_x = 200
    points = [(0, other), *held]
    fake = bytearray(len(secret))
    for j, (xj, data) in enumerate(points):
        basis = 1
        for m, (xm, _) in enumerate(points):
            if m != j:
                basis = shares.gf_mul(basis, shares.gf_div(fake_x ^ xm, xj ^ xm))
        for i in range(len(secret)):
            fake[i] ^= shares.gf_mul(data[i], basis)
    # ... and with it the held shares rebuild the other secret.
    assert shares.combine_bytes([*held, (fake_x, bytes(fake))]) == other


def test_shares_look_uniformly_random() -> None:
    """Shares of the same all-zero secret: every byte value turns up about equally often."""
    counts: Counter[int] = Counter()
    for _ in range(400):
        for _, data in shares.split_bytes(bytes(20), 3, 5):
            counts.update(data)
    total = 400 * 5 * 20
    expected = total / 256
    assert len(counts) == 256
    # Far outside what chance allows (over 8 standard deviations) only if something is wrong.
    assert all(abs(c - expected) < 8 * expected**0.5 for c in counts.values())


def test_field_arithmetic() -> None:
    for a in range(1, 256):
        assert shares.gf_mul(a, shares.gf_div(1, a)) == 1
    assert shares.gf_mul(0x53, 0xCA) == 1  # the AES field's textbook inverse pair


def test_typing_slips_and_mixed_sets_are_named() -> None:
    code = recovery.generate()
    first = shares.split_code(code, 2, 3)
    second = shares.split_code(code, 2, 3)
    slip = first[0].text[:-1] + ("0" if first[0].text[-1] != "0" else "1")
    with pytest.raises(shares.SharesError, match="typing slip"):
        shares.combine_code([slip, first[1].text])
    with pytest.raises(shares.SharesError, match="different splits"):
        shares.combine_code([first[0].text, second[1].text])
    with pytest.raises(shares.SharesError, match="letters and numbers"):
        shares.combine_code(["ABC", first[1].text])
    with pytest.raises(shares.SharesError):
        shares.split_code(code, 4, 3)
    # Loose typing is forgiven, like the recovery code.
    assert shares.combine_code([first[0].display().lower(), " " + first[2].text]) == code
