"""Pages for the message templates: pick one, fill its fields, copy the text.

The filled text is shown on the page only: it is not saved and never sent anywhere. The form
is a POST so the person's words never appear in an address.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.contact import message_templates
from clearpath.contact.forms import FormReader
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


def index(call: Call) -> Response:
    return render(
        call.request,
        "contact/templates.html",
        call.session,
        templates=message_templates.TEMPLATES,
    )


def _page(
    call: Call, template: message_templates.MessageTemplate, status: int = 200, **values: Any
) -> Response:
    return render(
        call.request,
        "contact/template.html",
        call.session,
        status,
        message=template,
        limit=message_templates.FIELD_LIMIT,
        form=call.form,
        **values,
    )


def _template(call: Call) -> message_templates.MessageTemplate | None:
    return message_templates.BY_KEY.get(call.request.path_params["key"])


def show(call: Call) -> Response:
    template = _template(call)
    if template is None:
        return redirect("/contact/templates")
    return _page(call, template, result=message_templates.fill(template, {}), filled=False)


def fill(call: Call) -> Response:
    template = _template(call)
    if template is None:
        return redirect("/contact/templates")
    read = FormReader(call.field)
    values = {
        field.name: read.text(field.name, field.label.lower(), message_templates.FIELD_LIMIT)
        for field in template.fields
    }
    if not read.ok:
        return _page(
            call,
            template,
            400,
            errors=read.errors,
            result=message_templates.fill(template, {}),
            filled=False,
        )
    return _page(call, template, result=message_templates.fill(template, values), filled=True)


ROUTES = [
    Route(
        "/contact/templates",
        guarded(index, Access.UNLOCKED),
        methods=["GET"],
        name="contact.templates",
    ),
    Route(
        "/contact/templates/{key:str}",
        guarded(show, Access.UNLOCKED),
        methods=["GET"],
        name="contact.template",
    ),
    Route(
        "/contact/templates/{key:str}",
        guarded(fill, Access.UNLOCKED),
        methods=["POST"],
        name="contact.template_fill",
    ),
]
