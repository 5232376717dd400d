"""Every state-changing POST needs this session's CSRF token; without it nothing changes."""

from __future__ import annotations

import pytest
from httpx2 import Response
from web_harness import COOKIE, OTHER_PASSPHRASE, PASSPHRASE, Web, browser

BAD_TOKENS = [None, "", "wrong-token", "x" * 43]


def _form(token: str | None, **fields: str) -> dict[str, str]:
    return fields if token is None else {"csrf_token": token, **fields}


def _refused(response: Response) -> None:
    assert response.status_code == 403
    assert "This form had expired" in response.text


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_note_is_not_saved_without_the_token(home: Web, token: str | None) -> None:
    _refused(home.post("/note", _form(token, note="forged"), csrf=False))
    assert home.note() == ""


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_preferences_are_not_changed_without_the_token(home: Web, token: str | None) -> None:
    before = home.keys_json()
    form = _form(token, page_title="Forged", exit_url="https://evil.example", idle_minutes="240")
    _refused(home.post("/settings/preferences", form, csrf=False))
    assert home.keys_json() == before
    assert home.ctx.preferences().page_title == "Notes"


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_lock_now_needs_the_token(home: Web, token: str | None) -> None:
    _refused(home.post("/lock", _form(token), csrf=False))
    assert home.vault.unlocked


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_create_needs_the_token(web: Web, token: str | None) -> None:
    form = _form(token, passphrase=PASSPHRASE, passphrase_again=PASSPHRASE)
    _refused(web.post("/create", form, csrf=False))
    assert not web.vault.exists()


def test_passphrase_change_needs_the_token(home: Web) -> None:
    before = home.keys_json()
    form = {"current_passphrase": PASSPHRASE, "new_passphrase": OTHER_PASSPHRASE,
            "new_passphrase_again": OTHER_PASSPHRASE}
    _refused(home.post("/settings/passphrase", form, csrf=False))
    assert home.keys_json() == before


def test_new_recovery_code_needs_the_token(home: Web) -> None:
    before = home.keys_json()
    _refused(home.post("/settings/recovery-code", {"passphrase_for_code": PASSPHRASE}, csrf=False))
    assert home.keys_json() == before


def test_unlock_needs_the_token(locked: Web) -> None:
    _refused(locked.post("/unlock", {"passphrase": PASSPHRASE}, csrf=False))
    assert not locked.vault.unlocked


def test_recover_needs_the_token(locked: Web) -> None:
    before = locked.keys_json()
    form = {"recovery_code": locked.code, "passphrase": OTHER_PASSPHRASE,
            "passphrase_again": OTHER_PASSPHRASE}
    _refused(locked.post("/recover", form, csrf=False))
    assert locked.keys_json() == before
    assert not locked.vault.unlocked


def test_recovery_code_confirmation_needs_the_token(web: Web) -> None:
    web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    code, asked = web.read_code()
    answers = {f"group_{n}": code[(n - 1) * 4 : n * 4] for n in asked}
    _refused(web.post("/recovery-code", answers, csrf=False))
    # Still waiting for the confirmation.
    assert web.get("/home").headers["location"] == "/recovery-code"


def test_heartbeat_needs_the_token(home: Web) -> None:
    _refused(home.post("/heartbeat", csrf=False))


def test_a_failed_token_does_not_count_as_activity(home: Web) -> None:
    home.idle.advance(9 * 60)
    _refused(home.post("/heartbeat", csrf=False))
    home.idle.advance(60)
    assert home.get("/home").headers.get("location") == "/unlock"


def test_another_sessions_token_is_refused(home: Web) -> None:
    other = browser(home.app)
    other.get(f"/launch?token={home.app.state.launch.issue()}")
    theirs = home.ctx.sessions.get(other.cookies.get(COOKIE))
    assert theirs is not None
    _refused(home.post("/note", {"csrf_token": theirs.csrf_token, "note": "x"}, csrf=False))
    assert home.note() == ""


def test_the_token_of_a_rotated_session_is_refused(locked: Web) -> None:
    old_token = locked.token()
    locked.unlock()
    _refused(locked.post("/note", {"csrf_token": old_token, "note": "x"}, csrf=False))
    assert locked.note() == ""


def test_header_token_works_for_the_strength_meter(web: Web) -> None:
    response = web.client.post(
        "/strength", data={"passphrase": PASSPHRASE}, headers={"x-csrf-token": web.token()}
    )
    assert response.status_code == 200
    verdict = response.json()
    assert verdict["acceptable"] is True
    assert verdict["score"] >= 3
    assert set(verdict) == {"score", "label", "message", "acceptable"}


def test_strength_meter_without_a_token_is_refused(web: Web) -> None:
    response = web.client.post("/strength", data={"passphrase": PASSPHRASE})
    assert response.status_code == 403
    wrong = web.client.post(
        "/strength", data={"passphrase": PASSPHRASE}, headers={"x-csrf-token": "nope"}
    )
    assert wrong.status_code == 403


def test_strength_meter_says_why_a_passphrase_is_weak(web: Web) -> None:
    verdict = web.post("/strength", {"passphrase": "password123"}).json()
    assert verdict["acceptable"] is False
    assert "too easy to guess" in verdict["message"]


def test_header_token_works_for_a_form_post(home: Web) -> None:
    response = home.client.post(
        "/note", data={"note": "via header"}, headers={"x-csrf-token": home.token()}
    )
    assert response.status_code == 303
    assert home.note() == "via header"


def test_a_wrong_form_token_is_not_rescued_by_a_right_header(home: Web) -> None:
    response = home.client.post(
        "/note",
        data={"csrf_token": "wrong", "note": "x"},
        headers={"x-csrf-token": home.token()},
    )
    assert response.status_code == 403
    assert home.note() == ""


def test_page_tokens_match_the_session(home: Web) -> None:
    html = home.get("/home").text
    assert f'name="csrf_token" value="{home.token()}"' in html
    assert f'data-csrf="{home.token()}"' in html
