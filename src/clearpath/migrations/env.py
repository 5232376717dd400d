"""Alembic environment: always run on a connection the vault hands in (never a URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from clearpath.db import Base
from clearpath.models import load_all_models

load_all_models()
config = context.config
connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("Clearpath migrations run only through clearpath.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
