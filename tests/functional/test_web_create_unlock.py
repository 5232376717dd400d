"""Creating the vault, confirming the recovery code, unlocking (with the throttle), recovering."""

from __future__ import annotations

import re

import pytest
from httpx2 import Response
from web_harness import (
    OTHER_PASSPHRASE,
    PASSPHRASE,
    WEAK_PASSPHRASE,
    Web,
    browser,
    build_web,
)

from clearpath.vault.errors import WrongSecret

WRONG = "not the passphrase at all"
CALM_WRONG = "That passphrase did not open the vault. Please try again."


def _post_create(web: Web, first: str, second: str) -> Response:
    return web.post("/create", {"passphrase": first, "passphrase_again": second})


# -- create -------------------------------------------------------------------------------------


def test_front_door_leads_to_create_then_unlock(web: Web) -> None:
    assert web.get("/").headers["location"] == "/create"
    assert web.get("/unlock").headers["location"] == "/create"
    assert web.get("/recover").headers["location"] == "/create"
    assert web.get("/home").headers["location"] == "/create"
    page = web.get("/create")
    assert page.status_code == 200
    assert "Make your private space" in page.text


@pytest.mark.parametrize("weak", [WEAK_PASSPHRASE, "short", "", "aaaaaaaaaaaa"])
def test_a_weak_passphrase_is_refused_with_the_reason(web: Web, weak: str) -> None:
    response = _post_create(web, weak, weak)
    assert response.status_code == 400
    assert "This passphrase is too easy to guess." in response.text
    assert not web.vault.exists()


def test_two_different_passphrases_are_refused(web: Web) -> None:
    response = _post_create(web, PASSPHRASE, PASSPHRASE + "!")
    assert response.status_code == 400
    assert "The two passphrases are not the same." in response.text
    assert not web.vault.exists()
    assert PASSPHRASE not in response.text


def test_create_shows_the_recovery_code_once_confirmed(web: Web) -> None:
    response = _post_create(web, PASSPHRASE, PASSPHRASE)
    assert response.status_code == 303
    assert response.headers["location"] == "/recovery-code"
    assert web.vault.exists()
    assert web.vault.unlocked
    code, asked = web.read_code()
    assert len(asked) == 2
    assert len(set(code)) > 1
    # Until it is confirmed, every way in leads back to the code.
    assert web.get("/").headers["location"] == "/recovery-code"
    assert web.get("/home").headers["location"] == "/recovery-code"
    # The code is the vault's real recovery code.
    web.vault.lock()
    web.vault.recover(code, OTHER_PASSPHRASE)


def test_wrong_groups_are_refused(web: Web) -> None:
    _post_create(web, PASSPHRASE, PASSPHRASE)
    code, asked = web.read_code()
    answers = {f"group_{n}": "0000" if code[(n - 1) * 4 : n * 4] != "0000" else "1111"
               for n in asked}
    response = web.post("/recovery-code", answers)
    assert response.status_code == 400
    for n in asked:
        assert f"Group {n} does not match." in response.text
    assert web.get("/home").headers["location"] == "/recovery-code"


def test_one_right_and_one_wrong_group_is_refused(web: Web) -> None:
    _post_create(web, PASSPHRASE, PASSPHRASE)
    code, (first, second) = web.read_code()
    answers = {f"group_{first}": code[(first - 1) * 4 : first * 4], f"group_{second}": ""}
    response = web.post("/recovery-code", answers)
    assert response.status_code == 400
    assert f"Group {second} does not match." in response.text
    assert f"Group {first} does not match." not in response.text


