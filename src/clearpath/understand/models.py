"""Tables of the understand area: reflections, effects, readiness and saved danger checks.

The help directory's tables live in clearpath.helpdir.models; they are imported here so that
the metadata is complete wherever this area's models are loaded.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clearpath.db import Base
from clearpath.helpdir import models as helpdir_models

HELPDIR_TABLES = (
    helpdir_models.HelpdirSetting,
    helpdir_models.ChosenService,
    helpdir_models.OwnService,
)


class Reflection(Base):
    """A private note under a pattern page: "Have you noticed this?"."""

    __tablename__ = "understand_reflections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pattern: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    noted_on: Mapped[date] = mapped_column(Date, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class EffectEntry(Base):
    """How the relationship has touched sleep, work, social life and health on one day."""

    __tablename__ = "understand_effects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    noted_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    went_through: Mapped[str] = mapped_column(Text, nullable=False, default="")
    sleep: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sleep_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    work: Mapped[int | None] = mapped_column(Integer, nullable=True)
    work_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    social: Mapped[int | None] = mapped_column(Integer, nullable=True)
    social_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    health: Mapped[int | None] = mapped_column(Integer, nullable=True)
    health_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class ReadinessArea(Base):
    """An area of readiness the person added to the four built-in ones."""

    __tablename__ = "readiness_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class ReadinessEntry(Base):
    """One dated set of readiness ratings."""

    __tablename__ = "readiness_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    noted_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    ratings: Mapped[list[ReadinessRating]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="ReadinessRating.id"
    )


class ReadinessRating(Base):
    """A 1-10 rating of one area in an entry; ``area`` is a built-in key or "own-<id>"."""

    __tablename__ = "readiness_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("readiness_entries.id", ondelete="CASCADE"), nullable=False, index=True
    )
    area: Mapped[str] = mapped_column(String(40), nullable=False)
    score: Mapped[int] = mapped_column(Integer, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    entry: Mapped[ReadinessEntry] = relationship(back_populates="ratings")


class DangerCheck(Base):
    """Danger-sign answers, kept only when the person chose to save them."""

    __tablename__ = "danger_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checked_on: Mapped[date] = mapped_column(Date, nullable=False)
    signs: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
