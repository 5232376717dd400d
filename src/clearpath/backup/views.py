"""Routes of the backup area (route names "backup.action"): the backup page, a backup into a
folder or as a download, the choices, and the home page reminder. Restore, shares, export and
the copy for a trusted person have their own modules; their routes are gathered here."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from clearpath.backup import services
from clearpath.backup.errors import BackupError
from clearpath.backup.forms import folder_field, optional_passphrase
from clearpath.backup.making import backup_name, encrypted_pieces
from clearpath.backup.trusted import describe_size
from clearpath.vault.errors import DiskFull, VaultLocked
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render

KIND_WORDS = {
    "folder": "Saved to a folder",
    "download": "Downloaded",
    "trusted": "Copy for a trusted person",
    "command": "Made from the command line",
}


def _reminder(db: Session, today: date) -> list[Any]:
    from clearpath.web.home_views import Panel  # the home page imports this module

    due, last = services.reminder_due(db, today)
    return [
        Panel(
            template="backup/panel_reminder.html",
            values={"due": due, "last": _when(last) if last else None},
        )
    ]


# Home page panels this area adds: each takes the vault session and today's date and returns
# a list of clearpath.web.home_views.Panel (typed loosely here: web imports this module).
HOME_PANELS: list[Callable[[Session, date], list[Any]]] = [_reminder]


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%d %B %Y} at {local:%H:%M}"


def _page(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        choices = services.read_choices(db)
        history = services.recent_backups(db)
    shown = values.pop("shown", None) or {
        "folder": choices.folder or "",
        "keep_last": str(choices.keep_last),
        "remind_days": str(choices.remind_days),
    }
    rows = [
        {
            "when": _when(r.made_at if r.made_at.tzinfo else r.made_at.replace(tzinfo=UTC)),
            "how": KIND_WORDS.get(r.kind, r.kind),
            "size": describe_size(r.size),
            "place": r.place or "",
        }
        for r in history
    ]
    # Without a usual folder, offer the one used last time.
    last_folder = next(
        (str(Path(r.place).parent) for r in history if r.kind == "folder" and r.place), ""
    )
    values.setdefault("now_folder", choices.folder or last_folder)
    return render(
        call.request,
        "backup/backup.html",
        call.session,
        status,
        choices=choices,
        shown=shown,
        history=rows,
        **values,
    )


def backup_page(call: Call) -> Response:
    return _page(call)


def backup_now(call: Call) -> Response:
    errors: dict[str, str] = {}
    folder = folder_field(call, errors)
    extra = optional_passphrase(call, errors)
    shown = {"folder": call.field("folder")}
    if errors or folder is None:
        return _page(call, 400, errors=errors, now_folder=shown["folder"])
    with call.ctx.vault.session() as db:
        keep = services.read_choices(db).keep_last
    try:
        made, removed = services.backup_to_folder(
            call.ctx.vault, folder, keep_last=keep, backup_passphrase=extra
        )
    except (BackupError, DiskFull) as exc:
        return _page(call, 400, errors={"folder": exc.message}, now_folder=shown["folder"])
    except PermissionError:
        errors["folder"] = "This program may not write in that folder. Please choose another."
        return _page(call, 400, errors=errors, now_folder=shown["folder"])
    gone = f" {len(removed)} older backup(s) there were removed." if removed else ""
    call.session.flash = (
        f"Your backup is saved as {made.path.name if made.path else ''} "
        f"({describe_size(made.size)}).{gone}"
    )
    return redirect("/backup")


def download(call: Call) -> Response:
    errors: dict[str, str] = {}
    extra = optional_passphrase(call, errors)
    if errors:
        renamed = {f"download_{k}": v for k, v in errors.items()}
        return _page(call, 400, errors=renamed)
    vault = call.ctx.vault

    def pieces() -> Iterator[bytes]:
        size = 0
        for piece in encrypted_pieces(vault, backup_passphrase=extra):
            size += len(piece)
            yield piece
        # The whole file was handed over: note it (the browser saved it where it was told).
        # Locked meanwhile (idle, quick exit): the download is whole, only the note is lost.
        with contextlib.suppress(VaultLocked), vault.session() as db:
            services.record_backup(db, "download", None, size)

    name = backup_name(datetime.now())
    return StreamingResponse(
        pieces(),
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def save_choices(call: Call) -> Response:
    try:
        choices = services.parse_choices(
            call.field("folder"), call.field("keep_last"), call.field("remind_days")
        )
    except services.ChoiceError as exc:
        shown = {k: call.field(k) for k in ("folder", "keep_last", "remind_days")}
        return _page(call, 400, errors={f"choice_{exc.field}": exc.message}, shown=shown)
    with call.ctx.vault.session() as db:
        services.save_choices(db, choices)
    call.session.flash = "Your backup choices are saved."
    return redirect("/backup#choices")


def _more_routes() -> list[BaseRoute]:
    from clearpath.backup import export_views, restore_views, share_views, trusted_views

    return [
        *restore_views.ROUTES,
        *share_views.ROUTES,
        *export_views.ROUTES,
        *trusted_views.ROUTES,
    ]


ROUTES: list[BaseRoute] = [
    Route("/backup", guarded(backup_page, Access.UNLOCKED), methods=["GET"], name="backup.page"),
    Route("/backup/now", guarded(backup_now, Access.UNLOCKED), methods=["POST"], name="backup.now"),
    Route(
        "/backup/download",
        guarded(download, Access.UNLOCKED),
        methods=["POST"],
        name="backup.download",
    ),
    Route(
        "/backup/choices",
        guarded(save_choices, Access.UNLOCKED),
        methods=["POST"],
        name="backup.choices",
    ),
    *_more_routes(),
]
