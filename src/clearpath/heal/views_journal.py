"""Journal pages: write, read, change, search; prompts; turn an entry into an incident."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import contracts, journal
from clearpath.heal.checkins import MOODS
from clearpath.heal.forms import LONG, Fields
from clearpath.heal.journal import KINDS, EntryDraft, Filters
from clearpath.heal.prompts import PROMPT_GROUPS, all_prompts
from clearpath.heal.responses import invalid, path_id, saved, today
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render

TITLE_LIMIT = 200
NOT_THERE = "This entry is not in your journal any more."


def _query(call: Call, name: str) -> str:
    return call.request.query_params.get(name, "")[:200]


def _filters(field: Callable[[str], str]) -> tuple[Filters, dict[str, str], dict[str, str]]:
    form = Fields(field)
    query = form.text("q", "the search", 200)
    tag = form.text("tag", "the tag", 40)
    mood = form.number("mood", "the mood", 1, 5)
    kind = form.choice("kind", "the kind", ("", *KINDS), "")
    since = form.day("since", "the first date")
    until = form.day("until", "the last date")
    filters = Filters(query, tag.lower().lstrip("#"), mood, kind, since, until)
    return filters, form.errors, form.typed


def _page_number(value: str) -> int:
    return int(value) if value.isdigit() and len(value) < 6 else 0


def journal_page(call: Call) -> Response:
    """All entries, newest first; only a page number travels in the address."""
    return _journal(call, Filters(), {}, {}, _page_number(_query(call, "page")))


def search_page(call: Call) -> Response:
    """A search is posted, never put in the address: browser history keeps no search words."""
    filters, errors, typed = _filters(call.field)
    return _journal(call, filters, errors, typed, _page_number(call.field("page")))


def _journal(
    call: Call, filters: Filters, errors: dict[str, str], typed: dict[str, str], page: int
) -> Response:
    with call.ctx.vault.session() as db:
        found = journal.search(
            db, filters, limit=journal.PAGE_SIZE + 1, offset=page * journal.PAGE_SIZE
        )
        return render(
            call.request,
            "heal/journal.html",
            call.session,
            400 if errors else 200,
            found=found[: journal.PAGE_SIZE],
            more=len(found) > journal.PAGE_SIZE,
            page=page,
            filters=filters,
            filtering=any(
                (filters.query, filters.tag, filters.mood, filters.kind, filters.since,
                 filters.until)
            ),
            tags=journal.all_tags(db),
            total=journal.count_entries(db),
            moods=MOODS,
            kinds=KINDS,
            errors=errors,
            typed=typed,
        )


def _form_values(**values: Any) -> dict[str, Any]:
    return {"kinds": KINDS, "moods": MOODS, **values}


def new_entry(call: Call) -> Response:
    kind = _query(call, "kind") if _query(call, "kind") in KINDS else "entry"
    prompt = ""
    try:
        prompt = all_prompts()[int(_query(call, "prompt"))]
    except (ValueError, IndexError):
        prompt = ""
    typed = {"kind": kind, "day": today().isoformat(), "prompt": prompt}
    return render(call.request, "heal/journal_form.html", call.session, **_form_values(typed=typed))


def _read_entry(call: Call) -> tuple[EntryDraft | None, Fields]:
    form = Fields(call.field)
    kind = form.choice("kind", "the kind of entry", tuple(KINDS), "entry")
    day = form.day("day", "the date", required=True)
    mood = form.number("mood", "the mood", 1, 5)
    title = form.text("title", "the title", TITLE_LIMIT)
    body = form.text("body", "something", LONG, required=True)
    prompt = form.text("prompt", "the prompt", 500)
    try:
        tags = journal.parse_tags(form.raw("tags"))
    except journal.JournalError as exc:
        form.errors["tags"] = str(exc)
        tags = ()
    if form.errors or day is None:
        return None, form
    return EntryDraft(kind, day, mood, title, body, tags, prompt), form


def create_entry(call: Call) -> Response:
    draft, form = _read_entry(call)
    if draft is None:
        return invalid(
            call, "heal/journal_form.html", form.errors, **_form_values(typed=form.typed)
        )
    with call.ctx.vault.session() as db:
        entry = journal.add_entry(db, draft)
        message = {
            "letter": "Your letter is kept here. It goes nowhere else.",
            "morning": "Your morning pages are kept as you wrote them.",
        }.get(entry.kind, "Your entry is saved.")
        return saved(
            call,
            message,
            f"/heal/journal/{entry.id}",
            "heal/_journal_saved.html",
            entry=entry,
            note=message,
        )


def show_entry(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        entry = journal.get_entry(db, path_id(call))
        if entry is None:
            call.session.flash = NOT_THERE
            return redirect("/heal/journal")
        return render(
            call.request,
            "heal/journal_entry.html",
            call.session,
            entry=entry,
            tags=journal.tags_of(entry),
            kinds=KINDS,
            moods=MOODS,
        )


def edit_entry(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        entry = journal.get_entry(db, path_id(call))
        if entry is None or entry.kind == "morning":
            call.session.flash = NOT_THERE if entry is None else str(journal.KeptAsWritten())
            return redirect("/heal/journal" if entry is None else f"/heal/journal/{entry.id}")
        typed = {
            "kind": entry.kind,
            "day": entry.day.isoformat(),
            "mood": str(entry.mood or ""),
            "title": entry.title,
            "body": entry.body,
            "tags": " ".join(journal.tags_of(entry)),
            "prompt": entry.prompt,
        }
        return render(
            call.request,
            "heal/journal_form.html",
            call.session,
            **_form_values(typed=typed, entry_id=entry.id),
        )


def update_entry(call: Call) -> Response:
    entry_id = path_id(call)
    draft, form = _read_entry(call)
    if draft is None:
        return invalid(
            call,
            "heal/journal_form.html",
            form.errors,
            **_form_values(typed=form.typed, entry_id=entry_id),
        )
    try:
        with call.ctx.vault.session() as db:
            journal.update_entry(db, entry_id, draft)
    except journal.JournalError as exc:
        call.session.flash = str(exc)
        return redirect("/heal/journal")
    return saved(call, "Your changes are saved.", f"/heal/journal/{entry_id}")


def delete_entry(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        journal.delete_entry(db, path_id(call))
    return saved(call, "The entry is deleted.", "/heal/journal")


def to_incident(call: Call) -> Response:
    entry_id = path_id(call)
    with call.ctx.vault.session() as db:
        entry = journal.get_entry(db, entry_id)
        if entry is None:
            call.session.flash = NOT_THERE
            return redirect("/heal/journal")
        incident_id = entry.incident_id or contracts.make_incident(db, entry)
    call.session.flash = "It is now an incident in Evidence too, linked to this entry."
    return redirect(f"/evidence/incidents/{incident_id}")


def prompts_page(call: Call) -> Response:
    numbered: list[tuple[Any, list[tuple[int, str]]]] = []
    index = 0
    for group in PROMPT_GROUPS:
        items = []
        for prompt in group.prompts:
            items.append((index, prompt))
            index += 1
        numbered.append((group, items))
    return render(call.request, "heal/journal_prompts.html", call.session, groups=numbered)


ROUTES = [
    Route(
        "/heal/journal",
        guarded(journal_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.journal",
    ),
    Route(
        "/heal/journal",
        guarded(create_entry, Access.UNLOCKED),
        methods=["POST"],
        name="heal.journal_create",
    ),
    Route(
        "/heal/journal/search",
        guarded(search_page, Access.UNLOCKED),
        methods=["POST"],
        name="heal.journal_search",
    ),
    Route(
        "/heal/journal/new",
        guarded(new_entry, Access.UNLOCKED),
        methods=["GET"],
        name="heal.journal_new",
    ),
    Route(
        "/heal/journal/prompts",
        guarded(prompts_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.journal_prompts",
    ),
    Route(
        "/heal/journal/{item_id:int}",
        guarded(show_entry, Access.UNLOCKED),
        methods=["GET"],
        name="heal.journal_entry",
    ),
    Route(
        "/heal/journal/{item_id:int}/edit",
        guarded(edit_entry, Access.UNLOCKED),
        methods=["GET"],
        name="heal.journal_edit",
    ),
    Route(
        "/heal/journal/{item_id:int}/edit",
        guarded(update_entry, Access.UNLOCKED),
        methods=["POST"],
        name="heal.journal_update",
    ),
    Route(
        "/heal/journal/{item_id:int}/delete",
        guarded(delete_entry, Access.UNLOCKED),
        methods=["POST"],
        name="heal.journal_delete",
    ),
    Route(
        "/heal/journal/{item_id:int}/incident",
        guarded(to_incident, Access.UNLOCKED),
        methods=["POST"],
        name="heal.journal_incident",
    ),
]
