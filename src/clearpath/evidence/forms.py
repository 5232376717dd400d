"""Reading the incident forms: what was typed, kept as typed for a re-shown form, and the
IncidentFields it means (or a message per field that cannot be read)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from starlette.datastructures import FormData

from clearpath.evidence.categories import CATEGORIES, OWN_PREFIX
from clearpath.evidence.records import PRESENT, ROLES, IncidentFields, Person

# The app's forms take at most 50 fields (guards.MAX_FORM_FIELDS): 15 text fields, 14 kinds,
# the approximate box and the token leave room for six people of three fields each.
PEOPLE_ROWS = 3
MAX_PEOPLE_ROWS = 6
TEXT_FIELDS = (
    "title",
    "what_happened",
    "occurred_on",
    "occurred_until",
    "occurred_time",
    "timezone",
    "place",
    "injuries",
    "medical",
    "report_numbers",
    "effects_sleep",
    "effects_work",
    "effects_health",
    "linked_incidents",
    "own_categories",
)
QUICK_TITLE_WORDS = 60
_NUMBER = re.compile(r"\d+")


@dataclass
class IncidentForm:
    """The form as typed: text per field, the chosen kinds, the people rows."""

    text: dict[str, str] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    approximate: bool = False
    people: list[Person] = field(default_factory=list)

    def value(self, name: str) -> str:
        return self.text.get(name, "")

    def people_rows(self) -> list[Person]:
        """The people typed, plus empty rows to add more (up to MAX_PEOPLE_ROWS in all)."""
        rows = list(self.people)[:MAX_PEOPLE_ROWS]
        while len(rows) < min(MAX_PEOPLE_ROWS, max(PEOPLE_ROWS, len(self.people) + 1)):
            rows.append(Person(""))
        return rows


def blank_form(today: date | None = None) -> IncidentForm:
    form = IncidentForm()
    if today:
        form.text["occurred_on"] = today.isoformat()
    return form


def form_from_fields(values: IncidentFields) -> IncidentForm:
    """The form filled with a saved version (for editing)."""
    known = {key for key, _ in CATEGORIES}
    own = [c[len(OWN_PREFIX) :] for c in values.categories if c not in known]
    return IncidentForm(
        text={
            "title": values.title,
            "what_happened": values.what_happened,
            "occurred_on": values.occurred_on.isoformat() if values.occurred_on else "",
            "occurred_until": values.occurred_until.isoformat() if values.occurred_until else "",
            "occurred_time": values.occurred_time or "",
            "timezone": values.timezone or "",
            "place": values.place,
            "injuries": values.injuries,
            "medical": values.medical,
            "report_numbers": values.report_numbers,
            "effects_sleep": values.effects_sleep,
            "effects_work": values.effects_work,
            "effects_health": values.effects_health,
            "linked_incidents": ", ".join(str(i) for i in values.linked_incidents),
            "own_categories": ", ".join(own),
        },
        categories=[c for c in values.categories if c in known],
        approximate=values.approximate,
        people=list(values.people),
    )


def read_form(data: FormData) -> IncidentForm:
    """What was typed in the full form."""
    text = {name: _text(data, name) for name in TEXT_FIELDS}
    known = {key for key, _ in CATEGORIES}
    categories = [c for c in data.getlist("categories") if isinstance(c, str) and c in known]
    people = []
    for n in range(MAX_PEOPLE_ROWS):
        name = _text(data, f"person_name_{n}")
        contact = _text(data, f"person_contact_{n}")
        role = _text(data, f"person_role_{n}")
        if name.strip() or contact.strip():
            people.append(Person(name.strip(), role if role in ROLES else PRESENT, contact.strip()))
    return IncidentForm(
        text=text,
        categories=categories,
        approximate=_text(data, "approximate") in ("yes", "on"),
        people=people,
    )


def to_fields(form: IncidentForm) -> tuple[IncidentFields | None, dict[str, str]]:
    """The fields the form means, or None and a message per field that cannot be read."""
    errors: dict[str, str] = {}
    occurred_on = _date(form.value("occurred_on"), "occurred_on", errors)
    occurred_until = _date(form.value("occurred_until"), "occurred_until", errors)
    links: list[int] = []
    linked_text = form.value("linked_incidents")
    leftover = _NUMBER.sub("", linked_text).replace(",", "").replace("#", "").split()
    if leftover:
        errors["linked_incidents"] = (
            "Please write incident numbers only, separated by commas, like 3, 12."
        )
    for number in _NUMBER.findall(linked_text):
        if int(number) not in links:
            links.append(int(number))
    own = [p.strip() for p in form.value("own_categories").split(",") if p.strip()]
    if errors:
        return None, errors
    values = IncidentFields(
        title=form.value("title").strip(),
        what_happened=_lines(form.value("what_happened")),
        occurred_on=occurred_on,
        occurred_until=occurred_until,
        occurred_time=form.value("occurred_time").strip() or None,
        timezone=form.value("timezone").strip() or None,
        approximate=form.approximate,
        categories=(*form.categories, *(OWN_PREFIX + o for o in own)),
        place=form.value("place").strip(),
        people=tuple(form.people),
        injuries=_lines(form.value("injuries")),
        medical=_lines(form.value("medical")),
        report_numbers=form.value("report_numbers").strip(),
        effects_sleep=_lines(form.value("effects_sleep")),
        effects_work=_lines(form.value("effects_work")),
        effects_health=_lines(form.value("effects_health")),
        linked_incidents=tuple(links[:1000]),
    )
    return values, errors


def quick_fields(data: FormData) -> tuple[IncidentForm, IncidentFields | None, dict[str, str]]:
    """The quick capture: a few words, when, and what happened (all but one optional)."""
    form = IncidentForm(
        text={name: _text(data, name) for name in ("title", "occurred_on", "what_happened")}
    )
    errors: dict[str, str] = {}
    occurred_on = _date(form.value("occurred_on"), "occurred_on", errors)
    title = form.value("title").strip()
    story = _lines(form.value("what_happened"))
    if not title and story.strip():
        # On a hard day one box is enough: the first words become the title.
        title = " ".join(story.split())[:QUICK_TITLE_WORDS]
    if not title:
        errors["title"] = "Please write a few words about what happened."
    if errors:
        return form, None, errors
    return form, IncidentFields(title=title, what_happened=story, occurred_on=occurred_on), {}


def _text(data: FormData, name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def _lines(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _date(value: str, name: str, errors: dict[str, str]) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[name] = "Please give the date as year-month-day, like 2026-03-14."
        return None
