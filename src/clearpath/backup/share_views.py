"""Recovery shares in the browser: split the recovery code into printable shares, and put
shares back together (reachable while locked, from the recovery page)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.backup import shares
from clearpath.vault import keyslots, recovery
from clearpath.vault.errors import MalformedRecoveryCode
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

MAX_TYPED = 200
COMBINE_FIELDS = shares.MAX_SHARES


def _split_form(call: Call, status: int = 200, errors: dict[str, str] | None = None) -> Response:
    return render(
        call.request,
        "backup/shares.html",
        call.session,
        status,
        errors=errors or {},
        typed_k=call.field("needed") or "2",
        typed_n=call.field("total") or "3",
        max_shares=shares.MAX_SHARES,
    )


def _number(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def split_page(call: Call) -> Response:
    if call.request.method == "GET":
        return _split_form(call)
    errors: dict[str, str] = {}
    typed = call.field("recovery_code")
    needed, total = _number(call.field("needed")), _number(call.field("total"))
    if total is None or not shares.MIN_SHARES <= total <= shares.MAX_SHARES:
        errors["total"] = f"Please choose from {shares.MIN_SHARES} to {shares.MAX_SHARES} shares."
    if needed is None or not shares.MIN_SHARES <= needed <= (total or shares.MAX_SHARES):
        errors["needed"] = "Please choose at least 2, and no more than the number of shares."
    code = ""
    if len(typed) > MAX_TYPED:
        errors["recovery_code"] = "That is much longer than a recovery code."
    else:
        try:
            code = recovery.parse(typed)
        except MalformedRecoveryCode as exc:
            errors["recovery_code"] = exc.message
    if code and not errors and not _opens_this_vault(call, code):
        errors["recovery_code"] = (
            "That is not the current recovery code of this vault. Check it, or make a new one "
            "in Settings first."
        )
    if errors or needed is None or total is None:
        return _split_form(call, 400, errors)
    made = shares.split_code(code, needed, total)
    return render(
        call.request, "backup/shares_made.html", call.session, shares=made, k=needed, n=total
    )


def _opens_this_vault(call: Call, code: str) -> bool:
    slot = call.ctx.vault.keyfile().slot(keyslots.RECOVERY)
    data_key = keyslots.unwrap(slot, code) if slot is not None else None
    if data_key is None:
        return False
    data_key[:] = bytes(len(data_key))
    return True


def combine_page(call: Call) -> Response:
    typed = [call.field(f"share_{i}") for i in range(1, COMBINE_FIELDS + 1)]
    values: dict[str, Any] = {"typed": typed, "fields": COMBINE_FIELDS}
    if call.request.method == "GET":
        return render(call.request, "backup/combine.html", call.session, **values)
    if any(len(t) > MAX_TYPED for t in typed):
        errors = {"share_1": "One of these is much longer than a share. Please check them."}
        return render(
            call.request, "backup/combine.html", call.session, 400, errors=errors, **values
        )
    try:
        code = shares.combine_code(typed)
    except shares.SharesError as exc:
        errors = {"share_1": str(exc)}
        return render(
            call.request, "backup/combine.html", call.session, 400, errors=errors, **values
        )
    return render(
        call.request,
        "backup/combine.html",
        call.session,
        code_groups=recovery.groups(code),
        **{**values, "typed": [""] * COMBINE_FIELDS},
    )


ROUTES = [
    Route(
        "/backup/shares",
        guarded(split_page, Access.UNLOCKED),
        methods=["GET", "POST"],
        name="backup.shares",
    ),
    Route(
        "/shares/combine",
        guarded(combine_page, Access.SESSION),
        methods=["GET", "POST"],
        name="backup.combine",
    ),
]
