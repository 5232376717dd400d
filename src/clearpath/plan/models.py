"""Tables of the plan area: the safety plan's parts and the exit plan's tasks.

Limits on text are enforced by the forms and services (with calm messages), not by CHECK
constraints, so a too-long value never reaches the database as an error.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base

# The roles a trusted person can take, as the safety plan names them.
ROLE_WORDS = {
    "keeps_things": "can keep documents or a bag",
    "calls_for_help": "can call for help",
    "comes_along": "can come along",
}


class SafePlace(Base):
    """A place to go: a friend's flat, a shelter, a relative's house."""

    __tablename__ = "plan_safe_places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    contact: Mapped[str] = mapped_column(Text, nullable=False, default="")
    route: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # "yes", "no" or "not yet": whether the people there know they may be needed.
    they_know: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class TrustedPerson(Base):
    """Someone who can help, with the roles they agreed to and a code word."""

    __tablename__ = "plan_trusted_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    phone: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    keeps_things: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    calls_for_help: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    comes_along: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    code_word: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    @property
    def role(self) -> str:
        """The agreed roles in words ("can call for help, can come along"), or ""."""
        return ", ".join(words for name, words in ROLE_WORDS.items() if getattr(self, name))


class PlanEntry(Base):
    """One entry of a simpler list: an own number, a lawyer, a shelter, a court date."""

    __tablename__ = "plan_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    phone: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    on_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class ChecklistMark(Base):
    """Where one checklist item stands: a listed item (item_key) or the person's own (label)."""

    __tablename__ = "plan_checklist_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checklist: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    # The listed item's key, or None for an item the person added (its label says what).
    item_key: Mapped[str | None] = mapped_column(String(60), nullable=True)
    label: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    state: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    has_original: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    has_copy: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    where_kept: Mapped[str] = mapped_column(Text, nullable=False, default="")


class PlanText(Base):
    """One written answer of a part ("where the bag is kept", "what to tell the children")."""

    __tablename__ = "plan_texts"
    __table_args__ = (UniqueConstraint("part", "field", name="uq_plan_texts_part_field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    part: Mapped[str] = mapped_column(String(40), nullable=False)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ExitTask(Base):
    """A task of the exit plan: a listed one (default_key) once touched, or the person's own."""

    __tablename__ = "plan_exit_tasks"
    __table_args__ = (UniqueConstraint("default_key", name="uq_plan_exit_tasks_default_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stage: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    default_key: Mapped[str | None] = mapped_column(String(60), nullable=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="todo")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The safety plan part this task concerns (a part's slug), or "".
    part: Mapped[str] = mapped_column(String(40), nullable=False, default="")
