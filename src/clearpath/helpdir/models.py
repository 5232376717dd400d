"""Tables of the help directory: the person's country, their own services, their chosen ones.

The bundled directory itself is a read-only data file (data/directory.json), never a table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base


class HelpdirSetting(Base):
    """One setting of the help directory, such as the person's country."""

    __tablename__ = "helpdir_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class ChosenService(Base):
    """A service from the bundled directory the person marked as one of theirs."""

    __tablename__ = "helpdir_chosen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class OwnService(Base):
    """A local service the person added themselves (kept only in the vault)."""

    __tablename__ = "helpdir_own_services"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    phone: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    text: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    chat: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    hours: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    web: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    chosen: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