def test_groups_typed_in_lowercase_with_spaces_are_accepted(web: Web) -> None:
    _post_create(web, PASSPHRASE, PASSPHRASE)
    code, asked = web.read_code()
    answers = {}
    for n in asked:
        group = code[(n - 1) * 4 : n * 4].lower()
        answers[f"group_{n}"] = f" {group[:2]} {group[2:]} "
    response = web.post("/recovery-code", answers)
    assert response.status_code == 303
    assert response.headers["location"] == "/home"
    home = web.get("/home")
    assert home.status_code == 200
    assert "Your recovery code is confirmed." in home.text
    # Once confirmed it is never shown again.
    assert web.get("/recovery-code").headers["location"] == "/home"
    assert code[:4] not in web.get("/home").text.replace(web.token(), "")


def test_look_alike_letters_are_forgiven(web: Web) -> None:
    _post_create(web, PASSPHRASE, PASSPHRASE)
    code, asked = web.read_code()
    # The alphabet has no O, I or L: a person who reads 0 as O or 1 as l is still right.
    answers = {
        f"group_{n}": code[(n - 1) * 4 : n * 4].replace("0", "O").replace("1", "l")
        for n in asked
    }
    assert web.post("/recovery-code", answers).status_code == 303


def test_the_code_is_shown_only_to_the_browser_that_made_it(web: Web) -> None:
    _post_create(web, PASSPHRASE, PASSPHRASE)
    code, _asked = web.read_code()
    other = browser(web.app)
    other.get(f"/launch?token={web.app.state.launch.issue()}")
    response = other.get("/recovery-code")
    assert response.status_code == 303
    assert response.headers["location"] == "/home"
    assert code[:8] not in other.get("/home").text


def test_a_pending_code_is_not_shown_while_locked(web: Web) -> None:
    _post_create(web, PASSPHRASE, PASSPHRASE)
    code, _asked = web.read_code()
    web.post("/lock")
    response = web.get("/recovery-code")
    assert response.headers["location"] == "/unlock"
    assert code[:8] not in web.get("/unlock").text
    # Unlocking again brings the person back to confirm it.
    web.unlock()
    assert web.get("/home").headers["location"] == "/recovery-code"


def test_create_when_the_vault_exists_goes_to_unlock(home: Web) -> None:
    before = home.keys_json()
    assert home.get("/create").headers["location"] == "/unlock"
    response = _post_create(home, OTHER_PASSPHRASE, OTHER_PASSPHRASE)
    assert response.headers["location"] == "/unlock"
    assert home.keys_json() == before


# -- unlock -------------------------------------------------------------------------------------


def test_unlock_page_when_locked(locked: Web) -> None:
    assert locked.get("/").headers["location"] == "/unlock"
    page = locked.get("/unlock")
    assert page.status_code == 200
    assert "Welcome back" in page.text
    assert "Locked. Your notes are safe." in page.text


def test_the_right_passphrase_opens_the_vault(locked: Web) -> None:
    response = locked.unlock()
    assert response.status_code == 303
    assert response.headers["location"] == "/home"
    assert locked.vault.unlocked
    assert locked.get("/home").status_code == 200
    assert locked.get("/unlock").headers["location"] == "/home"


def test_a_wrong_passphrase_gets_one_calm_sentence(locked: Web) -> None:
    response = locked.unlock(WRONG)
    assert response.status_code == 400
    assert CALM_WRONG in response.text
    assert "did not open" in response.text
    assert WRONG not in response.text
    for word in ("Traceback", "Error:", "attempt", "remaining", "wiped", "deleted"):
        assert word not in response.text
    assert not locked.vault.unlocked


def test_five_wrong_tries_then_the_sixth_must_wait(locked: Web) -> None:
    for _ in range(5):
        assert "did not open" in locked.unlock(WRONG).text
    sixth = locked.unlock(WRONG)
    assert sixth.status_code == 400
    assert "please wait 10 seconds" in sixth.text
    assert "Nothing has been deleted." in sixth.text
    # The right passphrase is refused too while the wait lasts.
    right = locked.unlock(PASSPHRASE)
    assert right.status_code == 400
    assert "please wait" in right.text
    assert not locked.vault.unlocked
    page = locked.get("/unlock")
    assert 'data-wait-seconds="10"' in page.text
    locked.wall.advance(9)
    assert "please wait" in locked.unlock(PASSPHRASE).text
    locked.wall.advance(1)
    response = locked.unlock(PASSPHRASE)
    assert response.status_code == 303
    assert locked.vault.unlocked


