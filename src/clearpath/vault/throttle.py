"""How long the next unlock attempt must wait after wrong secrets in a row.

The first five wrong tries cost nothing; from then on each try waits twice as long as the
one before (10 s, 20 s, 40 s ...), never more than five minutes. Nothing is ever wiped.
"""

from __future__ import annotations

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 10
MAX_WAIT_SECONDS = 300
# Doublings after which the wait has reached the cap (10 s << 5 = 320 s > 300 s). Capping the
# shift there keeps a huge failure count from building an ever larger integer.
MAX_DOUBLINGS = (MAX_WAIT_SECONDS // FIRST_WAIT_SECONDS).bit_length()


def required_wait(failures: int) -> int:
    """Seconds that must pass after the last failure before another try is allowed."""
    if failures < FREE_TRIES:
        return 0
    exponent = min(failures - FREE_TRIES, MAX_DOUBLINGS)
    return min(FIRST_WAIT_SECONDS << exponent, MAX_WAIT_SECONDS)


def seconds_left(failures: int, last_at: float, now: float) -> int:
    """Seconds still to wait; a clock that went backwards never shortens or lengthens it."""
    wait = required_wait(failures)
    if wait == 0:
        return 0
    elapsed = now - last_at
    if elapsed < 0:
        return wait
    remaining = wait - elapsed
    return 0 if remaining <= 0 else int(remaining + 0.999)
