"""Quick exit: lock, drop every session, clear the browser's copy, leave for a neutral site."""

from __future__ import annotations

import pytest
from httpx2 import Response
from web_harness import ORIGIN, Web, browser, is_neutral, launch_token

DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
NOTE = "appointment with the advocate on Tuesday"


@pytest.fixture
def with_note(home: Web) -> Web:
    assert home.post("/note", {"note": NOTE}).status_code == 303
    return home


def _prefs(web: Web, *, exit_url: str = DEFAULT_EXIT_URL, stop: bool = True) -> None:
    form = {"page_title": "Notes", "exit_url": exit_url, "idle_minutes": "10"}
    if stop:
        form["stop_server_on_exit"] = "on"
    assert web.post("/settings/preferences", form).status_code == 303


def _clear_site_data(response: Response) -> set[str]:
    return {part.strip() for part in response.headers["clear-site-data"].split(",")}


def _assert_everything_dropped(web: Web, old_session: str) -> None:
    assert not web.vault.unlocked
    assert len(web.ctx.sessions) == 0
    assert is_neutral(browser(web.app, old_session).get("/home"))
    assert is_neutral(web.get("/"))


def _cookie_deleted(response: Response) -> bool:
    cookies = [v.lower() for k, v in response.headers.multi_items() if k.lower() == "set-cookie"]
    return any(
        c.startswith("session_8765=") and ("max-age=0" in c or "expires=thu, 01 jan 1970" in c)
        for c in cookies
    )


def test_get_exit_leaves_for_the_default_site(with_note: Web) -> None:
    session = with_note.session_id
    response = with_note.get("/exit")
    assert response.status_code == 303
    assert response.headers["location"] == DEFAULT_EXIT_URL
    assert _clear_site_data(response) == {'"cookies"', '"storage"'}
    assert _cookie_deleted(response)
    assert NOTE not in response.text
    _assert_everything_dropped(with_note, session)


def test_post_exit_answers_204_with_the_same_effects(with_note: Web) -> None:
    session = with_note.session_id
    response = with_note.client.post("/exit", content=b"", headers={"content-type": "text/plain"})
    assert response.status_code == 204
    assert response.content == b""
    assert _clear_site_data(response) == {'"cookies"', '"storage"'}
    _assert_everything_dropped(with_note, session)


def test_exit_goes_to_the_address_from_settings(home: Web) -> None:
    _prefs(home, exit_url="https://example.org/forecast?city=leeds")
    response = home.get("/exit")
    assert response.headers["location"] == "https://example.org/forecast?city=leeds"
    assert 'data-exit-url="https://example.org/forecast?city=leeds"' in browser(home.app).get(
        "/"
    ).text


def test_exit_needs_no_session_and_no_token(with_note: Web) -> None:
    session = with_note.session_id
    stranger = browser(with_note.app)
    response = stranger.get("/exit")
    assert response.status_code == 303
    assert response.headers["location"] == DEFAULT_EXIT_URL
    assert "clear-site-data" in response.headers
    _assert_everything_dropped(with_note, session)


def test_a_beacon_from_our_page_is_accepted(with_note: Web) -> None:
    # navigator.sendBeacon from our page: Origin may be "null" (no-referrer), fetch is same-origin.
    response = browser(with_note.app).post(
        "/exit",
        content=b"",
        headers={"content-type": "text/plain", "origin": "null", "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 204
    assert not with_note.vault.unlocked


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_another_site_cannot_trigger_exit(with_note: Web, method: str) -> None:
    response = with_note.client.request(method, "/exit", headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert "clear-site-data" not in response.headers
    assert with_note.vault.unlocked
    assert len(with_note.ctx.sessions) == 1


def test_exit_while_locked_still_clears_everything(locked: Web) -> None:
    session = locked.session_id
    response = locked.get("/exit")
    assert response.status_code == 303
    _assert_everything_dropped(locked, session)


def test_exit_drops_every_browser(with_note: Web) -> None:
    other = browser(with_note.app)
    other.get(f"/launch?token={with_note.app.state.launch.issue()}")
    with_note.get("/exit")
    assert is_neutral(other.get("/home"))


def test_exit_stops_the_server_by_default(with_note: Web) -> None:
    with_note.get("/exit")
    assert with_note.shutdowns.calls == [()]
    assert with_note.announced.calls == []


def test_post_exit_stops_the_server_too(with_note: Web) -> None:
    browser(with_note.app).post("/exit")
    assert with_note.shutdowns.calls == [()]


def test_exit_without_stopping_announces_a_new_launch_address(with_note: Web) -> None:
    _prefs(with_note, stop=False)
    assert with_note.ctx.preferences().stop_server_on_exit is False
    with_note.get("/exit")
    assert with_note.shutdowns.calls == []
    assert len(with_note.announced.calls) == 1
    (url,) = with_note.announced.calls[0]
    assert isinstance(url, str)
    token = launch_token(url)
    # The new address works once and leads to the unlock page, not to the notes.
    back = browser(with_note.app)
    assert back.get(url.removeprefix(ORIGIN)).status_code == 303
    assert back.get("/").headers["location"] == "/unlock"
    assert NOTE not in back.get("/unlock").text
    assert is_neutral(browser(with_note.app).get(f"/launch?token={token}"))


def test_each_exit_announces_a_different_address(home: Web) -> None:
    _prefs(home, stop=False)
    home.get("/exit")
    browser(home.app).post("/exit")
    urls = [call[0] for call in home.announced.calls]
    assert len(urls) == 2
    assert urls[0] != urls[1]


def test_exit_stop_setting_survives_a_locked_vault(home: Web) -> None:
    _prefs(home, stop=False)
    home.lock()
    home.get("/exit")
    assert home.shutdowns.calls == []
    assert len(home.announced.calls) == 1


def test_every_page_links_to_exit_without_javascript(home: Web) -> None:
    for path in ("/home", "/settings", "/help/staying-safe"):
        assert 'id="quick-exit" href="/exit"' in home.get(path).text
    stranger_page = browser(home.app).get("/home").text
    assert 'id="quick-exit" href="/exit"' in stranger_page


def test_exit_cancels_launch_addresses_not_yet_used(home: Web) -> None:
    unused = home.app.state.launch.issue()
    home.get("/exit")
    response = browser(home.app).get(f"/launch?token={unused}", follow_redirects=False)
    assert "set-cookie" not in response.headers
    assert is_neutral(response)