def test_each_further_wrong_try_waits_longer(locked: Web) -> None:
    for _ in range(5):
        locked.unlock(WRONG)
    locked.wall.advance(10)
    assert "did not open" in locked.unlock(WRONG).text
    assert "please wait 20 seconds" in locked.unlock(PASSPHRASE).text


def test_the_wait_survives_a_restart(locked: Web) -> None:
    for _ in range(5):
        locked.unlock(WRONG)
    locked.wall.advance(3)
    restarted = build_web(locked.data_dir.parent)
    fresh = next(restarted)
    try:
        fresh.wall.now = locked.wall.now
        refused = fresh.unlock(PASSPHRASE)
        assert "please wait 7 seconds" in refused.text
        fresh.wall.advance(7)
        assert fresh.unlock(PASSPHRASE).status_code == 303
    finally:
        restarted.close()


def test_a_right_passphrase_resets_the_count(locked: Web) -> None:
    for _ in range(4):
        locked.unlock(WRONG)
    assert locked.unlock().status_code == 303
    locked.lock()
    for _ in range(4):
        assert "did not open" in locked.unlock(WRONG).text
    assert locked.unlock().status_code == 303


# -- recover ------------------------------------------------------------------------------------


def _recover(web: Web, code: str, passphrase: str = OTHER_PASSPHRASE) -> Response:
    return web.post(
        "/recover",
        {"recovery_code": code, "passphrase": passphrase, "passphrase_again": passphrase},
    )


@pytest.mark.parametrize("typed", ["", "abc", "A" * 27, "U" * 28, "ABCD-EFGH"])
def test_a_malformed_code_is_explained(locked: Web, typed: str) -> None:
    before = locked.keys_json()
    response = _recover(locked, typed)
    assert response.status_code == 400
    assert "A recovery code has 28 letters and digits, in seven groups of four." in response.text
    assert locked.keys_json() == before


def test_a_wrong_code_does_not_open(locked: Web) -> None:
    wrong = "0" * 28 if locked.code != "0" * 28 else "1" * 28
    response = _recover(locked, wrong)
    assert response.status_code == 400
    assert "That recovery code did not open the vault." in response.text
    assert not locked.vault.unlocked


def test_recover_with_a_weak_new_passphrase_is_refused(locked: Web) -> None:
    response = _recover(locked, locked.code, WEAK_PASSPHRASE)
    assert response.status_code == 400
    assert "too easy to guess" in response.text
    assert not locked.vault.unlocked


def test_the_right_code_sets_a_new_passphrase_and_a_new_code(locked: Web) -> None:
    old_code = locked.code
    typed = "-".join(re.findall("....", old_code.lower()))
    response = _recover(locked, typed)
    assert response.status_code == 303
    assert response.headers["location"] == "/recovery-code"
    new_code = locked.confirm_code()
    assert new_code != old_code
    locked.lock()
    assert "did not open" in locked.unlock(PASSPHRASE).text
    assert locked.unlock(OTHER_PASSPHRASE).status_code == 303
    locked.vault.lock()
    with pytest.raises(WrongSecret):
        locked.vault.recover(old_code, PASSPHRASE)
    locked.vault.recover(new_code, PASSPHRASE)


def test_wrong_recovery_codes_are_throttled_like_passphrases(locked: Web) -> None:
    wrong = "0" * 28 if locked.code != "0" * 28 else "1" * 28
    for _ in range(5):
        assert "did not open" in _recover(locked, wrong).text
    refused = _recover(locked, locked.code)
    assert refused.status_code == 400
    assert "please wait 10 seconds" in refused.text
    assert "please wait" in locked.unlock(PASSPHRASE).text
    locked.wall.advance(10)
    assert _recover(locked, locked.code).status_code == 303
