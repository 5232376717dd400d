"""Lock now, the idle lock and the heartbeat that keeps an active page open."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_harness import Web, browser, build_web, is_neutral

from clearpath.vault.errors import VaultLocked

NOTE = "the spare key is with Maria"
IDLE_SECONDS = 10 * 60


@pytest.fixture
def with_note(home: Web) -> Web:
    assert home.post("/note", {"note": NOTE}).status_code == 303
    return home


def test_lock_now_locks_and_sends_to_unlock(with_note: Web) -> None:
    response = with_note.post("/lock")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"
    assert not with_note.vault.unlocked
    for path in ("/home", "/settings", "/recovery-code"):
        locked_page = with_note.get(path)
        assert locked_page.status_code == 303
        assert locked_page.headers["location"] == "/unlock"
    unlock_page = with_note.get("/unlock")
    assert NOTE not in unlock_page.text
    assert "Locked. Your notes are safe." in unlock_page.text


def test_after_lock_now_changes_are_refused(with_note: Web) -> None:
    with_note.post("/lock")
    response = with_note.post("/note", {"note": "while locked"})
    assert response.headers["location"] == "/unlock"
    with_note.unlock()
    assert with_note.note() == NOTE


def test_lock_now_keeps_the_session(with_note: Web) -> None:
    with_note.post("/lock")
    assert with_note.get("/unlock").status_code == 200
    assert with_note.unlock().status_code == 303
    assert NOTE in with_note.get("/home").text


def test_lock_now_when_already_locked_is_harmless(locked: Web) -> None:
    response = locked.post("/lock")
    assert response.status_code == 303
    assert not locked.vault.unlocked


def test_lock_now_is_post_only(home: Web) -> None:
    assert home.get("/lock").status_code == 405
    assert home.vault.unlocked


def test_lock_now_locks_for_every_browser(with_note: Web) -> None:
    other = browser(with_note.app)
    other.get(f"/launch?token={with_note.app.state.launch.issue()}")
    assert other.get("/home").status_code == 200
    with_note.post("/lock")
    assert other.get("/home").headers["location"] == "/unlock"


# -- idle lock ----------------------------------------------------------------------------------


def test_a_request_after_the_idle_time_locks_first(with_note: Web) -> None:
    with_note.get("/home")
    with_note.idle.advance(IDLE_SECONDS)
    response = with_note.get("/home")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"
    assert not with_note.vault.unlocked
    assert NOTE not in with_note.get("/unlock").text


def test_just_before_the_idle_time_it_stays_open(with_note: Web) -> None:
    with_note.get("/home")
    with_note.idle.advance(IDLE_SECONDS - 1)
    assert with_note.get("/home").status_code == 200
    assert with_note.vault.unlocked


def test_every_request_restarts_the_idle_time(with_note: Web) -> None:
    for _ in range(5):
        with_note.idle.advance(IDLE_SECONDS - 1)
        assert with_note.get("/home").status_code == 200
    assert with_note.vault.unlocked


def test_an_idle_post_is_not_applied(with_note: Web) -> None:
    with_note.idle.advance(IDLE_SECONDS)
    response = with_note.post("/note", {"note": "typed long ago"})
    assert response.headers["location"] == "/unlock"
    with_note.unlock()
    assert with_note.note() == NOTE


def test_an_idle_lock_says_so_once(with_note: Web) -> None:
    # Without JavaScript a long-typed note is lost to the idle lock: the person is told.
    with_note.idle.advance(IDLE_SECONDS)
    with_note.post("/note", {"note": "typed long ago"})
    page = with_note.get("/unlock").text
    assert "Locked after some quiet minutes" in page
    assert "not kept" in page
    assert "Locked after some quiet minutes" not in with_note.get("/unlock").text


# -- a lock or a quick exit while a request is running ------------------------------------------


def test_a_page_that_finds_the_vault_locked_sends_to_unlock(
    with_note: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked_meanwhile() -> None:
        raise VaultLocked()

    monkeypatch.setattr(with_note.vault, "session", locked_meanwhile)
    response = with_note.get("/home")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"


def test_an_unlock_overtaken_by_a_quick_exit_stays_locked(
    locked: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlock = locked.vault.unlock

    def exit_arrives_first(passphrase: str) -> None:
        # Shift pressed three times just after Enter on the unlock form.
        locked.ctx.lock_everything()
        real_unlock(passphrase)

    monkeypatch.setattr(locked.vault, "unlock", exit_arrives_first)
    old_session = locked.session_id
    response = locked.unlock()
    assert is_neutral(response)
    assert not locked.vault.unlocked
    assert len(locked.ctx.sessions) == 0
    assert is_neutral(browser(locked.app, old_session).get("/home"))


def test_lock_if_idle_directly(home: Web) -> None:
    assert home.ctx.lock_if_idle() is False
    assert home.vault.unlocked
    home.idle.advance(IDLE_SECONDS - 1)
    assert home.ctx.lock_if_idle() is False
    home.idle.advance(1)
    assert home.ctx.lock_if_idle() is True
    assert not home.vault.unlocked
    # Already locked: nothing more to do.
    assert home.ctx.lock_if_idle() is False


def test_idle_time_follows_the_setting(home: Web) -> None:
    saved = home.post(
        "/settings/preferences",
        {"page_title": "Notes", "exit_url": "https://www.bbc.co.uk/weather", "idle_minutes": "1"},
    )
    assert saved.status_code == 303
    assert 'data-idle-seconds="60"' in home.get("/home").text
    home.idle.advance(59)
    assert home.ctx.lock_if_idle() is False
    home.idle.advance(1)
    assert home.get("/home").headers["location"] == "/unlock"


def test_unlocking_after_a_long_wait_starts_a_fresh_idle_time(locked: Web) -> None:
    locked.idle.advance(5 * IDLE_SECONDS)
    assert locked.unlock().status_code == 303
    assert locked.get("/home").status_code == 200


def test_the_idle_time_is_given_to_the_page_only_when_unlocked(locked: Web) -> None:
    assert 'data-idle-seconds="0"' in locked.get("/unlock").text
    locked.unlock()
    assert f'data-idle-seconds="{IDLE_SECONDS}"' in locked.get("/home").text


# -- heartbeat ----------------------------------------------------------------------------------


def test_heartbeat_keeps_it_open(with_note: Web) -> None:
    with_note.idle.advance(IDLE_SECONDS - 60)
    assert with_note.post("/heartbeat").status_code == 204
    with_note.idle.advance(IDLE_SECONDS - 60)
    assert with_note.post("/heartbeat").status_code == 204
    with_note.idle.advance(IDLE_SECONDS - 1)
    assert with_note.get("/home").status_code == 200
    assert with_note.vault.unlocked


def test_a_late_heartbeat_does_not_reopen(with_note: Web) -> None:
    with_note.idle.advance(IDLE_SECONDS)
    response = with_note.post("/heartbeat")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"
    assert not with_note.vault.unlocked


def test_heartbeat_works_with_the_header_token(with_note: Web) -> None:
    with_note.idle.advance(IDLE_SECONDS - 1)
    response = with_note.client.post("/heartbeat", headers={"x-csrf-token": with_note.token()})
    assert response.status_code == 204
    with_note.idle.advance(IDLE_SECONDS - 1)
    assert with_note.ctx.lock_if_idle() is False


def test_lock_on_shutdown(tmp_path: Path) -> None:
    running = build_web(tmp_path)
    web = next(running)
    web.create()
    assert web.vault.unlocked
    running.close()  # the server stops: its lifespan ends
    assert not web.vault.unlocked
    assert len(web.ctx.sessions) == 0
