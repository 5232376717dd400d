"""RFC 6962 / RFC 9162 Merkle tree hashing, inclusion and consistency proofs.

Pure functions over SHA-256, with no storage and no state:

- ``leaf_hash(data)`` is SHA-256(0x00 || data)
- ``node_hash(left, right)`` is SHA-256(0x01 || left || right)
- ``root(leaf_hashes)`` is the Merkle Tree Hash (MTH) of a list of leaf hashes; the empty
  tree's hash is SHA-256 of the empty string.

Proofs are generated as in RFC 6962 section 2.1 (PATH and PROOF) and verified with the
algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2. The standalone bundle verifier
(``verify_bundle.py``) carries its own copy of the hashing so that it needs nothing but the
Python standard library; both are tested against each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "ProofError",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "root",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof was asked for something outside the tree (index or size out of range)."""


def leaf_hash(data: bytes) -> bytes:
    """Hash one leaf's data: SHA-256(0x00 || data)."""
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Hash two child hashes into their parent: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two strictly smaller than ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """The Merkle Tree Hash of the given leaf hashes (RFC 6962 section 2.1).

    Computed bottom-up in linear time and logarithmic memory: a stack of perfect subtree
    roots, merged as in a binary counter, then folded right to left.
    """
    if not leaf_hashes:
        return EMPTY_ROOT
    stack: list[tuple[int, bytes]] = []  # (height, hash) of perfect subtrees
    for leaf in leaf_hashes:
        height, value = 0, leaf
        while stack and stack[-1][0] == height:
            _, left = stack.pop()
            value = node_hash(left, value)
            height += 1
        stack.append((height, value))
    value = stack[-1][1]
    for _, left in reversed(stack[:-1]):
        value = node_hash(left, value)
    return value


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """The audit path for leaf ``index`` in the tree of ``leaf_hashes`` (RFC 6962 PATH)."""
    if not 0 <= index < len(leaf_hashes):
        raise ProofError(f"leaf {index} is outside a tree of {len(leaf_hashes)} leaves")
    return _path(index, leaf_hashes)


def _path(m: int, leaves: Sequence[bytes]) -> list[bytes]:
    n = len(leaves)
    if n == 1:
        return []
    k = _split(n)
    if m < k:
        return [*_path(m, leaves[:k]), root(leaves[k:])]
    return [*_path(m - k, leaves[k:]), root(leaves[:k])]


def verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], expected_root: bytes
) -> bool:
    """True when ``proof`` shows ``leaf`` at ``index`` in a tree of ``size`` with that root.

    RFC 9162 section 2.1.3.2. Never raises for a bad proof; it simply answers False.
    """
    if not 0 <= index < size:
        return False
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if len(p) != HASH_SIZE or sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == expected_root


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int) -> list[bytes]:
    """The proof that the first ``old_size`` leaves are a prefix of the whole tree.

    RFC 6962 PROOF(m, D[n]). An empty proof for ``old_size`` 0 or ``old_size == n``.
    """
    n = len(leaf_hashes)
    if not 0 <= old_size <= n:
        raise ProofError(f"an older size of {old_size} does not fit a tree of {n} leaves")
    if old_size in (0, n):
        return []
    return _subproof(old_size, leaf_hashes, True)


def _subproof(m: int, leaves: Sequence[bytes], complete: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if complete else [root(leaves)]
    k = _split(n)
    if m <= k:
        return [*_subproof(m, leaves[:k], complete), root(leaves[k:])]
    return [*_subproof(m - k, leaves[k:], False), root(leaves[:k])]


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """True when ``proof`` shows the tree of ``old_size`` is a prefix of ``new_size``.

    RFC 9162 section 2.1.4.2. The empty tree is consistent with every tree (empty proof).
    Never raises for a bad proof; it answers False.
    """
    if not 0 <= old_size <= new_size:
        return False
    if any(len(p) != HASH_SIZE for p in proof):
        return False
    if old_size == 0:
        return not proof
    if old_size == new_size:
        return not proof and old_root == new_root
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is the first node
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root
