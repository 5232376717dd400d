"""Settings: display preferences, passphrase, recovery code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from clearpath.vault.errors import TryLater, WrongSecret
from clearpath.vault.preferences import (
    PreferenceError,
    Preferences,
    clean_exit_url,
    clean_idle_minutes,
    clean_title,
)
from clearpath.web.access_views import show_new_code
from clearpath.web.forms import check_new_passphrase
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

T = TypeVar("T")


def _page(call: Call, status: int = 200, **values: object) -> Response:
    values.setdefault("stop_checked", call.ctx.preferences().stop_server_on_exit)
    return render(
        call.request,
        "settings/settings.html",
        call.session,
        status,
        prefs=call.ctx.preferences(),
        **values,
    )


def settings_page(call: Call) -> Response:
    return _page(call)


def save_preferences(call: Call) -> Response:
    errors: dict[str, str] = {}

    def take(name: str, clean: Callable[[str], T]) -> T | None:
        try:
            return clean(call.field(name))
        except PreferenceError as exc:
            errors[name] = str(exc)
            return None

    title = take("page_title", clean_title)
    exit_url = take("exit_url", clean_exit_url)
    idle_minutes = take("idle_minutes", clean_idle_minutes)
    if title is None or exit_url is None or idle_minutes is None:
        typed = {name: call.field(name) for name in ("page_title", "exit_url", "idle_minutes")}
        stop_checked = call.field("stop_server_on_exit") == "on"
        return _page(call, 400, errors=errors, typed=typed, stop_checked=stop_checked)
    call.ctx.vault.save_preferences(
        Preferences(
            page_title=title,
            exit_url=exit_url,
            idle_minutes=idle_minutes,
            stop_server_on_exit=call.field("stop_server_on_exit") == "on",
        )
    )
    call.ctx.forget_preferences()
    call.session.flash = "Your settings are saved."
    return RedirectResponse("/settings", status_code=303)


def change_passphrase(call: Call) -> Response:
    errors = check_new_passphrase(call.field("new_passphrase"), call.field("new_passphrase_again"))
    errors = {f"new_{k}": v for k, v in errors.items()}
    if not errors:
        try:
            call.ctx.vault.change_passphrase(
                call.field("current_passphrase"), call.field("new_passphrase")
            )
        except (WrongSecret, TryLater) as exc:
            errors["current_passphrase"] = exc.message
        else:
            call.session.flash = (
                "Your passphrase is changed. Use the new one the next time you unlock."
            )
            return RedirectResponse("/settings", status_code=303)
    return _page(call, 400, errors=errors, open_form="passphrase")


def new_recovery_code(call: Call) -> Response:
    try:
        code = call.ctx.vault.new_recovery_code(call.field("passphrase_for_code"))
    except (WrongSecret, TryLater) as exc:
        return _page(call, 400, errors={"passphrase_for_code": exc.message}, open_form="code")
    return show_new_code(call, code)


ROUTES = [
    Route("/settings", guarded(settings_page, Access.UNLOCKED), methods=["GET"]),
    Route("/settings/preferences", guarded(save_preferences, Access.UNLOCKED), methods=["POST"]),
    Route("/settings/passphrase", guarded(change_passphrase, Access.UNLOCKED), methods=["POST"]),
    Route(
        "/settings/recovery-code", guarded(new_recovery_code, Access.UNLOCKED), methods=["POST"]
    ),
]
