"""Facts about the vault itself, stored inside it (when it was made, by which version)."""

from __future__ import annotations

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from clearpath.db import Base


class VaultInfo(Base):
    __tablename__ = "vault_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


def get_info(session: Session, key: str) -> str | None:
    row = session.scalars(select(VaultInfo).where(VaultInfo.key == key)).first()
    return row.value if row else None


def set_info(session: Session, key: str, value: str) -> None:
    row = session.get(VaultInfo, key)
    if row is None:
        session.add(VaultInfo(key=key, value=value))
    else:
        row.value = value
