"""The message templates: enough of them, every placeholder a field, filling is safe."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clearpath.contact import message_templates as mt

REQUIRED_KINDS = {
    "reconnect",
    "leaving_now",
    "one_channel",
    "decline_meeting",
    "return_gifts",
    "handover",
    "schedule_change",
    "documents",
    "lawyer",
    "go_between",
    "no_relationship_talk",
    "confirm_agreement",
    "reply_by",
    "emergency_only",
    "smear",
}


def test_the_issue_asks_for_three_named_and_twelve_more() -> None:
    assert set(mt.BY_KEY) >= REQUIRED_KINDS
    assert len(mt.TEMPLATES) >= 15
    assert len(mt.BY_KEY) == len(mt.TEMPLATES)


def test_every_placeholder_is_a_field_and_every_field_is_used() -> None:
    for template in mt.TEMPLATES:
        names = [field.name for field in template.fields]
        assert len(names) == len(set(names)), template.key
        assert mt.placeholders(template) == set(names), template.key


def test_the_messages_stay_short() -> None:
    for template in mt.TEMPLATES:
        sentences = [s for s in template.body.replace("?", ".").split(". ") if s.strip()]
        assert len(sentences) <= 5, template.key


def test_empty_fields_show_their_label_in_brackets() -> None:
    text = mt.fill(mt.BY_KEY["one_channel"], {"channel": "  the   app "})
    assert text.startswith(
        "From now on, please send everything about the children through the app."
    )
    assert "[how soon you will reply]" in text
    assert "{" not in text


@given(st.dictionaries(st.sampled_from(["topic", "channel"]), st.text(max_size=50)))
def test_filling_never_interprets_what_was_typed(values: dict[str, str]) -> None:
    text = mt.fill(mt.BY_KEY["reconnect"], values)
    for value in values.values():
        assert " ".join(value.split()) in text
    assert text.startswith("I have made my decision and it is final.")
