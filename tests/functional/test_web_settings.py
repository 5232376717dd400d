"""Settings: display preferences, changing the passphrase, a new recovery code."""

from __future__ import annotations

import json

import pytest
from httpx2 import Response
from web_harness import OTHER_PASSPHRASE, PASSPHRASE, WEAK_PASSPHRASE, Web, parse

from clearpath.vault.errors import WrongSecret

GOOD = {"page_title": "Recipes", "exit_url": "https://example.org/news", "idle_minutes": "25"}


def _stored_prefs(web: Web) -> dict[str, object]:
    prefs = json.loads(web.keys_json())["preferences"]
    assert isinstance(prefs, dict)
    return prefs


def test_settings_page_shows_the_current_values(home: Web) -> None:
    page = home.get("/settings")
    assert page.status_code == 200
    assert 'value="Notes"' in page.text
    assert 'value="https://www.bbc.co.uk/weather"' in page.text
    assert 'value="10"' in page.text
    assert 'id="stop_server_on_exit" name="stop_server_on_exit" checked' in page.text


def test_preferences_are_saved(home: Web) -> None:
    response = home.post("/settings/preferences", {**GOOD, "stop_server_on_exit": "on"})
    assert response.status_code == 303
    assert response.headers["location"] == "/settings"
    assert _stored_prefs(home) == {
        "page_title": "Recipes",
        "exit_url": "https://example.org/news",
        "idle_minutes": 25,
        "stop_server_on_exit": True,
    }
    page = home.get("/settings")
    assert "Your settings are saved." in page.text
    assert 'value="Recipes"' in page.text
    assert 'value="25"' in page.text


def test_an_unticked_box_turns_stopping_off(home: Web) -> None:
    home.post("/settings/preferences", GOOD)
    assert _stored_prefs(home)["stop_server_on_exit"] is False
    assert home.ctx.preferences().stop_server_on_exit is False
    page = home.get("/settings").text
    assert 'name="stop_server_on_exit" checked' not in page


def test_values_are_tidied(home: Web) -> None:
    form = {"page_title": "  My   shopping  ", "exit_url": " https://example.org ",
            "idle_minutes": " 5 "}
    assert home.post("/settings/preferences", form).status_code == 303
    stored = _stored_prefs(home)
    assert stored["page_title"] == "My shopping"
    assert stored["exit_url"] == "https://example.org"
    assert stored["idle_minutes"] == 5


INVALID = [
    ("page_title", "", "Please give the page a title"),
    ("page_title", "   ", "Please give the page a title"),
    ("page_title", "x" * 41, "40 characters or fewer"),
    ("exit_url", "", "Please give a full web address"),
    ("exit_url", "javascript:alert(1)", "Please give a full web address"),
    ("exit_url", "ftp://example.org", "Please give a full web address"),
    ("exit_url", "data:text/html,hi", "Please give a full web address"),
    ("exit_url", "//example.org", "Please give a full web address"),
    ("exit_url", "https://", "Please give a full web address"),
    ("exit_url", "https://exa mple.org", "has spaces in it or is too long"),
    ("exit_url", "https://example.org/" + "a" * 500, "has spaces in it or is too long"),
    ("idle_minutes", "", "whole number of minutes"),
    ("idle_minutes", "ten", "whole number of minutes"),
    ("idle_minutes", "1.5", "whole number of minutes"),
    ("idle_minutes", "0", "between 1 and 240 minutes"),
    ("idle_minutes", "241", "between 1 and 240 minutes"),
    ("idle_minutes", "-5", "between 1 and 240 minutes"),
]


@pytest.mark.parametrize(("name", "value", "message"), INVALID)
def test_an_invalid_value_saves_nothing(home: Web, name: str, value: str, message: str) -> None:
    before = home.keys_json()
    form = {**GOOD, name: value, "stop_server_on_exit": "on"}
    response = home.post("/settings/preferences", form)
    assert response.status_code == 400
    assert message in response.text
    assert home.keys_json() == before
    assert home.ctx.preferences().page_title == "Notes"


def test_several_invalid_values_each_get_a_message(home: Web) -> None:
    before = home.keys_json()
    form = {"page_title": "", "exit_url": "nope", "idle_minutes": "0"}
    response = home.post("/settings/preferences", form)
    assert response.status_code == 400
    for message in ("Please give the page a title", "Please give a full web address",
                    "between 1 and 240 minutes"):
        assert message in response.text
    assert home.keys_json() == before


def test_limits_are_accepted(home: Web) -> None:
    for minutes in ("1", "240"):
        form = {**GOOD, "page_title": "x" * 40, "idle_minutes": minutes}
        assert home.post("/settings/preferences", form).status_code == 303
        assert _stored_prefs(home)["idle_minutes"] == int(minutes)


def test_what_was_typed_is_kept_after_an_error(home: Web) -> None:
    response = home.post("/settings/preferences", {**GOOD, "idle_minutes": "999"})
    assert 'value="Recipes"' in response.text
    assert 'value="999"' in response.text


@pytest.mark.parametrize("ticked", [True, False])
def test_the_stop_box_keeps_what_was_ticked_after_an_error(home: Web, ticked: bool) -> None:
    form = dict(GOOD)
    if ticked:
        form["stop_server_on_exit"] = "on"
    response = home.post("/settings/preferences", {**form, "idle_minutes": "999"})
    inputs = parse(response.text).find("input")
    box = next(t for t in inputs if t.attrs.get("id") == "stop_server_on_exit")
    assert ("checked" in box.attrs) is ticked


# -- passphrase -------------------------------------------------------------------------------


