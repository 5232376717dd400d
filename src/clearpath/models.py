"""Imports every area's models so Base.metadata is complete (for Alembic and the tests)."""

from __future__ import annotations


def load_all_models() -> None:
    # Imported for their side effect of registering tables on Base.metadata.
    import clearpath.notes.models  # noqa: F401
    import clearpath.vault.info  # noqa: F401
