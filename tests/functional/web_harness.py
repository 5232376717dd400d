"""The web harness the functional tests drive: one app, its browsers, clocks and parsers."""

from __future__ import annotations

import os
import re
from collections.abc import Generator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# Forced before clearpath is imported: fast KDF, never the real data directory.
os.environ["CLEARPATH_TESTING"] = "1"

from httpx2 import Response
from starlette.applications import Starlette
from starlette.testclient import TestClient

from clearpath.notes.services import read_note
from clearpath.settings import Settings, load_settings
from clearpath.vault.service import Vault
from clearpath.web.app import create_app
from clearpath.web.context import AppContext, app_context
from clearpath.web.state import Activity

PASSPHRASE = "correct horse battery staple 42"
OTHER_PASSPHRASE = "violet tractor whispers under 9 bridges"
WEAK_PASSPHRASE = "password123"
PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"
# The app names its cookie after its port: browsers share cookies across ports.
COOKIE = f"session_{PORT}"
NEUTRAL_HEADING = "Nothing to show"

_CODE_GROUP = re.compile(r"<code>([0-9A-Z]{4})</code>")
_CONFIRM_FIELD = re.compile(r'name="group_(\d+)"')
_CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]*)"')


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Recorder:
    """Stands in for the server's callbacks (stop, announce a new launch address)."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> None:
        self.calls.append(args)


def browser(app: Starlette, session_id: str | None = None) -> TestClient:
    """Another browser on the same app (no lifespan: the main client owns it)."""
    client = TestClient(app, base_url=ORIGIN, follow_redirects=False)
    if session_id is not None:
        client.cookies.set(app_context(app).cookie_name, session_id)
    return client


def csrf_in(html: str) -> str:
    match = _CSRF_FIELD.search(html)
    assert match, "the page has no csrf_token field"
    return match.group(1)


def is_neutral(response: Response) -> bool:
    return response.status_code == 403 and NEUTRAL_HEADING in response.text


@dataclass
class Web:
    """The app, one browser that came through the launch address, and the clocks."""

    app: Starlette
    client: TestClient
    settings: Settings
    vault: Vault
    wall: ManualClock
    idle: ManualClock
    code: str = ""
    shutdowns: Recorder = field(default_factory=Recorder)
    announced: Recorder = field(default_factory=Recorder)

    @property
    def ctx(self) -> AppContext:
        return app_context(self.app)

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    @property
    def session_id(self) -> str:
        return self.client.cookies.get(self.ctx.cookie_name) or ""

    def token(self) -> str:
        """The CSRF token of this browser's session, read without a request (no activity)."""
        session = self.ctx.sessions.get(self.session_id)
        assert session is not None, "this browser has no live session"
        return session.csrf_token

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return self.client.get(path, headers=headers)

    def post(
        self,
        path: str,
        data: dict[str, str] | None = None,
        *,
        csrf: bool = True,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """A form post; adds this session's CSRF token unless csrf=False."""
        form = dict(data or {})
        if csrf:
            form.setdefault("csrf_token", self.token())
        return self.client.post(path, data=form, headers=headers)

    def launch(self) -> Response:
        response = self.client.get(f"/launch?token={self.app.state.launch.issue()}")
        assert response.status_code == 303
        return response

    def create(self, passphrase: str = PASSPHRASE) -> str:
        """Create the vault through the pages and confirm the recovery code; returns it."""
        response = self.post("/create", {"passphrase": passphrase, "passphrase_again": passphrase})
        assert response.status_code == 303, response.text
        assert response.headers["location"] == "/recovery-code"
        self.code = self.confirm_code()
        return self.code

    def read_code(self) -> tuple[str, list[int]]:
        """The recovery code shown on /recovery-code and the groups it asks for."""
        page = self.get("/recovery-code")
        assert page.status_code == 200, page.text
        groups = _CODE_GROUP.findall(page.text)
        assert len(groups) == 7
        asked = [int(n) for n in _CONFIRM_FIELD.findall(page.text)]
        assert asked
        return "".join(groups), asked

    def confirm_code(self) -> str:
        code, asked = self.read_code()
        answers = {f"group_{n}": code[(n - 1) * 4 : n * 4] for n in asked}
        response = self.post("/recovery-code", answers)
        assert response.status_code == 303, response.text
        assert response.headers["location"] == "/home"
        return code

    def unlock(self, passphrase: str = PASSPHRASE) -> Response:
        return self.post("/unlock", {"passphrase": passphrase})

    def lock(self) -> None:
        assert self.post("/lock").status_code == 303
        assert not self.vault.unlocked

    def note(self) -> str:
        """The saved note, read from the vault itself (not through a page)."""
        with self.vault.session() as db:
            return read_note(db)

    def keys_json(self) -> bytes:
        return (self.data_dir / "keys.json").read_bytes()


def build_web(tmp_path: Path) -> Generator[Web, None, None]:
    """Start the app on ``tmp_path/vault`` (lifespan included) with one launched browser.

    Closing the generator stops the app, as the server would on shutdown.
    """
    settings = load_settings({"CLEARPATH_TESTING": "1"}, data_dir=tmp_path / "vault")
    assert settings.port == PORT
    wall = ManualClock(1_900_000_000.0)
    idle = ManualClock(10_000.0)
    vault = Vault(settings.data_dir, settings.kdf, clock=wall)
    app = create_app(settings, vault)
    app_context(app).activity = Activity(clock=idle)
    with TestClient(app, base_url=ORIGIN, follow_redirects=False) as main:
        web = Web(app=app, client=main, settings=settings, vault=vault, wall=wall, idle=idle)
        web.ctx.request_shutdown = web.shutdowns
        web.ctx.announce_launch_url = web.announced
        web.launch()
        yield web
    vault.lock()


# -- reading pages ------------------------------------------------------------------------


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]


class PageParser(HTMLParser):
    """Collects the tags, script bodies, the title and the labels of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self.script_bodies: list[str] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(Tag(tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "title", "style"):
            self._in = tag
            if tag == "script":
                self.script_bodies.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.script_bodies[-1] += data
        elif self._in == "title":
            self.title += data

    def find(self, name: str) -> list[Tag]:
        return [t for t in self.tags if t.name == name]


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def launch_token(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == ORIGIN
    assert parts.path == "/launch"
    return parse_qs(parts.query)["token"][0]
