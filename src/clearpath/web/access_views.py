"""Getting in and out: launch, create, recovery code, unlock, recover, lock, quick exit."""

from __future__ import annotations

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from clearpath.vault import recovery, strength
from clearpath.vault.errors import MalformedRecoveryCode, TryLater, WeakPassphrase, WrongSecret
from clearpath.web.context import AppContext, context_of
from clearpath.web.forms import check_confirmation, mismatch_errors, pick_confirm_groups
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import neutral_page, redirect, render
from clearpath.web.state import BrowserSession

# No "cache": every response is no-store, so there is nothing to clear, and Chromium can
# hold the response carrying it for seconds while it clears the cache, delaying the exit.
CLEAR_SITE_DATA = '"cookies", "storage"'


def _redirect_as(request: Request, path: str, session: BrowserSession) -> Response:
    """Redirect and hand the browser this session's cookie."""
    response = redirect(path)
    # No Expires/Max-Age: the cookie lives only as long as the browser session.
    response.set_cookie(
        context_of(request).cookie_name,
        session.id,
        path="/",
        httponly=True,
        samesite="strict",
        secure=False,
    )
    return response


async def launch(request: Request) -> Response:
    ctx = context_of(request)
    if not ctx.launch.consume(request.query_params.get("token", "")):
        return neutral_page(request)
    return _redirect_as(request, "/", ctx.sessions.create())


def home_or_entry(call: Call) -> Response:
    """The front door: create, unlock or the home page, whichever fits."""
    vault = call.ctx.vault
    if not vault.exists():
        return redirect("/create")
    if not vault.unlocked:
        return redirect("/unlock")
    if call.session.pending_code:
        return redirect("/recovery-code")
    return redirect("/home")


def create(call: Call) -> Response:
    vault = call.ctx.vault
    if vault.exists():
        return redirect("/unlock")
    if call.request.method == "GET":
        return render(call.request, "access/create.html", call.session)
    first, second = call.field("passphrase"), call.field("passphrase_again")
    errors = mismatch_errors(first, second)
    if not errors:
        try:
            code = vault.create(first)
        except WeakPassphrase as exc:
            errors["passphrase"] = exc.message
        else:
            return show_new_code(call, code)
    return render(call.request, "access/create.html", call.session, 400, errors=errors)


def show_new_code(call: Call, code: str, install_on_confirm: bool = False) -> Response:
    """Show a recovery code and ask for two of its groups back.

    ``install_on_confirm``: the code replaces the old one only once it is confirmed, so a
    code the person never saw (the window closed, a quick exit) never locks them out.
    """
    session = call.ctx.sessions.rotate(call.session)
    session.pending_code = code
    session.install_code = install_on_confirm
    session.confirm_groups = pick_confirm_groups()
    return _redirect_as(call.request, "/recovery-code", session)


def recovery_code(call: Call) -> Response:
    session = call.session
    code = session.pending_code
    if code is None:
        return redirect("/home")
    if call.request.method == "POST" and session.install_code and call.field("keep_old"):
        # Changed their mind in Settings: the new code was never installed, so nothing to undo.
        _forget_pending_code(session)
        session.flash = "Nothing changed. Your old recovery code still works."
        return redirect("/settings")
    if call.request.method == "POST":
        typed = {n: call.field(f"group_{n}") for n in session.confirm_groups}
        errors = check_confirmation(code, session.confirm_groups, typed)
        if not errors:
            if session.install_code:
                call.ctx.vault.replace_recovery_code(code)
                session.flash = "Your new recovery code is in use. The old one no longer works."
            else:
                session.flash = "Your recovery code is confirmed. Keep it somewhere safe."
            _forget_pending_code(session)
            return redirect("/home")
        status = 400
    else:
        errors, status = {}, 200
    return render(
        call.request,
        "access/recovery_code.html",
        session,
        status,
        groups=recovery.groups(code),
        confirm_groups=session.confirm_groups,
        can_keep_old=session.install_code,
        errors=errors,
    )


def _forget_pending_code(session: BrowserSession) -> None:
    session.pending_code = None
    session.install_code = False
    session.confirm_groups = ()


