"""The launch address: single use, five minutes, and the session cookie it sets.

Without that cookie every page answers the same neutral page and nothing else.
"""

from __future__ import annotations

import pytest
from httpx2 import Response
from web_harness import (
    COOKIE,
    NEUTRAL_HEADING,
    ORIGIN,
    PASSPHRASE,
    ManualClock,
    Web,
    browser,
    is_neutral,
)

from clearpath.web.state import LAUNCH_TOKEN_SECONDS, LaunchTokens

SESSIONLESS_ROUTES = [
    ("GET", "/"),
    ("GET", "/home"),
    ("GET", "/settings"),
    ("GET", "/create"),
    ("GET", "/unlock"),
    ("GET", "/recover"),
    ("GET", "/recovery-code"),
    ("GET", "/help/staying-safe"),
    ("POST", "/note"),
    ("POST", "/create"),
    ("POST", "/unlock"),
    ("POST", "/recover"),
    ("POST", "/lock"),
    ("POST", "/strength"),
    ("POST", "/heartbeat"),
    ("POST", "/settings/preferences"),
    ("POST", "/settings/passphrase"),
    ("POST", "/settings/recovery-code"),
]
REVEALING_WORDS = ("vault", "passphrase", "recovery", "clearpath", "unlock", "note to yourself")


def _set_cookie_headers(response: Response) -> list[str]:
    return [v for k, v in response.headers.multi_items() if k.lower() == "set-cookie"]


def _fake_launch_clock(web: Web) -> tuple[ManualClock, LaunchTokens]:
    clock = ManualClock(500.0)
    tokens = LaunchTokens(clock=clock)
    web.ctx.launch = tokens
    web.app.state.launch = tokens
    return clock, tokens


def test_launch_sets_a_session_cookie_and_goes_to_the_front_door(web: Web) -> None:
    fresh = browser(web.app)
    response = fresh.get(f"/launch?token={web.app.state.launch.issue()}")
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert fresh.cookies.get(COOKIE)
    # The front door sends a new person to create the vault.
    front = fresh.get("/")
    assert front.status_code == 303
    assert front.headers["location"] == "/create"


def test_session_cookie_attributes(web: Web) -> None:
    response = browser(web.app).get(f"/launch?token={web.app.state.launch.issue()}")
    (cookie,) = _set_cookie_headers(response)
    parts = [p.strip().lower() for p in cookie.split(";")]
    # Named after the port: cookies are shared by every port of 127.0.0.1.
    assert parts[0].startswith("session_8765=")
    assert "httponly" in parts
    assert "samesite=strict" in parts
    assert "path=/" in parts
    assert not any(p.startswith(("expires", "max-age", "domain")) for p in parts)


def test_launch_token_is_single_use(web: Web) -> None:
    token = web.app.state.launch.issue()
    first = browser(web.app)
    assert first.get(f"/launch?token={token}").status_code == 303
    second = browser(web.app)
    again = second.get(f"/launch?token={token}")
    assert is_neutral(again)
    assert not _set_cookie_headers(again)
    assert not second.cookies.get(COOKIE)
    assert is_neutral(second.get("/"))


@pytest.mark.parametrize("query", ["?token=not-a-token", "?token=", "", "?other=1"])
def test_bad_or_missing_token_gets_the_neutral_page(web: Web, query: str) -> None:
    response = browser(web.app).get(f"/launch{query}")
    assert is_neutral(response)
    assert not _set_cookie_headers(response)


def test_launch_token_works_until_five_minutes(web: Web) -> None:
    clock, tokens = _fake_launch_clock(web)
    token = tokens.issue()
    clock.advance(LAUNCH_TOKEN_SECONDS - 1)
    assert browser(web.app).get(f"/launch?token={token}").status_code == 303


def test_launch_token_expires_after_five_minutes(web: Web) -> None:
    clock, tokens = _fake_launch_clock(web)
    token = tokens.issue()
    clock.advance(LAUNCH_TOKEN_SECONDS + 1)
    response = browser(web.app).get(f"/launch?token={token}")
    assert is_neutral(response)
    assert not _set_cookie_headers(response)


def test_launch_url_carries_a_fresh_token(web: Web) -> None:
    url = web.ctx.launch_url()
    assert url.startswith(f"{ORIGIN}/launch?token=")
    assert browser(web.app).get(url.removeprefix(ORIGIN)).status_code == 303


def test_launch_only_answers_get(web: Web) -> None:
    token = web.app.state.launch.issue()
    client = browser(web.app)
    response = client.post(f"/launch?token={token}")
    # Without a session, even "method not allowed" is the neutral page.
    assert response.status_code == 403
    assert is_neutral(response)
    assert not _set_cookie_headers(response)
    assert web.app.state.launch.consume(token), "a refused POST must not use up the token"


@pytest.mark.parametrize(("method", "path"), SESSIONLESS_ROUTES)
def test_without_the_cookie_every_route_is_neutral(home: Web, method: str, path: str) -> None:
    stranger = browser(home.app)
    response = stranger.request(method, path, data={"csrf_token": home.token(), "note": "x"})
    assert is_neutral(response)
    body = response.text.lower()
    for word in REVEALING_WORDS:
        assert word not in body, f"{word!r} on the neutral page of {method} {path}"
    assert home.note() == ""
    assert home.vault.unlocked


@pytest.mark.parametrize("cookie", ["forged", "", "x" * 43])
def test_a_made_up_cookie_is_no_cookie(home: Web, cookie: str) -> None:
    assert is_neutral(browser(home.app, cookie).get("/home"))


def test_neutral_page_is_the_same_before_a_vault_exists(web: Web) -> None:
    response = browser(web.app).get("/create")
    assert is_neutral(response)
    assert NEUTRAL_HEADING in response.text


def test_neutral_page_does_not_reveal_whether_the_vault_is_open(home: Web) -> None:
    stranger = browser(home.app)
    while_open = stranger.get("/home").text
    home.lock()
    while_locked = stranger.get("/home").text
    assert while_open == while_locked


def test_session_id_rotates_after_create(web: Web) -> None:
    before = web.session_id
    web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    after = web.session_id
    assert after
    assert after != before
    assert is_neutral(browser(web.app, before).get("/recovery-code"))
    assert browser(web.app, after).get("/recovery-code").status_code == 200


def test_session_id_rotates_after_unlock(locked: Web) -> None:
    before, old_token = locked.session_id, locked.token()
    assert locked.unlock().status_code == 303
    after = locked.session_id
    assert after != before
    assert locked.token() != old_token
    assert is_neutral(browser(locked.app, before).get("/home"))
    assert browser(locked.app, after).get("/home").status_code == 200


def test_a_second_launch_makes_an_independent_session(home: Web) -> None:
    other = browser(home.app)
    other.get(f"/launch?token={home.app.state.launch.issue()}")
    assert other.cookies.get(COOKIE) != home.session_id
    # Both browsers work; neither learns the other's CSRF token.
    assert other.get("/home").status_code == 200
    assert home.get("/home").status_code == 200


def test_the_cookie_is_named_after_the_port(web: Web) -> None:
    assert web.ctx.cookie_name == COOKIE == f"session_{web.ctx.port}"
