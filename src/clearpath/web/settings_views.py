"""Settings: display preferences, passphrase, recovery code."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from clearpath.vault import recovery
from clearpath.vault.errors import TryLater, WeakPassphrase, WrongSecret
from clearpath.web.access_views import show_new_code
from clearpath.web.forms import PREFERENCE_FIELDS, mismatch_errors, read_preferences
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


def _page(call: Call, status: int = 200, **values: object) -> Response:
    prefs = call.ctx.preferences()
    saved = {**prefs.to_json(), "stop_server_on_exit": "on" if prefs.stop_server_on_exit else ""}
    shown = {name: str(saved[name]) for name in PREFERENCE_FIELDS}
    return render(
        call.request, "settings/settings.html", call.session, status, shown=shown, **values
    )


def settings_page(call: Call) -> Response:
    return _page(call)


def save_preferences(call: Call) -> Response:
    prefs, errors = read_preferences(call.field)
    if prefs is None:
        # Give back exactly what was typed, next to what was wrong with it.
        typed = {name: call.field(name) for name in PREFERENCE_FIELDS}
        return render(
            call.request, "settings/settings.html", call.session, 400, shown=typed, errors=errors
        )
    call.ctx.vault.save_preferences(prefs)
    call.ctx.forget_preferences()
    call.session.flash = "Your settings are saved."
    return redirect("/settings")


def change_passphrase(call: Call) -> Response:
    new = call.field("new_passphrase")
    mismatch = mismatch_errors(new, call.field("new_passphrase_again"))
    errors = {f"new_{name}": message for name, message in mismatch.items()}
    if not errors:
        try:
            call.ctx.vault.change_passphrase(call.field("current_passphrase"), new)
        except WeakPassphrase as exc:
            errors["new_passphrase"] = exc.message
        except (WrongSecret, TryLater) as exc:
            errors["current_passphrase"] = exc.message
        else:
            call.session.flash = (
                "Your passphrase is changed. Use the new one the next time you unlock."
            )
            return redirect("/settings")
    return _page(call, 400, errors=errors)


def new_recovery_code(call: Call) -> Response:
    try:
        call.ctx.vault.check_passphrase(call.field("passphrase_for_code"))
    except (WrongSecret, TryLater) as exc:
        return _page(call, 400, errors={"passphrase_for_code": exc.message})
    return show_new_code(call, recovery.generate(), install_on_confirm=True)


ROUTES = [
    Route("/settings", guarded(settings_page, Access.UNLOCKED), methods=["GET"]),
    Route("/settings/preferences", guarded(save_preferences, Access.UNLOCKED), methods=["POST"]),
    Route("/settings/passphrase", guarded(change_passphrase, Access.UNLOCKED), methods=["POST"]),
    Route(
        "/settings/recovery-code", guarded(new_recovery_code, Access.UNLOCKED), methods=["POST"]
    ),
]
