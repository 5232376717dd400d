"""Plan pages for `bench/run.py pages`: a full plan where every list holds 50 entries.

Every list of the safety plan, every checklist (its own lines too) and every exit stage
(own tasks) gets 50 entries, with names in several scripts; every listed item and task has
a state. Then the overview, each part, the exit plan and the leaving checklist are timed.
"""

from __future__ import annotations

from datetime import date, timedelta

from clearpath.plan import services, tasks
from clearpath.plan.fields import FieldSpec
from clearpath.plan.forms import Value
from clearpath.plan.parts import LEAVING, PARTS
from clearpath.plan.stages import STAGES
from clearpath.vault.service import Vault

ENTRIES = 50
NAMES = ("Sam", "\u0645\u0646\u0632\u0644 \u0644\u064a\u0644\u0649", "\u738b\u5c0f\u660e",
         "\u05e8\u05d5\u05ea", "Zo\u00eb")
PAGES: list[tuple[str, str]] = [
    ("plan safety overview", "/plan/safety"),
    *((f"plan part {part.slug}", f"/plan/safety/{part.slug}") for part in PARTS),
    ("plan exit", "/plan/exit"),
    ("plan leaving", "/plan/leaving"),
]


def _values(fields: tuple[FieldSpec, ...], n: int) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for field in fields:
        if field.kind == "check":
            values[field.name] = n % 2 == 0
        elif field.kind == "date":
            values[field.name] = date(2027, 1, 1) + timedelta(days=n)
        elif field.kind == "choice":
            values[field.name] = field.choices[n % len(field.choices)][0]
        else:
            values[field.name] = f"{NAMES[n % len(NAMES)]} {n} " + "detail " * (n % 5)
    return values


def seed(vault: Vault) -> None:
    """Fill the unlocked vault with a full plan through the plan's services."""
    with vault.session() as db:
        for part in PARTS:
            for spec in part.lists:
                for n in range(ENTRIES):
                    services.add_entry(db, spec, _values(spec.fields, n))
            if part.texts:
                services.save_texts(db, part.slug, {f.name: f"{NAMES[1]} written" for f
                                                    in part.texts})
            checklist = part.checklist
            if checklist is not None:
                for n in range(ENTRIES):
                    services.add_own_item(db, checklist, f"{NAMES[n % len(NAMES)]} {n}")
                for n, item in enumerate(services.checklist_items(db, checklist)):
                    state = checklist.states[n % len(checklist.states)][0]
                    services.mark_item(db, checklist, item.key, state=state,
                                       has_copy=n % 2 == 0, where_kept=f"place {n}")
        services.save_texts(db, LEAVING, {"message": "Code blue.", "send_to": NAMES[2]})
        for stage in STAGES:
            for n in range(ENTRIES):
                key = tasks.add_task(db, stage.number, f"{NAMES[n % len(NAMES)]} task {n}",
                                     PARTS[n % len(PARTS)].slug)
                tasks.set_status(db, key, ("todo", "doing", "done", "skip")[n % 4])
            for key, _title, _part in stage.tasks:
                tasks.set_status(db, key, "doing")
