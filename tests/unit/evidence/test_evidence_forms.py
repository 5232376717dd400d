"""Reading the incident forms: what was typed stays as typed; the fields it means."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import FormData

from clearpath.evidence import forms
from clearpath.evidence.records import IncidentFields, Person


def test_full_form_round_trip() -> None:
    data = FormData(
        [
            ("title", "  Car park  "),
            ("what_happened", "line one\r\nline two"),
            ("occurred_on", "2026-10-01"),
            ("occurred_time", "21:30"),
            ("categories", "threats"),
            ("categories", "not-a-kind"),
            ("own_categories", "Following me, , Car"),
            ("person_name_0", "Ana"),
            ("person_role_0", "witness"),
            ("person_contact_2", "only a contact"),
            ("person_name_9", "beyond the rows"),
            ("linked_incidents", "#3, 7 ,3"),
            ("approximate", "yes"),
        ]
    )
    form = forms.read_form(data)
    values, errors = forms.to_fields(form)
    assert errors == {}
    assert values is not None
    assert values.title == "Car park"
    assert values.what_happened == "line one\nline two"
    assert values.occurred_on == date(2026, 10, 1)
    assert values.categories == ("threats", "own:Following me", "own:Car")
    assert values.people == (Person("Ana", "witness"), Person("", "present", "only a contact"))
    assert values.linked_incidents == (3, 7)
    assert values.approximate
    again = forms.form_from_fields(values)
    assert again.value("own_categories") == "Following me, Car"
    assert again.value("linked_incidents") == "3, 7"


def test_unreadable_values_are_named() -> None:
    form = forms.read_form(FormData([("occurred_on", "tomorrow"), ("linked_incidents", "three")]))
    values, errors = forms.to_fields(form)
    assert values is None
    assert set(errors) == {"occurred_on", "linked_incidents"}


def test_people_rows_grow_up_to_six() -> None:
    assert len(forms.blank_form().people_rows()) == forms.PEOPLE_ROWS
    many = forms.form_from_fields(IncidentFields(title="x", people=(Person("a"),) * 5))
    assert len(many.people_rows()) == forms.MAX_PEOPLE_ROWS


def test_quick_capture() -> None:
    _, values, errors = forms.quick_fields(FormData([("what_happened", "  He   shouted  ")]))
    assert errors == {}
    assert values is not None
    assert values.title == "He shouted"
    _, none, errors = forms.quick_fields(FormData([("title", " ")]))
    assert none is None
    assert "title" in errors
