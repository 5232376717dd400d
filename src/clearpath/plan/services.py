"""The safety plan's operations: lists, written answers and checklists. No web imports here.

Other areas read the plan through ``trusted_people`` and ``safe_places``. Every function
takes an open session; the caller commits (``vault.session()`` does).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.plan.forms import Value
from clearpath.plan.models import ChecklistMark, PlanEntry, PlanText, SafePlace, TrustedPerson
from clearpath.plan.parts import ChecklistSpec, ListSpec

Row = SafePlace | TrustedPerson | PlanEntry
OWN_PREFIX = "mine-"


class NotFound(LookupError):
    """No such entry, item or task (it may have been removed in another tab)."""


# -- for other areas -------------------------------------------------------------------------


def trusted_people(db: Session) -> list[TrustedPerson]:
    """The trusted people of the safety plan, in the order they were added.

    Each has ``.name``, ``.phone``, ``.role`` (the agreed roles in words) and ``.code_word``.
    """
    return list(db.scalars(select(TrustedPerson).order_by(TrustedPerson.id)))


def safe_places(db: Session) -> list[SafePlace]:
    """The safe places of the safety plan (``.name``, ``.address``, ``.contact``, ``.route``)."""
    return list(db.scalars(select(SafePlace).order_by(SafePlace.id)))


# -- lists ------------------------------------------------------------------------------------


def _model(spec: ListSpec) -> type[Row]:
    if spec.kind == "place":
        return SafePlace
    if spec.kind == "person":
        return TrustedPerson
    return PlanEntry


def list_entries(db: Session, spec: ListSpec) -> list[Row]:
    """The entries of one list, oldest first."""
    model = _model(spec)
    query = select(model).order_by(model.id)
    if model is PlanEntry:
        query = query.where(PlanEntry.kind == spec.kind)
    return list(db.scalars(query))


def count_entries(db: Session, spec: ListSpec) -> int:
    model = _model(spec)
    query = select(func.count()).select_from(model)
    if model is PlanEntry:
        query = query.where(PlanEntry.kind == spec.kind)
    return int(db.scalar(query) or 0)


def get_entry(db: Session, spec: ListSpec, entry_id: int) -> Row:
    """One entry of the list, or NotFound."""
    row = db.get(_model(spec), entry_id)
    if not isinstance(row, Row) or (isinstance(row, PlanEntry) and row.kind != spec.kind):
        raise NotFound(entry_id)
    return row


def _assign(row: Row, spec: ListSpec, values: Mapping[str, Value]) -> None:
    for field in spec.fields:
        setattr(row, field.name, values.get(field.name, False if field.kind == "check" else ""))


def add_entry(db: Session, spec: ListSpec, values: Mapping[str, Value]) -> Row:
    """Add an entry from checked form values (see forms.parse_form)."""
    model = _model(spec)
    row = PlanEntry(kind=spec.kind) if model is PlanEntry else model()
    _assign(row, spec, values)
    db.add(row)
    db.flush()
    return row


def update_entry(db: Session, spec: ListSpec, entry_id: int, values: Mapping[str, Value]) -> None:
    """Replace an entry's fields with checked form values."""
    _assign(get_entry(db, spec, entry_id), spec, values)


def remove_entry(db: Session, spec: ListSpec, entry_id: int) -> None:
    db.delete(get_entry(db, spec, entry_id))


# -- written answers --------------------------------------------------------------------------


def read_texts(db: Session, part: str) -> dict[str, str]:
    """The written answers of one part, by field name (missing ones are not in the dict)."""
    rows = db.scalars(select(PlanText).where(PlanText.part == part))
    return {row.field: row.value for row in rows}


def save_texts(db: Session, part: str, values: Mapping[str, Value]) -> None:
    """Save the written answers of one part (checked form values; empty clears one)."""
    rows = {row.field: row for row in db.scalars(select(PlanText).where(PlanText.part == part))}
    for name, value in values.items():
        text = str(value or "")
        row = rows.get(name)
        if row is None:
            db.add(PlanText(part=part, field=name, value=text))
        else:
            row.value = text


# -- checklists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One checklist line as the pages show it: a listed item or the person's own."""

    key: str
    label: str
    state: str = "open"
    has_original: bool = False
    has_copy: bool = False
    where_kept: str = ""
    own: bool = False

    @property
    def looked_at(self) -> bool:
        """Ticked in any way: a state other than "not yet", or a document noted."""
        return self.state != "open" or self.has_original or self.has_copy or bool(self.where_kept)


def _item(mark: ChecklistMark, key: str, label: str, own: bool) -> Item:
    return Item(key, label, mark.state, mark.has_original, mark.has_copy, mark.where_kept, own)


def checklist_items(db: Session, spec: ChecklistSpec) -> list[Item]:
    """The listed items in their order (with any marks), then the person's own items."""
    marks = list(
        db.scalars(
            select(ChecklistMark)
            .where(ChecklistMark.checklist == spec.key)
            .order_by(ChecklistMark.id)
        )
    )
    by_key = {mark.item_key: mark for mark in marks if mark.item_key is not None}
    items = []
    for key, label in spec.items:
        mark = by_key.get(key)
        items.append(_item(mark, key, label, False) if mark else Item(key, label))
    items += [
        _item(mark, f"{OWN_PREFIX}{mark.id}", mark.label, True)
        for mark in marks
        if mark.item_key is None
    ]
    return items


def _mark(db: Session, spec: ChecklistSpec, key: str) -> ChecklistMark:
    if key.startswith(OWN_PREFIX):
        number = key.removeprefix(OWN_PREFIX)
        mark = db.get(ChecklistMark, int(number)) if number.isdigit() else None
        if mark is None or mark.checklist != spec.key or mark.item_key is not None:
            raise NotFound(key)
        return mark
    if key not in dict(spec.items):
        raise NotFound(key)
    found = db.scalars(
        select(ChecklistMark).where(
            ChecklistMark.checklist == spec.key, ChecklistMark.item_key == key
        )
    ).first()
    if found is None:
        found = ChecklistMark(checklist=spec.key, item_key=key, label="")
        db.add(found)
    return found


def mark_item(
    db: Session,
    spec: ChecklistSpec,
    key: str,
    *,
    state: str | None = None,
    has_original: bool | None = None,
    has_copy: bool | None = None,
    where_kept: str | None = None,
) -> None:
    """Record where one item stands; arguments left as None keep their value."""
    if state is not None and state not in dict(spec.states):
        raise ValueError(state)
    mark = _mark(db, spec, key)
    if state is not None:
        mark.state = state
    if has_original is not None:
        mark.has_original = has_original
    if has_copy is not None:
        mark.has_copy = has_copy
    if where_kept is not None:
        mark.where_kept = where_kept


def add_own_item(db: Session, spec: ChecklistSpec, label: str) -> None:
    """Add an item of the person's own to a checklist (label already checked)."""
    db.add(ChecklistMark(checklist=spec.key, item_key=None, label=label, state="open"))


def remove_own_item(db: Session, spec: ChecklistSpec, key: str) -> None:
    mark = _mark(db, spec, key)
    if mark.item_key is not None:
        raise NotFound(key)
    db.delete(mark)


def item_exists(db: Session, spec: ChecklistSpec, key: str) -> bool:
    if not key.startswith(OWN_PREFIX):
        return key in dict(spec.items)
    try:
        _mark(db, spec, key)
    except NotFound:
        return False
    return True
