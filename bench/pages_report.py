"""The report page for ``python bench/run.py pages``. It lists every incident to choose from;
the vault is the one bench/pages_evidence.py fills (500 incidents), so nothing is added here."""

from __future__ import annotations

from clearpath.vault.service import Vault


def seed(vault: Vault) -> None:
    """Nothing to add: pages_evidence.py (loaded first) has filled the vault."""
    del vault


PAGES: list[tuple[str, str]] = [("evidence report page (500 incidents)", "/evidence/report")]
