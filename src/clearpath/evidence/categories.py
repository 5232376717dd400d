"""The named kinds of incident, plus any a person adds in their own words."""

from __future__ import annotations

from collections.abc import Iterable

# (key, label). Keys are stored; labels are shown and printed.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("verbal", "Verbal or emotional abuse"),
    ("threats", "Threats"),
    ("physical", "Physical"),
    ("sexual", "Sexual"),
    ("financial", "Financial control"),
    ("isolation", "Isolation"),
    ("monitoring", "Monitoring or stalking"),
    ("harassment", "Harassment after leaving"),
    ("property", "Property damage"),
    ("children", "Child-related"),
    ("legal", "Legal threats or abuse of process"),
    ("smear", "Smear campaign"),
    ("hoovering", "Hoovering (being pulled back in)"),
    ("digital", "Digital abuse"),
)
LABELS = dict(CATEGORIES)
OWN_PREFIX = "own:"
MAX_OWN_LENGTH = 60


def normalise(values: Iterable[str]) -> list[str]:
    """Stored values for ``values``: a known key or label (any case) becomes its key, anything
    else is a category in the person's own words ("own:..."). Order kept, repeats dropped."""
    by_label = {label.casefold(): key for key, label in CATEGORIES}
    result: list[str] = []
    for raw in values:
        text = " ".join(raw.split())
        if not text:
            continue
        if text in LABELS:
            value = text
        elif text.casefold() in by_label:
            value = by_label[text.casefold()]
        elif text.startswith(OWN_PREFIX):
            value = OWN_PREFIX + text[len(OWN_PREFIX) :].strip()
        else:
            value = OWN_PREFIX + text
        if value not in result and value != OWN_PREFIX:
            result.append(value)
    return result


def label(value: str) -> str:
    """How a stored category value is shown: its label, or the person's own words."""
    if value.startswith(OWN_PREFIX):
        return value[len(OWN_PREFIX) :]
    return LABELS.get(value, value)
