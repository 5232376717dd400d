"""Tables of the contact area: no contact, blocking, the pull back and required contact.

Kinds and statuses are plain strings checked by the services (no database CHECK), so a new
choice never needs a migration. Every row has recorded_at, set by the app.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base


class ContactPlan(Base):
    """One row: how contact stands, the boundary line, and the response window."""

    __tablename__ = "contact_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mode: Mapped[str] = mapped_column(String(16), nullable=False, default="none")
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    channel: Mapped[str] = mapped_column(Text, nullable=False, default="")
    topics: Mapped[str] = mapped_column(Text, nullable=False, default="")
    boundary_line: Mapped[str] = mapped_column(Text, nullable=False, default="")
    consequence: Mapped[str] = mapped_column(Text, nullable=False, default="")
    who_steps_in: Mapped[str] = mapped_column(Text, nullable=False, default="")
    response_hours: Mapped[int] = mapped_column(Integer, nullable=False, default=48)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Slip(Base):
    """A time contact happened after all, and the day the person returned to no contact."""

    __tablename__ = "contact_slips"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    what_happened: Mapped[str] = mapped_column(Text, nullable=False, default="")
    trigger: Mapped[str] = mapped_column(Text, nullable=False, default="")
    feeling: Mapped[str] = mapped_column(Text, nullable=False, default="")
    adjustment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    returned_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Violation(Base):
    """The other person crossed the boundary; incident_id links it to Evidence once sent."""

    __tablename__ = "contact_violations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    incident_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class ChannelStatus(Base):
    """Where one channel stands (blocked, muted ...); one row per channel key."""

    __tablename__ = "contact_channels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Routine(Base):
    """A habit that makes the person easy to find, and the change they plan."""

    __tablename__ = "contact_routines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    routine: Mapped[str] = mapped_column(Text, nullable=False)
    change: Mapped[str] = mapped_column(Text, nullable=False, default="")
    done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class PullAttempt(Base):
    """One attempt to pull the person back (hoovering), and what they did."""

    __tablename__ = "contact_pulls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    channel: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    response: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    feeling: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Promise(Base):
    """Something promised before, and what happened after."""

    __tablename__ = "contact_promises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    promise: Mapped[str] = mapped_column(Text, nullable=False)
    what_happened: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class CallPerson(Base):
    """Someone the person can call before replying (their own list in this area)."""

    __tablename__ = "contact_call_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    phone: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class ContactEntry(Base):
    """One required contact (children, money, property), kept as a neutral record."""

    __tablename__ = "contact_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    channel: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    topic: Mapped[str] = mapped_column(Text, nullable=False, default="")
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    my_reply: Mapped[str] = mapped_column(Text, nullable=False, default="")
    follow_up_due: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    include_in_report: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
