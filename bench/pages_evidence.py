"""Evidence pages for ``python bench/run.py pages``: a vault with 500 incidents (some edited,
some with witnesses) and 50 small files, then the timeline (first page of 100), an incident,
its history and the files list. Filters and search are form posts (never in the address), so
the GET-only pages benchmark does not time them."""

from __future__ import annotations

from datetime import date, timedelta

from clearpath.evidence import checkpoints, files, services
from clearpath.evidence.services import IncidentFields, Person
from clearpath.vault.service import Vault

INCIDENTS = 500
FILES = 50
KINDS = ("verbal", "threats", "monitoring", "financial", "digital")


def seed(vault: Vault) -> None:
    start = date(2025, 1, 1)
    with vault.session() as db:
        for n in range(INCIDENTS):
            values = IncidentFields(
                title=f"Incident {n}: messages late at night",
                what_happened=("He sent messages again and said things about the children. " * 6),
                occurred_on=start + timedelta(days=n % 600),
                categories=(KINDS[n % len(KINDS)],),
                people=(Person("Ana", "witness", "ana@example.org"),) if n % 7 == 0 else (),
            )
            incident_id = services.create_incident(db, values)
            if n % 10 == 0:
                services.edit_incident(
                    db,
                    incident_id,
                    IncidentFields(
                        title=values.title,
                        what_happened=values.what_happened + "More later.",
                        occurred_on=values.occurred_on,
                        categories=values.categories,
                    ),
                )
    for n in range(FILES):
        files.add_file(vault, [f"screenshot text {n}\n".encode() * 200], f"s{n}.txt", 1 + n)
    with vault.session() as db:
        checkpoints.sign_checkpoint(db, vault)


PAGES: list[tuple[str, str]] = [
    ("evidence timeline (500)", "/evidence"),
    ("evidence incident", "/evidence/incidents/1"),
    ("evidence history", "/evidence/incidents/1/history"),
    ("evidence files", "/evidence/files"),
]
