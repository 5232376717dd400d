"""Host allow-list (DNS rebinding), cross-site refusal and no CORS."""

from __future__ import annotations

import pytest
from httpx2 import Response
from web_harness import COOKIE, ORIGIN, Web, browser

GOOD_HOSTS = ["127.0.0.1:8765", "localhost:8765"]
BAD_HOSTS = [
    "evil.com",
    "evil.com:8765",
    "127.0.0.1:9999",
    "127.0.0.1",
    "localhost",
    "[::1]:8765",
    "127.0.0.1:8765.evil.com",
    "0.0.0.0:8765",
    "",
]


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_a_wrong_host_is_refused_with_400(home: Web, host: str) -> None:
    response = home.get("/home", headers={"host": host})
    assert response.status_code == 400
    assert "note to yourself" not in response.text.lower()


@pytest.mark.parametrize("host", GOOD_HOSTS)
def test_our_own_hosts_are_served(home: Web, host: str) -> None:
    assert home.get("/home", headers={"host": host}).status_code == 200


def test_a_wrong_host_cannot_use_the_launch_token(web: Web) -> None:
    token = web.app.state.launch.issue()
    client = browser(web.app)
    refused = client.get(f"/launch?token={token}", headers={"host": "evil.com"})
    assert refused.status_code == 400
    assert not client.cookies.get(COOKIE)
    # Refused before the route: the person's token is still good.
    assert client.get(f"/launch?token={token}").status_code == 303


@pytest.mark.parametrize("path", ["/exit", "/static/app.css", "/launch", "/nowhere"])
def test_a_wrong_host_is_refused_everywhere(home: Web, path: str) -> None:
    assert home.get(path, headers={"host": "evil.com"}).status_code == 400
    assert home.vault.unlocked


def test_a_rebinding_page_cannot_save_a_note(home: Web) -> None:
    response = home.post("/note", {"note": "x"}, headers={"host": "evil.com:8765"})
    assert response.status_code == 400
    assert home.note() == ""


# -- cross-site -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "origin", ["http://evil.com", "http://127.0.0.1:9999", "https://127.0.0.1:8765", "null"]
)
def test_a_post_from_another_origin_is_refused(home: Web, origin: str) -> None:
    response = home.post("/note", {"note": "from elsewhere"}, headers={"origin": origin})
    assert response.status_code == 403
    assert home.note() == ""


@pytest.mark.parametrize("origin", [ORIGIN, "http://localhost:8765"])
def test_a_post_from_our_origin_is_accepted(home: Web, origin: str) -> None:
    response = home.post("/note", {"note": "mine"}, headers={"origin": origin})
    assert response.status_code == 303
    assert home.note() == "mine"


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_get_from_another_site_is_refused(home: Web, site: str) -> None:
    response = home.get("/home", headers={"sec-fetch-site": site})
    assert response.status_code == 403
    assert "note to yourself" not in response.text.lower()


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_post_from_another_site_is_refused(home: Web, site: str) -> None:
    response = home.post("/note", {"note": "x"}, headers={"sec-fetch-site": site})
    assert response.status_code == 403
    assert home.note() == ""


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_another_site_cannot_lock_through_lock_now(home: Web, site: str) -> None:
    response = home.post("/lock", headers={"sec-fetch-site": site})
    assert response.status_code == 403
    assert home.vault.unlocked


@pytest.mark.parametrize("site", ["same-origin", "none"])
def test_fetch_metadata_of_our_own_pages_is_accepted(home: Web, site: str) -> None:
    assert home.get("/home", headers={"sec-fetch-site": site}).status_code == 200


def test_null_origin_with_same_origin_fetch_metadata_is_accepted(home: Web) -> None:
    # Chromium sends Origin: null on our own form posts because of Referrer-Policy: no-referrer.
    response = home.post(
        "/note", {"note": "chromium"}, headers={"origin": "null", "sec-fetch-site": "same-origin"}
    )
    assert response.status_code == 303
    assert home.note() == "chromium"


@pytest.mark.parametrize("site", ["none", "cross-site", "same-site"])
def test_null_origin_is_refused_without_same_origin_metadata(home: Web, site: str) -> None:
    response = home.post(
        "/note", {"note": "sandboxed"}, headers={"origin": "null", "sec-fetch-site": site}
    )
    assert response.status_code == 403
    assert home.note() == ""


def test_our_origin_with_cross_site_metadata_is_still_refused(home: Web) -> None:
    headers = {"origin": ORIGIN, "sec-fetch-site": "cross-site"}
    assert home.post("/note", {"note": "x"}, headers=headers).status_code == 403
    assert home.note() == ""


def test_a_link_from_another_site_cannot_use_the_launch_token(web: Web) -> None:
    token = web.app.state.launch.issue()
    client = browser(web.app)
    refused = client.get(f"/launch?token={token}", headers={"sec-fetch-site": "cross-site"})
    assert refused.status_code == 403
    assert not client.cookies.get(COOKIE)


# -- no CORS --------------------------------------------------------------------------------


def _cors_headers(response: Response) -> list[str]:
    names = [k.lower() for k in response.headers]
    return [n for n in names if n.startswith("access-control-")]


@pytest.mark.parametrize("origin", ["http://evil.com", ORIGIN])
@pytest.mark.parametrize("path", ["/", "/home", "/strength", "/exit", "/static/app.js", "/note"])
def test_no_cors_on_preflight(home: Web, origin: str, path: str) -> None:
    response = home.client.options(
        path,
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "x-csrf-token",
        },
    )
    assert response.status_code >= 400
    assert _cors_headers(response) == []


@pytest.mark.parametrize("origin", ["http://evil.com", ORIGIN, "null"])
def test_no_cors_on_ordinary_requests(home: Web, origin: str) -> None:
    for response in (
        home.get("/home", headers={"origin": origin}),
        home.get("/static/app.css", headers={"origin": origin}),
        home.post("/strength", {"passphrase": "abc"}, headers={"origin": origin}),
    ):
        assert _cors_headers(response) == []
