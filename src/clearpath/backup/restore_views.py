"""The restore page, reached from the first-run screen (and the unlock page): the person gives
the path of a backup file on this computer and the secret that opens it. No upload: the file is
read where it is, so nothing is spooled to a temporary folder."""

from __future__ import annotations

from pathlib import Path

from starlette.responses import Response
from starlette.routing import Route

from clearpath.backup.errors import (
    BackupDamaged,
    BackupError,
    BackupSecretWrong,
    BackupTargetInUse,
    BackupTooNew,
    NotABackup,
)
from clearpath.backup.restoring import restore_backup
from clearpath.vault.errors import DiskFull
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render

MAX_PATH = 1000
MAX_SECRET = 1000

ASK_FOR_IT = "Please type the passphrase, recovery code or backup passphrase."
TOO_LONG_FOR_ONE = "That is longer than any passphrase this program accepts."


def _show(call: Call, status: int = 200, errors: dict[str, str] | None = None) -> Response:
    return render(
        call.request,
        "backup/restore.html",
        call.session,
        status,
        errors=errors or {},
        has_vault=call.ctx.vault.exists(),
        typed_path=call.field("backup_path"),
        replace_checked=call.field("replace") == "on",
        keep_checked=call.field("keep_old") == "on",
    )


def _backup_file(typed: str, errors: dict[str, str]) -> Path | None:
    if not typed:
        errors["backup_path"] = "Please give the path of the backup file."
        return None
    if len(typed) > MAX_PATH:
        errors["backup_path"] = "Please use a path under 1000 characters."
        return None
    path = Path(typed).expanduser()
    if not path.is_absolute():
        errors["backup_path"] = "Please give the whole path, starting with / (or ~)."
    elif not path.is_file():
        errors["backup_path"] = "There is no file there. Check the path and the drive."
    else:
        return path
    return None


def restore_page(call: Call) -> Response:
    vault = call.ctx.vault
    if vault.unlocked:
        call.session.flash = "Lock your vault first if you want to restore a backup over it."
        return redirect("/backup")
    if call.request.method == "GET":
        return _show(call)
    errors: dict[str, str] = {}
    path = _backup_file(call.field("backup_path").strip(), errors)
    secret = call.field("secret")
    if not secret:
        errors["secret"] = ASK_FOR_IT
    elif len(secret) > MAX_SECRET:
        errors["secret"] = TOO_LONG_FOR_ONE
    replace = call.field("replace") == "on"
    if vault.exists() and not replace and not errors:
        errors["replace"] = (
            "There is a vault here already. Tick the box to replace it (it is kept aside "
            "until the restore has worked), or leave it as it is."
        )
    if errors or path is None:
        return _show(call, 400, errors)
    try:
        done = restore_backup(
            path,
            vault.paths.root,
            secret,
            replace=replace,
            keep_old=call.field("keep_old") == "on",
        )
    except BackupSecretWrong as exc:
        return _show(call, 400, {"secret": exc.message})
    except (NotABackup, BackupTooNew, BackupDamaged) as exc:
        return _show(call, 400, {"backup_path": exc.message})
    except BackupTargetInUse as exc:
        return _show(call, 400, {"replace": exc.message})
    except (BackupError, DiskFull, PermissionError) as exc:
        message = getattr(exc, "message", "This program may not read that file.")
        return _show(call, 400, {"backup_path": message})
    kept = (
        f" The vault that was here before is kept in {done.kept_aside}." if done.kept_aside else ""
    )
    call.session.flash = (
        f"Your vault is back, as it was on {done.created_at[:10]}, with {done.files} stored "
        f"file{'s' if done.files != 1 else ''}. Unlock it with the passphrase it had then.{kept}"
    )
    return redirect("/unlock")


ROUTES = [
    Route(
        "/restore",
        guarded(restore_page, Access.SESSION),
        methods=["GET", "POST"],
        name="backup.restore",
    ),
]