def unlock(call: Call) -> Response:
    vault = call.ctx.vault
    if not vault.exists():
        return redirect("/create")
    if vault.unlocked:
        return home_or_entry(call)
    wait = vault.wait_seconds()
    if call.request.method == "GET":
        return render(call.request, "access/unlock.html", call.session, wait_seconds=wait)
    try:
        vault.unlock(call.field("passphrase"))
    except (WrongSecret, TryLater) as exc:
        wait = exc.seconds if isinstance(exc, TryLater) else exc.wait_seconds
        return render(
            call.request,
            "access/unlock.html",
            call.session,
            400,
            errors={"passphrase": exc.message},
            wait_seconds=wait,
        )
    call.ctx.activity.touch()
    return _redirect_as(call.request, "/home", call.ctx.sessions.rotate(call.session))


def recover(call: Call) -> Response:
    vault = call.ctx.vault
    if not vault.exists():
        return redirect("/create")
    if call.request.method == "GET":
        return render(call.request, "access/recover.html", call.session)
    first, second = call.field("passphrase"), call.field("passphrase_again")
    errors = mismatch_errors(first, second)
    if not errors:
        try:
            new_code = vault.recover(call.field("recovery_code"), first)
        except WeakPassphrase as exc:
            errors["passphrase"] = exc.message
        except (MalformedRecoveryCode, WrongSecret, TryLater) as exc:
            errors["recovery_code"] = exc.message
        else:
            call.ctx.activity.touch()
            return show_new_code(call, new_code)
    return render(call.request, "access/recover.html", call.session, 400, errors=errors)


def lock(call: Call) -> Response:
    call.ctx.vault.lock()
    call.session.flash = "Locked. Your notes are safe."
    return redirect("/unlock")


def strength_check(call: Call) -> Response:
    verdict = strength.assess(call.field("passphrase"))
    return JSONResponse(
        {
            "score": verdict.score,
            "label": verdict.label,
            "message": verdict.message,
            "acceptable": verdict.acceptable,
        }
    )


def heartbeat(call: Call) -> Response:
    return Response(status_code=204)


async def quick_exit(request: Request) -> Response:
    """Lock, forget every session, clear the browser's copy, go to the neutral site.

    It needs no session and no CSRF token on purpose: leaving must never fail, and all it
    can do is lock. Requests from other sites are refused before they get here.
    """
    ctx = context_of(request)
    prefs = ctx.preferences()
    await run_in_threadpool(ctx.lock_everything)
    if prefs.stop_server_on_exit:
        task = BackgroundTask(ctx.request_shutdown)
    else:
        task = BackgroundTask(_announce_new_launch, ctx)
    response: Response
    if request.method == "POST":
        response = Response(status_code=204, background=task)
    else:
        response = RedirectResponse(prefs.exit_url, status_code=303, background=task)
    response.headers["clear-site-data"] = CLEAR_SITE_DATA
    response.delete_cookie(ctx.cookie_name, path="/", httponly=True, samesite="strict")
    return response


def _announce_new_launch(ctx: AppContext) -> None:
    # The server keeps running, but every session is gone: the terminal gets a fresh address.
    ctx.announce_launch_url(ctx.launch_url())


ROUTES = [
    Route("/launch", launch, methods=["GET"]),
    Route("/", guarded(home_or_entry, Access.SESSION), methods=["GET"]),
    Route("/create", guarded(create, Access.SESSION), methods=["GET", "POST"]),
    Route("/recovery-code", guarded(recovery_code, Access.UNLOCKED), methods=["GET", "POST"]),
    Route("/unlock", guarded(unlock, Access.SESSION), methods=["GET", "POST"]),
    Route("/recover", guarded(recover, Access.SESSION), methods=["GET", "POST"]),
    Route("/lock", guarded(lock, Access.SESSION), methods=["POST"]),
    Route("/strength", guarded(strength_check, Access.SESSION), methods=["POST"]),
    Route("/heartbeat", guarded(heartbeat, Access.UNLOCKED), methods=["POST"]),
    Route("/exit", quick_exit, methods=["GET", "POST"]),
]
