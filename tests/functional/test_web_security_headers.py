"""Every response carries the security headers of DESIGN.md, whatever produced it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from httpx2 import Response
from starlette.testclient import TestClient
from web_harness import COOKIE, ORIGIN, Web, browser

from clearpath.web import home_views

Scenario = Callable[[Web], Response]


def _parse_csp(value: str) -> dict[str, str]:
    directives: dict[str, str] = {}
    for part in value.split(";"):
        name, _, rest = part.strip().partition(" ")
        assert name not in directives, f"{name} given twice"
        directives[name] = " ".join(rest.split())
    return directives


def assert_security_headers(response: Response) -> None:
    headers = response.headers
    csp = _parse_csp(headers["content-security-policy"])
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["img-src"] == "'self' data: blob:"
    assert csp["media-src"] == "'self' blob:"
    assert csp["form-action"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"
    for value in csp.values():
        assert "unsafe-inline" not in value
        assert "unsafe-eval" not in value
        assert "*" not in value
        assert "http:" not in value
        assert "https:" not in value
    assert headers["cache-control"] == "no-store"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["cross-origin-resource-policy"] == "same-origin"
    policy = {
        item.strip().split("=", 1)[0]: item.strip().split("=", 1)[1]
        for item in headers["permissions-policy"].split(",")
    }
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy.get(feature) == "()", feature
    assert "server" not in headers
    assert not [k for k in headers if k.lower().startswith("access-control-")]


def _stranger(web: Web) -> TestClient:
    return browser(web.app)


SCENARIOS: dict[str, Scenario] = {
    "page": lambda w: w.get("/home"),
    "settings page": lambda w: w.get("/settings"),
    "help page": lambda w: w.get("/help/staying-safe"),
    "redirect": lambda w: w.get("/"),
    "launch redirect with cookie": lambda w: _stranger(w).get(
        f"/launch?token={w.app.state.launch.issue()}"
    ),
    "neutral page": lambda w: _stranger(w).get("/home"),
    "bad launch token": lambda w: _stranger(w).get("/launch?token=nope"),
    "404 with session": lambda w: w.get("/no/such/page"),
    "404 without session": lambda w: _stranger(w).get("/no/such/page"),
    "404 static": lambda w: w.get("/static/missing.css"),
    "405": lambda w: w.get("/lock"),
    "options": lambda w: w.client.options("/home", headers={"origin": "http://evil.com"}),
    "400 bad host": lambda w: w.get("/home", headers={"host": "evil.com"}),
    "403 cross-site": lambda w: w.get("/home", headers={"sec-fetch-site": "cross-site"}),
    "403 foreign origin": lambda w: w.post("/note", {"note": "x"},
                                           headers={"origin": "http://evil.com"}),
    "403 csrf": lambda w: w.post("/note", {"note": "x"}, csrf=False),
    "400 form errors": lambda w: w.post("/settings/preferences", {"idle_minutes": "0"}),
    "static css": lambda w: w.get("/static/app.css"),
    "static js": lambda w: w.get("/static/app.js"),
    "static favicon": lambda w: w.get("/static/favicon.svg"),
    "static without session": lambda w: _stranger(w).get("/static/app.css"),
    "json": lambda w: w.post("/strength", {"passphrase": "abc"}),
    "204 heartbeat": lambda w: w.post("/heartbeat"),
    "quick exit get": lambda w: w.get("/exit"),
    "quick exit post": lambda w: w.post("/exit", csrf=False),
    "quick exit without session": lambda w: _stranger(w).post("/exit"),
    "lock redirect": lambda w: w.post("/lock"),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_security_headers_on_every_response(home: Web, name: str) -> None:
    response = SCENARIOS[name](home)
    assert_security_headers(response)


def test_security_headers_on_the_vault_error_page(locked: Web) -> None:
    (locked.data_dir / "keys.json").write_bytes(b"{ damaged")
    response = locked.unlock()
    assert response.status_code == 500
    assert "keys.json" in response.text
    assert_security_headers(response)


def test_static_files_have_their_own_types(home: Web) -> None:
    assert home.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert "javascript" in home.get("/static/app.js").headers["content-type"]
    assert home.get("/static/favicon.svg").headers["content-type"].startswith("image/svg+xml")


def test_static_files_reference_no_other_origin(home: Web) -> None:
    for path in ("/static/app.css", "/static/app.js", "/static/favicon.svg"):
        body = home.get(path).text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "://" not in body, path
        assert "@import" not in body, path
        assert not re.search(r"""url\(\s*['"]?//""", body), path


def _unexpected_error_client(home: Web, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    def broken(_db: object) -> str:
        raise RuntimeError("something nobody planned for")

    monkeypatch.setattr(home_views, "read_note", broken)
    client = TestClient(home.app, base_url=ORIGIN, follow_redirects=False,
                        raise_server_exceptions=False)
    client.cookies.set(COOKIE, home.session_id)
    return client


def test_an_unexpected_error_gives_the_calm_page(
    home: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = _unexpected_error_client(home, monkeypatch).get("/home")
    assert response.status_code == 500
    assert "Something went wrong. Please go back, check what you see there" in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    assert "nobody planned" not in response.text


def test_security_headers_on_an_unexpected_error(
    home: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = _unexpected_error_client(home, monkeypatch).get("/home")
    assert response.status_code == 500
    assert_security_headers(response)
