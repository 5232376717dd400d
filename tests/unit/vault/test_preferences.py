"""Preferences typed by the person: cleaned, or refused with a message that says why."""

from __future__ import annotations

import pytest

from clearpath.vault import preferences
from clearpath.vault.preferences import PreferenceError, Preferences


def test_title_is_tidied() -> None:
    assert preferences.clean_title("  Shopping   list ") == "Shopping list"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please give the page a title, for example Notes."),
        ("   ", "Please give the page a title, for example Notes."),
        ("x" * 41, "Please keep the title to 40 characters or fewer."),
    ],
)
def test_bad_titles(text: str, message: str) -> None:
    with pytest.raises(PreferenceError) as caught:
        preferences.clean_title(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "url", ["https://www.bbc.co.uk/weather", " http://example.org/path?q=1 ", "https://a.b"]
)
def test_good_exit_addresses(url: str) -> None:
    assert preferences.clean_exit_url(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "starts with https://"),
        ("www.bbc.co.uk", "starts with https://"),
        ("ftp://example.org", "starts with https://"),
        ("https://", "starts with https://"),
        ("data:text/html,hi", "starts with https://"),
        ("https://example.org/a b", "has spaces in it or is too long"),
        ("https://example.org/" + "a" * 500, "has spaces in it or is too long"),
    ],
)
def test_bad_exit_addresses(url: str, message: str) -> None:
    with pytest.raises(PreferenceError, match=message):
        preferences.clean_exit_url(url)


def test_idle_minutes() -> None:
    assert preferences.clean_idle_minutes(" 15 ") == 15
    assert preferences.clean_idle_minutes("1") == 1
    assert preferences.clean_idle_minutes("240") == 240


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ten", "Please give the idle time as a whole number of minutes."),
        ("2.5", "Please give the idle time as a whole number of minutes."),
        ("", "Please give the idle time as a whole number of minutes."),
        ("0", "Please choose between 1 and 240 minutes."),
        ("241", "Please choose between 1 and 240 minutes."),
        ("-5", "Please choose between 1 and 240 minutes."),
    ],
)
def test_bad_idle_minutes(text: str, message: str) -> None:
    with pytest.raises(PreferenceError) as caught:
        preferences.clean_idle_minutes(text)
    assert str(caught.value) == message


def test_defaults() -> None:
    prefs = Preferences()
    assert prefs.page_title == "Notes"
    assert prefs.exit_url == "https://www.bbc.co.uk/weather"
    assert prefs.idle_minutes == 10
    assert prefs.stop_server_on_exit is True


def test_json_round_trip() -> None:
    prefs = Preferences("Recipes", "https://example.org/", 30, stop_server_on_exit=False)
    assert Preferences.from_json(prefs.to_json()) == prefs


def test_reading_is_lenient_value_by_value() -> None:
    raw = {
        "page_title": "Recipes",
        "exit_url": "javascript:alert(1)",
        "idle_minutes": 9999,
        "stop_server_on_exit": "no",
    }
    assert Preferences.from_json(raw) == Preferences(page_title="Recipes")
    assert Preferences.from_json(None) == Preferences()
    assert Preferences.from_json(["Notes"]) == Preferences()
