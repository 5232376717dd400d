"""Tables of the heal area: journal, check-ins, promises, routines, lists and dates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base


class HealSetting(Base):
    """Small values of this area by key: the leaving date, the acute home, the pause date."""

    __tablename__ = "heal_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class JournalEntry(Base):
    __tablename__ = "heal_journal_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "entry", "letter" (an unsent letter) or "morning" (morning pages: kept as written).
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="entry")
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    mood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Lower-case tags joined by single spaces, with a space at each end: " grief calm ".
    tags: Mapped[str] = mapped_column(Text, nullable=False, default="")
    prompt: Mapped[str] = mapped_column(Text, nullable=False, default="")
    incident_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class CheckIn(Base):
    __tablename__ = "heal_checkins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, nullable=False, unique=True)
    mood: Mapped[int] = mapped_column(Integer, nullable=False)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    sleep_quality: Mapped[int | None] = mapped_column(Integer, nullable=True)
    energy: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anxiety: Mapped[int | None] = mapped_column(Integer, nullable=True)
    eating: Mapped[str] = mapped_column(Text, nullable=False, default="")
    movement: Mapped[str] = mapped_column(Text, nullable=False, default="")
    contact_attempts: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # How much things weighed on sleep, work, social life and health today (0-10).
    effect_sleep: Mapped[int | None] = mapped_column(Integer, nullable=True)
    effect_work: Mapped[int | None] = mapped_column(Integer, nullable=True)
    effect_social: Mapped[int | None] = mapped_column(Integer, nullable=True)
    effect_health: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Promise(Base):
    __tablename__ = "heal_promises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class PromiseKept(Base):
    __tablename__ = "heal_promise_kept"
    __table_args__ = (UniqueConstraint("promise_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    promise_id: Mapped[int] = mapped_column(
        ForeignKey("heal_promises.id", ondelete="CASCADE"), nullable=False, index=True
    )
    day: Mapped[date] = mapped_column(Date, nullable=False)


class Routine(Base):
    __tablename__ = "heal_routines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class RoutineStep(Base):
    __tablename__ = "heal_routine_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    routine_id: Mapped[int] = mapped_column(
        ForeignKey("heal_routines.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class RoutineTick(Base):
    __tablename__ = "heal_routine_ticks"
    __table_args__ = (UniqueConstraint("step_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step_id: Mapped[int] = mapped_column(
        ForeignKey("heal_routine_steps.id", ondelete="CASCADE"), nullable=False, index=True
    )
    day: Mapped[date] = mapped_column(Date, nullable=False)


class ListItem(Base):
    """One line of a personal list: a quality, an anchor, a win, a red flag in your words ..."""

    __tablename__ = "heal_list_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    day: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Goal(Base):
    __tablename__ = "heal_goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    target_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class GoalStep(Base):
    __tablename__ = "heal_goal_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("heal_goals.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class ComfortPhoto(Base):
    """A photo for the comfort box, re-encoded without its metadata, kept inside the vault."""

    __tablename__ = "heal_comfort_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    caption: Mapped[str] = mapped_column(Text, nullable=False, default="")
    media_type: Mapped[str] = mapped_column(String(20), nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class HardDate(Base):
    __tablename__ = "heal_hard_dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    # A yearly date (an anniversary, a birthday) comes back every year on the same day.
    yearly: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DatePlan(Base):
    """A safe-date plan: where, who knows, when to check in, how to get home."""

    __tablename__ = "heal_date_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(Text, nullable=False)
    who_knows: Mapped[str] = mapped_column(Text, nullable=False, default="")
    check_in: Mapped[str] = mapped_column(Text, nullable=False, default="")
    way_home: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
