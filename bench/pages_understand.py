"""Pages of understand, readiness, danger signs and the help directory, with full lists.

Seeds 50 notes under one pattern, 50 effects diary entries, 50 readiness entries (four
built-in areas and two own), 50 own services and 3 saved danger checks, then times the pages.
"""

from __future__ import annotations

from datetime import date, timedelta

from clearpath.helpdir import services as helpdir
from clearpath.understand import danger, readiness, reflections
from clearpath.vault.service import Vault

COUNT = 50
START = date(2026, 1, 1)

PAGES: list[tuple[str, str]] = [
    ("understand", "/understand"),
    ("understand-topic", "/understand/gaslighting"),
    ("understand-effects", "/understand/effects"),
    ("readiness", "/readiness"),
    ("danger", "/danger"),
    ("directory", "/directory"),
    ("directory-all", "/directory?country=all"),
]


def seed(vault: Vault) -> None:
    """Fill the unlocked vault through the services, as a person would over months."""
    with vault.session() as db:
        helpdir.set_country(db, "GB")
        helpdir.choose_service(db, "gb-ndah", True)
        own_areas = [readiness.add_area(db, name) for name in ("Housing", "The children")]
        for n in range(COUNT):
            day = START + timedelta(days=n * 3)
            reflections.add_reflection(
                db, "gaslighting", f"Note {n}: what was said, and what I remember. " * 4, day
            )
            reflections.add_effect(
                db,
                reflections.EffectInput(
                    day,
                    f"Entry {n}: a hard few days, written in some detail. " * 3,
                    {"sleep": n % 11, "work": (n * 3) % 11, "social": 5, "health": (n * 7) % 11},
                    {"sleep": "Woke early" if n % 2 else ""},
                ),
            )
            readiness.add_entry(
                db,
                day,
                [
                    readiness.RatingInput("emotional", 1 + n % 10, "A note on today"),
                    readiness.RatingInput("financial", 1 + (n * 3) % 10),
                    readiness.RatingInput("practical", 1 + (n * 7) % 10),
                    readiness.RatingInput("support", 5),
                    *(readiness.RatingInput(f"own-{a}", 1 + (n + a) % 10) for a in own_areas),
                ],
            )
            helpdir.add_own_service(
                db,
                helpdir.OwnServiceInput(
                    name=f"Local service {n:02d}",
                    kind="counselling" if n % 2 else "legal",
                    phone=f"0161 000 {n:04d}",
                    hours="Weekdays 9 to 5",
                    notes="Ask for the duty worker.",
                    chosen=n < 3,
                ),
            )
        for n in range(3):
            danger.save_check(db, START + timedelta(days=n), danger.known_signs(["worse"]), "")
