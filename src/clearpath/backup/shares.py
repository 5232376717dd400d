"""Recovery shares: the recovery code split into n pieces, any k of which rebuild it.

Shamir's secret sharing over GF(2^8) (the AES field, polynomial x^8 + x^4 + x^3 + x + 1),
byte by byte: for each byte of the secret, a random polynomial of degree k - 1 whose constant
term is that byte; share x holds the polynomial's value at x (1..n). Any k shares give the
polynomial back by Lagrange interpolation at 0; k - 1 shares fit every possible secret
equally well, so they tell nothing about it.

The secret is the recovery code's 140 bits in 18 bytes, plus 2 bytes of its SHA-256, so a
wrong mix of shares is noticed instead of producing a wrong code. Each share is written in the
recovery code's alphabet (Crockford's base32) and carries the version, k, its number, a set
number shared by the shares of one split, and a 2-byte check against typing slips.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from clearpath.vault import recovery

VERSION = 1
MIN_SHARES = 2
MAX_SHARES = 10
CODE_BYTES = 18  # 140 bits of recovery code, 4 bits of zero padding
_CHECK = 2

# Exponent and logarithm tables of GF(256) for the generator 3.
_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _power in range(255):
    _EXP[_power] = _value
    _LOG[_value] = _power
    _value ^= (_value << 1) ^ (0x11B if _value & 0x80 else 0)
    _value &= 0xFF
for _power in range(255, 512):
    _EXP[_power] = _EXP[_power - 255]


def gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def gf_div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("division by zero in GF(256)")
    if a == 0:
        return 0
    return _EXP[(_LOG[a] - _LOG[b]) % 255]


class SharesError(ValueError):
    """Shares that cannot be used; the message says why, calmly."""


def split_bytes(secret: bytes, k: int, n: int) -> list[tuple[int, bytes]]:
    """``n`` shares (x, bytes) of ``secret``; any ``k`` rebuild it."""
    if not MIN_SHARES <= k <= n <= MAX_SHARES:
        raise SharesError(
            f"Choose between {MIN_SHARES} and {MAX_SHARES} shares, and how many are needed "
            "(at least 2, at most the number of shares)."
        )
    coefficients = [secrets.token_bytes(len(secret)) for _ in range(k - 1)]
    shares = []
    for x in range(1, n + 1):
        out = bytearray()
        for i, byte in enumerate(secret):
            # Horner's rule from the highest coefficient down to the secret byte.
            y = 0
            for coefficient in reversed(coefficients):
                y = gf_mul(y, x) ^ coefficient[i]
            out.append(gf_mul(y, x) ^ byte)
        shares.append((x, bytes(out)))
    return shares


def combine_bytes(shares: list[tuple[int, bytes]]) -> bytes:
    """The secret at x = 0 from shares (x, bytes), by Lagrange interpolation."""
    xs = [x for x, _ in shares]
    if len(set(xs)) != len(xs) or any(not 0 < x < 256 for x in xs):
        raise SharesError("The same share was given twice. Please give different shares.")
    size = len(shares[0][1])
    if any(len(data) != size for _, data in shares):
        raise SharesError("These shares do not belong together.")
    secret = bytearray(size)
    for j, (xj, data) in enumerate(shares):
        # Lagrange basis at 0: prod over m != j of x_m / (x_m - x_j); minus is xor here.
        basis = 1
        for m, xm in enumerate(xs):
            if m != j:
                basis = gf_mul(basis, gf_div(xm, xm ^ xj))
        for i in range(size):
            secret[i] ^= gf_mul(data[i], basis)
    return bytes(secret)


# -- the recovery code in and out ---------------------------------------------------------


def _code_to_bytes(code: str) -> bytes:
    number = 0
    for ch in code:
        number = number * 32 + recovery.ALPHABET.index(ch)
    return number.to_bytes(CODE_BYTES, "big")


def _bytes_to_code(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    if number >> (5 * recovery.LENGTH):
        raise SharesError("These shares do not belong together.")
    symbols = []
    for _ in range(recovery.LENGTH):
        symbols.append(recovery.ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(symbols))


def _encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    length = (len(data) * 8 + 4) // 5
    return "".join(recovery.ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(length)))


def _decode(text: str, size: int) -> bytes:
    number = 0
    for ch in text:
        number = number * 32 + recovery.ALPHABET.index(ch)
    if number >> (8 * size):
        raise ValueError("too long")
    return number.to_bytes(size, "big")


_SHARE_BYTES = 5 + CODE_BYTES + _CHECK + 2  # version, k, x, set (2), body, check
SHARE_LENGTH = (_SHARE_BYTES * 8 + 4) // 5


@dataclass(frozen=True)
class Share:
    """One printed share: which set it belongs to, its number, and how many are needed."""

    k: int
    x: int
    set_id: int
    text: str

    def display(self) -> str:
        return "-".join(recovery.groups(self.text))


def split_code(code: str, k: int, n: int) -> list[Share]:
    """Split a recovery code (typed loosely; MalformedRecoveryCode if it is not one)."""
    canonical = recovery.parse(code)
    raw = _code_to_bytes(canonical)
    secret = raw + hashlib.sha256(raw).digest()[:_CHECK]
    set_id = secrets.randbelow(1 << 16)
    shares = []
    for x, body in split_bytes(secret, k, n):
        head = bytes([VERSION, k, x]) + set_id.to_bytes(2, "big") + body
        text = _encode(head + hashlib.sha256(head).digest()[:2])
        shares.append(Share(k, x, set_id, text))
    return shares


def parse_share(typed: str) -> Share:
    """A share as typed (case, spaces, dashes and look-alikes forgiven)."""
    text = recovery.normalize(typed)
    if len(text) != SHARE_LENGTH or any(ch not in recovery.ALPHABET for ch in text):
        raise SharesError(f"A share has {SHARE_LENGTH} letters and numbers. Please check this one.")
    try:
        data = _decode(text, _SHARE_BYTES)
    except ValueError:
        raise SharesError("This share has a typing slip. Please check it.") from None
    head, check = data[:-2], data[-2:]
    if hashlib.sha256(head).digest()[:2] != check:
        raise SharesError("This share has a typing slip. Please check it letter by letter.")
    if head[0] != VERSION:
        raise SharesError("This share was made by a newer Clearpath.")
    return Share(k=head[1], x=head[2], set_id=int.from_bytes(head[3:5], "big"), text=text)


def combine_code(typed: list[str]) -> str:
    """The recovery code rebuilt from shares; SharesError says what is missing or wrong."""
    shares = [parse_share(t) for t in typed if t.strip()]
    if not shares:
        raise SharesError("Please type in at least two shares.")
    k = shares[0].k
    if any(s.k != k or s.set_id != shares[0].set_id for s in shares):
        raise SharesError("These shares come from different splits. Use shares from one set.")
    distinct = list({s.x: s for s in shares}.values())
    if len(distinct) < k:
        raise SharesError(f"This set needs {k} different shares. You gave fewer.")
    pairs = [(s.x, _decode(s.text, _SHARE_BYTES)[5:-2]) for s in distinct[:k]]
    secret = combine_bytes(pairs)
    raw, check = secret[:CODE_BYTES], secret[CODE_BYTES:]
    if hashlib.sha256(raw).digest()[:_CHECK] != check:
        raise SharesError("These shares do not belong together.")
    return _bytes_to_code(raw)
