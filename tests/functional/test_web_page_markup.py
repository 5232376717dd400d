"""The markup of every page: no inline code, nothing from another origin, quick exit,
skip link, labels, the neutral title, and CSRF tokens in every form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from httpx2 import Response
from web_harness import (
    PASSPHRASE,
    WEAK_PASSPHRASE,
    PageParser,
    Web,
    browser,
    is_neutral,
    parse,
)

URL_ATTRIBUTES = ("src", "href", "action", "formaction", "poster", "srcset", "data", "cite")
UNLABELLED_INPUT_TYPES = ("hidden", "submit", "button", "reset", "image")


def _created(w: Web) -> Web:
    w.create()
    return w


def _locked(w: Web) -> Web:
    _created(w).lock()
    return w


def _after_create(w: Web) -> Web:
    w.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    return w


def _waiting(w: Web) -> Response:
    _locked(w)
    for _ in range(5):
        w.unlock("not the passphrase at all")
    return w.get("/unlock")


PAGES: dict[str, Callable[[Web], Response]] = {
    "neutral": lambda w: browser(w.app).get("/home"),
    "create": lambda w: w.get("/create"),
    "create, weak": lambda w: w.post(
        "/create", {"passphrase": WEAK_PASSPHRASE, "passphrase_again": WEAK_PASSPHRASE}
    ),
    "create, mismatch": lambda w: w.post(
        "/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE + "!"}
    ),
    "recovery code": lambda w: _after_create(w).get("/recovery-code"),
    "recovery code, wrong groups": lambda w: _after_create(w).post(
        "/recovery-code", {f"group_{n}": "0000" for n in range(1, 8)}
    ),
    "home": lambda w: _created(w).get("/home"),
    "home, note too long": lambda w: _created(w).post("/note", {"note": "x" * 20_001}),
    "settings": lambda w: _created(w).get("/settings"),
    "settings, errors": lambda w: _created(w).post(
        "/settings/preferences", {"page_title": "", "exit_url": "ftp://x", "idle_minutes": "0"}
    ),
    "settings, passphrase errors": lambda w: _created(w).post(
        "/settings/passphrase",
        {"current_passphrase": "wrong", "new_passphrase": WEAK_PASSPHRASE,
         "new_passphrase_again": ""},
    ),
    "unlock": lambda w: _locked(w).get("/unlock"),
    "unlock, wrong": lambda w: _locked(w).unlock("not the passphrase at all"),
    "unlock, waiting": _waiting,
    "recover": lambda w: _locked(w).get("/recover"),
    "recover, errors": lambda w: _locked(w).post(
        "/recover", {"recovery_code": "abc", "passphrase": "x", "passphrase_again": "y"}
    ),
    "help, before a vault": lambda w: w.get("/help/staying-safe"),
    "help, unlocked": lambda w: _created(w).get("/help/staying-safe"),
    "404 with session": lambda w: w.get("/nowhere"),
    "404 without session": lambda w: browser(w.app).get("/nowhere"),
    "csrf error": lambda w: _created(w).post("/note", {"note": "x"}, csrf=False),
    "405": lambda w: w.get("/note"),
}


def check_markup(page: PageParser, title: str) -> None:
    assert page.find("html")[0].attrs.get("lang") == "en"
    assert page.title == title
    for body in page.script_bodies:
        assert body.strip() == "", "inline script"
    for script in page.find("script"):
        assert script.attrs.get("src", "").startswith("/static/")
    assert not page.find("style"), "inline <style>"
    for tag in page.tags:
        for name, value in tag.attrs.items():
            assert name != "style", f"style= on <{tag.name}>"
            assert not name.startswith("on"), f"{name}= on <{tag.name}>"
            if name in URL_ATTRIBUTES:
                assert "://" not in value, f"{name}={value}"
                assert not value.startswith("//"), f"{name}={value}"
                assert not value.lower().startswith(("javascript:", "data:")), f"{name}={value}"
        if tag.name == "meta":
            assert tag.attrs.get("http-equiv", "").lower() != "refresh"
    check_quick_exit_and_skip_link(page)
    check_labels_and_ids(page)


def check_quick_exit_and_skip_link(page: PageParser) -> None:
    exits = [t for t in page.tags if t.attrs.get("id") == "quick-exit"]
    assert len(exits) == 1
    assert exits[0].name == "a"
    assert exits[0].attrs.get("href") == "/exit"
    assert exits[0].attrs.get("data-exit-url", "").startswith(("https://", "http://"))
    body_links = page.find("a")
    assert body_links[0].attrs.get("href") == "#main", "the skip link comes first"
    assert any(t.attrs.get("id") == "main" for t in page.tags)


def check_labels_and_ids(page: PageParser) -> None:
    ids = [t.attrs["id"] for t in page.tags if "id" in t.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    labelled = {t.attrs.get("for") for t in page.find("label")}
    for tag in page.tags:
        if tag.name == "input" and tag.attrs.get("type", "text") in UNLABELLED_INPUT_TYPES:
            continue
        if tag.name in ("input", "textarea", "select"):
            assert tag.attrs.get("id") in labelled, f"no label for {tag.attrs}"
    for link in page.find("a"):
        href = link.attrs.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, f"in-page link to missing {href}"


def check_forms(page: PageParser, token: str) -> None:
    forms = page.find("form")
    for form in forms:
        assert form.attrs.get("method") == "post"
        assert form.attrs.get("action", "").startswith("/")
    inputs = page.find("input")
    tokens = [t.attrs.get("value") for t in inputs if t.attrs.get("name") == "csrf_token"]
    assert len(tokens) == len(forms), "a form without a CSRF token"
    assert all(value == token for value in tokens)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_markup(web: Web, name: str) -> None:
    response = PAGES[name](web)
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response.text)
    check_markup(page, "Notes")
    if web.ctx.sessions.get(web.session_id) is not None and name != "neutral":
        check_forms(page, web.token())


@pytest.mark.parametrize("name", list(PAGES))
def test_aria_describedby_points_at_real_ids(web: Web, name: str) -> None:
    page = parse(PAGES[name](web).text)
    ids = {t.attrs["id"] for t in page.tags if "id" in t.attrs}
    for tag in page.tags:
        for ref in tag.attrs.get("aria-describedby", "").split():
            assert ref in ids, f"aria-describedby on <{tag.name}> points at missing {ref}"


def test_unlocked_pages_keep_the_neutral_title(home: Web) -> None:
    for path in ("/home", "/settings", "/help/staying-safe"):
        assert parse(home.get(path).text).title == "Notes"


def test_a_new_title_shows_on_every_page(home: Web) -> None:
    saved = home.post(
        "/settings/preferences",
        {"page_title": "Recipes", "exit_url": "https://www.bbc.co.uk/weather",
         "idle_minutes": "10"},
    )
    assert saved.status_code == 303
    for path in ("/home", "/settings", "/help/staying-safe", "/nowhere"):
        check_markup(parse(home.get(path).text), "Recipes")
    check_markup(parse(browser(home.app).get("/home").text), "Recipes")
    home.lock()
    for path in ("/unlock", "/recover"):
        check_markup(parse(home.get(path).text), "Recipes")


def test_a_title_with_markup_is_escaped(home: Web) -> None:
    home.post(
        "/settings/preferences",
        {"page_title": '<b>Shop</b> & "list"', "exit_url": 'https://example.org/"x<y',
         "idle_minutes": "10"},
    )
    html = home.get("/home").text
    assert "<b>Shop</b>" not in html
    assert 'https://example.org/"x<y' not in html
    page = parse(html)
    assert page.title == '<b>Shop</b> & "list"'
    (exit_link,) = [t for t in page.tags if t.attrs.get("id") == "quick-exit"]
    assert exit_link.attrs["data-exit-url"] == 'https://example.org/"x<y'


def test_404_is_neutral_and_echoes_nothing(home: Web) -> None:
    response = home.client.get("/my-husband-reads-this")
    assert response.status_code == 404
    assert "husband" not in response.text
    assert "There is nothing at this address." in response.text
    check_quick_exit_and_skip_link(parse(response.text))


def test_without_a_session_a_missing_address_looks_like_any_other(home: Web) -> None:
    # A stranger cannot tell which addresses exist: every answer is the same neutral page.
    stranger = browser(home.app)
    missing = stranger.get("/my-husband-reads-this")
    existing = stranger.get("/settings")
    assert is_neutral(missing)
    assert "husband" not in missing.text
    assert missing.status_code == existing.status_code
    assert missing.text == existing.text
    check_quick_exit_and_skip_link(parse(missing.text))


def test_unlocked_pages_offer_lock_now(home: Web) -> None:
    for path in ("/home", "/settings", "/help/staying-safe"):
        page = parse(home.get(path).text)
        assert any(f.attrs.get("action") == "/lock" for f in page.find("form")), path
