"""The unlock throttle: free tries, then growing waits, capped, never negative."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clearpath.vault import throttle

failures = st.integers(min_value=0, max_value=10**9)
times = st.floats(min_value=0, max_value=4e9, allow_nan=False, allow_infinity=False)


def test_known_waits() -> None:
    waits = [throttle.required_wait(n) for n in range(4, 12)]
    assert waits == [0, 10, 20, 40, 80, 160, 300, 300]


@given(failures, failures)
def test_wait_never_shrinks_as_failures_grow(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert throttle.required_wait(low) <= throttle.required_wait(high)


@given(failures)
def test_wait_is_free_then_bounded(count: int) -> None:
    wait = throttle.required_wait(count)
    assert 0 <= wait <= throttle.MAX_WAIT_SECONDS == 300
    if count < throttle.FREE_TRIES:
        assert wait == 0
    else:
        assert wait > 0


@given(failures, times, times)
def test_seconds_left_is_within_the_wait(count: int, last_at: float, now: float) -> None:
    left = throttle.seconds_left(count, last_at, now)
    assert 0 <= left <= throttle.required_wait(count)


@given(failures, times, st.floats(min_value=1e-6, max_value=1e9))
def test_clock_going_backwards_still_waits_in_full(count: int, last_at: float, back: float) -> None:
    assert throttle.seconds_left(count, last_at, last_at - back) == throttle.required_wait(count)


elapsed = st.floats(min_value=0, max_value=400)


@given(failures, times, elapsed, elapsed)
def test_seconds_left_only_goes_down_as_time_passes(
    count: int, last_at: float, a: float, b: float
) -> None:
    early, late = sorted((a, b))
    assert throttle.seconds_left(count, last_at, last_at + late) <= throttle.seconds_left(
        count, last_at, last_at + early
    )


def test_wait_ends() -> None:
    assert throttle.seconds_left(5, 1000.0, 1000.0) == 10
    assert throttle.seconds_left(5, 1000.0, 1009.5) == 1
    assert throttle.seconds_left(5, 1000.0, 1010.0) == 0


def test_the_doublings_stop_where_the_cap_is_reached() -> None:
    # MAX_DOUBLINGS replaces a bare 16: enough doublings to reach the cap, and no more.
    assert throttle.FIRST_WAIT_SECONDS << throttle.MAX_DOUBLINGS >= throttle.MAX_WAIT_SECONDS
    assert throttle.FIRST_WAIT_SECONDS << (throttle.MAX_DOUBLINGS - 1) < throttle.MAX_WAIT_SECONDS
    assert throttle.required_wait(throttle.FREE_TRIES + throttle.MAX_DOUBLINGS) == 300
    assert throttle.required_wait(10**18) == 300
