"""Tables of the backup area: the person's backup choices and the list of backups made."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base


class BackupSettings(Base):
    """One row: where backups go, how many to keep there, and when to remind."""

    __tablename__ = "backup_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    folder: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    keep_last: Mapped[int] = mapped_column(Integer, nullable=False, default=5)
    remind_days: Mapped[int] = mapped_column(Integer, nullable=False, default=7)


class BackupRecord(Base):
    """One backup made: when, how (folder, download, trusted copy, command line), its size."""

    __tablename__ = "backup_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    place: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
