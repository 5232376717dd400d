"""Imports every area's models so Base.metadata is complete (for Alembic and the tests)."""

from __future__ import annotations

import importlib

# One line per area that has tables; a new area adds its models module here.
MODEL_MODULES = (
    "clearpath.vault.info",
    "clearpath.notes.models",
    "clearpath.evidence.models",
    "clearpath.helpdir.models",
    "clearpath.understand.models",
    "clearpath.plan.models",
    "clearpath.heal.models",
    "clearpath.contact.models",
    "clearpath.backup.models",
    "clearpath.messages.models",
)


def load_all_models() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
