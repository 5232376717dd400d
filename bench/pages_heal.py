"""Heal pages for the pages benchmark: three years of daily life in the vault.

1,100 check-ins and 2,000 journal entries (plus promises, gratitude and hard dates), made
through the heal services; then the heal start page, the journal and the charts are timed
along with the home page. Searches are posted forms (no search words in the address), so
they have their own benchmark: ``python bench/run.py heal-search``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from clearpath.heal import checkins, daily, journal, lists, prefs, timeline
from clearpath.heal.prompts import all_prompts
from clearpath.heal.words import WORDS
from clearpath.vault.service import Vault

CHECK_INS = 1_100
ENTRIES = 2_000
TAGS = ("sleep", "work", "grief", "calm", "anger", "friends", "court", "walk", "kids", "home")
PAGES: list[tuple[str, str]] = [
    ("heal", "/heal"),
    ("heal journal", "/heal/journal"),
    ("heal journal page 20", "/heal/journal?page=20"),
    ("heal charts 4 weeks", "/heal/check-in/charts"),
    ("heal charts 3 months", "/heal/check-in/charts?range=3m"),
    ("heal charts 12 months", "/heal/check-in/charts?range=12m"),
    ("heal check-in", "/heal/check-in"),
    ("heal promises", "/heal/promises"),
    ("heal gratitude", "/heal/gratitude"),
    ("heal timeline", "/heal/timeline"),
]


def _body(rng: random.Random) -> str:
    sentences = [*WORDS, *all_prompts()]
    extra = ("I slept badly and woke at four.", "A quiet walk by the river helped.",
             "Work was heavy today.", "Talked to my sister for an hour.",
             "The letter from the court came.", "Made soup and ate it slowly.")
    parts = rng.sample(sentences, 6) + rng.sample(extra, 2)
    rng.shuffle(parts)
    return " ".join(parts) * rng.randint(1, 3)


def seed(vault: Vault) -> None:
    """Fill the unlocked vault with three years of heal data, in a few transactions."""
    rng = random.Random(20261124)
    today = date.today()
    first = today - timedelta(days=CHECK_INS - 1)
    with vault.session() as db:
        prefs.put_date(db, prefs.LEAVING_DATE, first)
        for n in range(CHECK_INS):
            day = first + timedelta(days=n)
            trend = n / CHECK_INS
            checkins.save_check_in(
                db,
                checkins.CheckInDraft(
                    day,
                    mood=min(5, max(1, round(2 + 2 * trend + rng.uniform(-1, 1)))),
                    sleep_hours=round(5 + 2.5 * trend + rng.uniform(-1, 1), 1),
                    sleep_quality=rng.randint(1, 5),
                    energy=rng.randint(1, 5),
                    anxiety=rng.randint(1, 5),
                    eating="Regular meals" if n % 3 else "",
                    effect_sleep=rng.randint(0, 10),
                    effect_work=rng.randint(0, 10),
                ),
            )
    for batch in range(ENTRIES // 500):
        with vault.session() as db:
            for n in range(500):
                day = first + timedelta(days=(batch * 500 + n) % CHECK_INS)
                kind = "letter" if n % 17 == 0 else "morning" if n % 11 == 0 else "entry"
                tags = tuple(rng.sample(TAGS, rng.randint(0, 3)))
                journal.add_entry(
                    db,
                    journal.EntryDraft(kind, day, rng.choice((None, 1, 2, 3, 4, 5)),
                                       f"Day {n}", _body(rng), tags),
                )
    with vault.session() as db:
        for text in ("A glass of water", "A ten-minute walk", "Message a friend"):
            promise = daily.add_promise(db, text)
            for n in range(0, 300, 2):
                daily.mark_kept(db, promise.id, today - timedelta(days=n))
        for n in range(300):
            lists.add_item(db, "gratitude", f"Small good thing {n}", "", today - timedelta(n // 3))
        timeline.add_hard_date(db, "Anniversary", today + timedelta(days=2), yearly=True, note="")
        timeline.add_hard_date(db, "Court", first + timedelta(days=200), yearly=False, note="")
