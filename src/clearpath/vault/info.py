"""Facts about the vault itself, stored inside it (when it was made, by which version)."""

from __future__ import annotations

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from clearpath.db import Base


class VaultInfo(Base):
    """One fact about the vault, as a key and a text value."""

    __tablename__ = "vault_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


def get_info(session: Session, key: str) -> str | None:
    """The value stored under ``key``, or None when there is none."""
    row = session.scalars(select(VaultInfo).where(VaultInfo.key == key)).first()
    return row.value if row else None


def set_info(session: Session, key: str, value: str) -> None:
    """Store ``value`` under ``key``, replacing any earlier value; the caller commits."""
    row = session.get(VaultInfo, key)
    if row is None:
        session.add(VaultInfo(key=key, value=value))
    else:
        row.value = value
