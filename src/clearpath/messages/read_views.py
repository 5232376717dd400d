"""Reading messages: the conversations, one conversation page by page, and search."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape
from starlette.responses import Response
from starlette.routing import Route

from clearpath.analysis.patterns import DAYS
from clearpath.charts.svg import Marker, Series, line_chart
from clearpath.evidence.services import list_incidents
from clearpath.messages import linking, reading
from clearpath.messages.patterns import received_pattern
from clearpath.messages.reading import ConversationNotFound, Filters, MessageView
from clearpath.messages.search import HIT_END, HIT_START
from clearpath.messages.timezones import device_zone
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NO_CONVERSATION = "There is no conversation at this address."
MAX_QUERY = 200


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def marked(view: MessageView) -> Markup:
    """The message text, escaped, with the matched words in <mark>."""
    text = str(escape(view.hit if view.hit is not None else view.text))
    return Markup(  # noqa: S704 - escaped above; only our own markers become tags
        text.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>")
    )


def home(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        conversations = reading.conversations(db)
    return render(call.request, "messages/home.html", call.session, conversations=conversations)


def conversation_page(call: Call) -> Response:
    conversation_id = int(call.request.path_params["conversation_id"])
    query = call.request.query_params
    calm = query.get("calm") == "1"
    before, after = _int(query.get("before")), _int(query.get("after"))
    # Where this page is, so switching the calm view keeps the person on the same messages.
    position = f"before={before}" if before else f"after={after}" if after else ""
    try:
        with call.ctx.vault.session() as db:
            summary = reading.conversation(db, conversation_id)
            page = reading.page(db, conversation_id, before=before, after=after)
            imports = reading.imports(db, conversation_id)
            attached = linking.attached_ids(db, [m.id for m in page.messages])
            incidents = [(i.id, i.fields.title) for i in list_incidents(db)]
    except ConversationNotFound:
        return error_page(call.request, call.session, 404, NO_CONVERSATION)
    return render(
        call.request,
        "messages/conversation.html",
        call.session,
        conversation=summary,
        page=page,
        calm=calm,
        position=position,
        imports=imports,
        attached=attached,
        incidents=incidents,
        max_chosen=MAX_AT_ONCE,
        marked=marked,
    )


def search_page(call: Call) -> Response:
    query = call.request.query_params
    words = query.get("q", "")[:MAX_QUERY]
    where = Filters(
        conversation_id=_int(query.get("conversation")),
        sender=query.get("sender") or None,
        since=_day(query.get("since")),
        until=_day(query.get("until")),
    )
    with call.ctx.vault.session() as db:
        hits = reading.find(db, words, where)
        conversations = reading.conversations(db)
        senders = reading.senders(db, where.conversation_id)
    values: dict[str, Any] = {
        "q": words,
        "where": where,
        "hits": hits,
        "conversations": conversations,
        "titles": {c.id: c.title for c in conversations},
        "senders": senders,
        "marked": marked,
    }
    return render(call.request, "messages/search.html", call.session, **values)


# Days without messages are drawn as zero (so a line between two busy days does not
# suggest the days between were busy too), for spans up to this long.
FILL_DAYS_UP_TO = 800


def _every_day(counts: list[tuple[date, int]]) -> list[tuple[date, float]]:
    if not counts or (counts[-1][0] - counts[0][0]).days > FILL_DAYS_UP_TO:
        return [(day, float(n)) for day, n in counts]
    known = dict(counts)
    first, last = counts[0][0], counts[-1][0]
    days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return [(day, float(known.get(day, 0))) for day in days]


def patterns_page(call: Call) -> Response:
    conversation_id = _int(call.request.query_params.get("conversation"))
    zone = device_zone()
    with call.ctx.vault.session() as db:
        conversations = reading.conversations(db)
        found = received_pattern(db, zone, conversation_id)
    shown = _every_day(found.per_day)
    chart = line_chart(
        [Series("Messages received", shown)],
        title="Messages received per day",
        y_min=0,
        y_max=float(max((n for _, n in found.per_day), default=1)),
        markers=[Marker(found.after_date, "No contact began")] if found.after_date else [],
    )
    peak = max((n for row in found.day_hour for n in row), default=0)
    return render(
        call.request,
        "messages/patterns.html",
        call.session,
        found=found,
        chart=chart,
        peak=peak,
        level=lambda n: 0 if n == 0 or peak == 0 else 1 + min(3, 4 * n // (peak + 1)),
        days=DAYS,
        conversations=conversations,
        conversation_id=conversation_id,
        zone=zone,
    )


# Each chosen message is one form field, and a form takes at most 50.
MAX_AT_ONCE = 40


def attach(call: Call) -> Response:
    chosen = [int(v) for v in call.form.getlist("message") if isinstance(v, str) and v.isdigit()]
    back = call.field("back")
    back = back if back.startswith("/messages/c/") and len(back) < 200 else "/messages"
    target = call.field("incident")
    incident_id = int(target) if target.isdigit() and len(target) < 12 else None
    if not chosen:
        call.session.flash = "Choose one or more messages first, with the boxes beside them."
        return redirect(back)
    try:
        with call.ctx.vault.session() as db:
            incident_id, added = linking.attach(db, chosen[:MAX_AT_ONCE], incident_id)
    except LookupError:
        return error_page(call.request, call.session, 404, "That incident is not there any more.")
    call.session.flash = (
        f"{added} message{'s' if added != 1 else ''} attached to incident {incident_id}. "
        "They are quoted, with where they came from, in its part of the evidence report."
    )
    return redirect(back)


ROUTES = [
    Route("/messages/attach", guarded(attach, Access.UNLOCKED), methods=["POST"],
          name="messages.attach"),
    Route("/messages/patterns", guarded(patterns_page, Access.UNLOCKED), methods=["GET"],
          name="messages.patterns"),
    Route("/messages", guarded(home, Access.UNLOCKED), methods=["GET"], name="messages.home"),
    Route(
        "/messages/c/{conversation_id:int}",
        guarded(conversation_page, Access.UNLOCKED),
        methods=["GET"],
        name="messages.conversation",
    ),
    Route(
        "/messages/search",
        guarded(search_page, Access.UNLOCKED),
        methods=["GET"],
        name="messages.search",
    ),
]
