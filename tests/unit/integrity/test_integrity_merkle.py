"""RFC 6962 Merkle hashing: the published reference vectors and hypothesis properties."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearpath.integrity import merkle

# The Certificate Transparency reference data (RFC 6962 test vectors, as used by the
# certificate-transparency and transparency-dev/merkle projects): eight leaves and the tree
# head for every size 1..8.
DATA = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
LEAVES = [merkle.leaf_hash(d) for d in DATA]

INCLUSION = [
    (
        0,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
]
CONSISTENCY = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        2,
        8,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]


def test_empty_tree_is_the_hash_of_nothing() -> None:
    assert merkle.root([]) == hashlib.sha256(b"").digest()


def test_prefixes_keep_leaves_and_nodes_apart() -> None:
    assert merkle.leaf_hash(b"x") == hashlib.sha256(b"\x00x").digest()
    a, b = merkle.leaf_hash(b"a"), merkle.leaf_hash(b"b")
    assert merkle.node_hash(a, b) == hashlib.sha256(b"\x01" + a + b).digest()
    assert merkle.node_hash(a, b) != merkle.node_hash(b, a)


@pytest.mark.parametrize("size", range(1, 9))
def test_reference_roots(size: int) -> None:
    assert merkle.root(LEAVES[:size]).hex() == ROOTS[size - 1]


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION)
def test_reference_inclusion_proofs(index: int, size: int, proof: list[str]) -> None:
    got = merkle.inclusion_proof(LEAVES[:size], index)
    assert [p.hex() for p in got] == proof
    root = bytes.fromhex(ROOTS[size - 1])
    assert merkle.verify_inclusion(LEAVES[index], index, size, got, root)


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY)
def test_reference_consistency_proofs(old: int, new: int, proof: list[str]) -> None:
    got = merkle.consistency_proof(LEAVES[:new], old)
    assert [p.hex() for p in got] == proof
    old_root, new_root = bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1])
    assert merkle.verify_consistency(old, new, old_root, new_root, got)


def test_proofs_outside_the_tree_are_refused_calmly() -> None:
    with pytest.raises(merkle.ProofError):
        merkle.inclusion_proof(LEAVES, 8)
    with pytest.raises(merkle.ProofError):
        merkle.inclusion_proof([], 0)
    with pytest.raises(merkle.ProofError):
        merkle.consistency_proof(LEAVES[:3], 4)
    root8 = bytes.fromhex(ROOTS[7])
    assert not merkle.verify_inclusion(LEAVES[0], 8, 8, [], root8)
    assert not merkle.verify_inclusion(LEAVES[0], -1, 8, [], root8)
    assert not merkle.verify_consistency(8, 6, root8, root8, [])
    assert not merkle.verify_consistency(6, 8, root8, root8, [])
    assert not merkle.verify_consistency(6, 8, root8, root8, [b"short"])


def _leaves(n: int, salt: int) -> list[bytes]:
    return [merkle.leaf_hash(f"{salt}:{i}".encode()) for i in range(n)]


def _naive_root(leaves: list[bytes]) -> bytes:
    """The recursive definition straight from RFC 6962, to check the fast one against."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return merkle.node_hash(_naive_root(leaves[:k]), _naive_root(leaves[k:]))


trees = st.integers(min_value=1, max_value=300).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(min_value=0, max_value=10_000))
)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=99))
def test_root_matches_the_recursive_definition(n: int, salt: int) -> None:
    leaves = _leaves(n, salt)
    assert merkle.root(leaves) == _naive_root(leaves)


@settings(max_examples=200, deadline=None)
@given(trees, st.data())
def test_every_inclusion_proof_verifies(tree: tuple[int, int], data: st.DataObject) -> None:
    n, salt = tree
    leaves = _leaves(n, salt)
    root = merkle.root(leaves)
    index = data.draw(st.integers(min_value=0, max_value=n - 1))
    proof = merkle.inclusion_proof(leaves, index)
    assert merkle.verify_inclusion(leaves[index], index, n, proof, root)
    # Anything else is refused: another leaf, another index, another size, a changed path.
    assert not merkle.verify_inclusion(merkle.leaf_hash(b"other"), index, n, proof, root)
    if n > 1:
        other = (index + 1) % n
        if leaves[other] != leaves[index]:
            assert not merkle.verify_inclusion(leaves[other], index, n, proof, root)
        assert not merkle.verify_inclusion(leaves[index], other, n, proof, root)
    if proof:
        spot = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bent = list(proof)
        bent[spot] = bytes([bent[spot][0] ^ 1]) + bent[spot][1:]
        assert not merkle.verify_inclusion(leaves[index], index, n, bent, root)
        assert not merkle.verify_inclusion(leaves[index], index, n, proof[:-1], root)
    assert not merkle.verify_inclusion(leaves[index], index, n, [*proof, root], root)


@settings(max_examples=200, deadline=None)
@given(trees, st.data())
def test_every_consistency_proof_verifies(tree: tuple[int, int], data: st.DataObject) -> None:
    n, salt = tree
    leaves = _leaves(n, salt)
    old = data.draw(st.integers(min_value=0, max_value=n))
    proof = merkle.consistency_proof(leaves, old)
    old_root, new_root = merkle.root(leaves[:old]), merkle.root(leaves)
    assert merkle.verify_consistency(old, n, old_root, new_root, proof)
    if 0 < old < n:
        # A history that was rewritten (one old leaf changed) is not consistent.
        rewritten = list(leaves)
        rewritten[data.draw(st.integers(min_value=0, max_value=old - 1))] = merkle.leaf_hash(b"x")
        fake_old = merkle.root(rewritten[:old])
        assert not merkle.verify_consistency(old, n, fake_old, new_root, proof)
        spot = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bent = list(proof)
        bent[spot] = bytes([bent[spot][0] ^ 1]) + bent[spot][1:]
        assert not merkle.verify_consistency(old, n, old_root, new_root, bent)
        assert not merkle.verify_consistency(old, n, old_root, new_root, proof[:-1])
        assert not merkle.verify_consistency(old, n, old_root, new_root, [*proof, new_root])
        assert not merkle.verify_consistency(old, n, old_root, new_root, [])