def _change(web: Web, current: str, new: str, again: str | None = None) -> Response:
    return web.post(
        "/settings/passphrase",
        {"current_passphrase": current, "new_passphrase": new,
         "new_passphrase_again": new if again is None else again},
    )


def test_a_wrong_current_passphrase_changes_nothing(home: Web) -> None:
    slots = json.loads(home.keys_json())["slots"]
    response = _change(home, "not my passphrase at all", OTHER_PASSPHRASE)
    assert response.status_code == 400
    assert "That passphrase did not open the vault." in response.text
    assert json.loads(home.keys_json())["slots"] == slots


def test_a_weak_new_passphrase_is_refused(home: Web) -> None:
    before = home.keys_json()
    response = _change(home, PASSPHRASE, WEAK_PASSPHRASE)
    assert response.status_code == 400
    assert "too easy to guess" in response.text
    assert home.keys_json() == before


def test_a_mistyped_new_passphrase_is_refused(home: Web) -> None:
    before = home.keys_json()
    response = _change(home, PASSPHRASE, OTHER_PASSPHRASE, OTHER_PASSPHRASE + "x")
    assert response.status_code == 400
    assert "The two passphrases are not the same." in response.text
    assert home.keys_json() == before


def test_changing_the_passphrase(home: Web) -> None:
    assert home.post("/note", {"note": "kept across the change"}).status_code == 303
    response = _change(home, PASSPHRASE, OTHER_PASSPHRASE)
    assert response.status_code == 303
    assert response.headers["location"] == "/settings"
    assert "Your passphrase is changed." in home.get("/settings").text
    home.lock()
    old = home.unlock(PASSPHRASE)
    assert old.status_code == 400
    assert "did not open" in old.text
    assert home.unlock(OTHER_PASSPHRASE).status_code == 303
    assert home.note() == "kept across the change"
    # The recovery code still works after a passphrase change.
    home.vault.lock()
    home.vault.recover(home.code, PASSPHRASE)


# -- recovery code ----------------------------------------------------------------------------


def test_a_new_code_needs_the_passphrase(home: Web) -> None:
    slots = json.loads(home.keys_json())["slots"]
    response = home.post("/settings/recovery-code", {"passphrase_for_code": "wrong wrong wrong"})
    assert response.status_code == 400
    assert "That passphrase did not open the vault." in response.text
    assert json.loads(home.keys_json())["slots"] == slots
    home.vault.lock()
    home.vault.recover(home.code, OTHER_PASSPHRASE)


def test_a_new_code_replaces_the_old_one(home: Web) -> None:
    old_code = home.code
    response = home.post("/settings/recovery-code", {"passphrase_for_code": PASSPHRASE})
    assert response.status_code == 303
    assert response.headers["location"] == "/recovery-code"
    assert home.get("/home").headers["location"] == "/recovery-code"
    new_code = home.confirm_code()
    assert new_code != old_code
    assert home.get("/home").status_code == 200
    home.vault.lock()
    with pytest.raises(WrongSecret):
        home.vault.recover(old_code, OTHER_PASSPHRASE)
    home.vault.recover(new_code, OTHER_PASSPHRASE)


def test_an_unconfirmed_new_code_changes_nothing(home: Web) -> None:
    # The new code was shown but never typed back (the window closed, a quick exit): the
    # old code must still open the vault, or the person could be locked out for good.
    old_code = home.code
    home.post("/settings/recovery-code", {"passphrase_for_code": PASSPHRASE})
    unconfirmed, _groups = home.read_code()
    assert unconfirmed != old_code
    home.get("/exit")
    with pytest.raises(WrongSecret):
        home.vault.recover(unconfirmed, OTHER_PASSPHRASE)
    home.vault.recover(old_code, OTHER_PASSPHRASE)


def test_keeping_the_old_code_instead(home: Web) -> None:
    old_code = home.code
    home.post("/settings/recovery-code", {"passphrase_for_code": PASSPHRASE})
    unconfirmed, _groups = home.read_code()
    response = home.post("/recovery-code", {"keep_old": "1"})
    assert response.headers["location"] == "/settings"
    assert "Your old recovery code still works." in home.get("/settings").text
    # Free to move about again, and the old code is the one that opens the vault.
    assert home.get("/home").status_code == 200
    home.vault.lock()
    with pytest.raises(WrongSecret):
        home.vault.recover(unconfirmed, OTHER_PASSPHRASE)
    home.vault.recover(old_code, OTHER_PASSPHRASE)


def test_a_first_recovery_code_cannot_be_skipped(web: Web) -> None:
    # At creation the code is already the only way back in: there is no "keep old" choice.
    response = web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    assert response.headers["location"] == "/recovery-code"
    assert "keep_old" not in web.get("/recovery-code").text
    assert web.post("/recovery-code", {"keep_old": "1"}).status_code == 400
    assert web.get("/home").headers["location"] == "/recovery-code"


def test_the_old_code_fails_through_the_web_too(home: Web) -> None:
    old_code = home.code
    home.post("/settings/recovery-code", {"passphrase_for_code": PASSPHRASE})
    home.confirm_code()
    home.lock()
    response = home.post(
        "/recover",
        {"recovery_code": old_code, "passphrase": OTHER_PASSPHRASE,
         "passphrase_again": OTHER_PASSPHRASE},
    )
    assert response.status_code == 400
    assert "That recovery code did not open the vault." in response.text


def test_preferences_are_readable_while_locked(home: Web) -> None:
    home.post("/settings/preferences", {**GOOD, "page_title": "Garden"})
    home.lock()
    assert "<title>Garden</title>" in home.get("/unlock").text
    assert 'data-exit-url="https://example.org/news"' in home.get("/unlock").text
