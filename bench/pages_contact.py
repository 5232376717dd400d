"""The contact area's pages for the pages benchmark: 50 of everything it lists.

Loaded by bench/run.py pages: seed(vault) fills the unlocked vault through the area's
services; PAGES names the pages timed. Goal: p95 under 50 ms per page.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from clearpath.contact import blocking, nocontact, pull, required
from clearpath.contact.channels import CHANNELS, MESSAGE_CHANNELS, STATUSES
from clearpath.vault.service import Vault

EACH = 50

PAGES: list[tuple[str, str]] = [
    ("contact", "/contact"),
    ("contact-timeline", "/contact/timeline"),
    ("contact-blocking", "/contact/blocking"),
    ("contact-pull", "/contact/pull"),
    ("contact-promises", "/contact/promises"),
    ("contact-pause", "/contact/pause"),
    ("contact-log", "/contact/log"),
    ("contact-due", "/contact/due"),
    ("contact-template", "/contact/templates/one_channel"),
]


def seed(vault: Vault) -> None:
    """50 slips, crossings, routines, pulls, promises, people and log entries."""
    today = date.today()
    now = datetime.now().replace(second=0, microsecond=0)
    kinds = list(pull.KINDS)
    responses = list(pull.RESPONSES)
    channels = list(MESSAGE_CHANNELS)
    statuses = list(STATUSES)
    with vault.session() as db:
        nocontact.set_start(
            db,
            mode="limited",
            started_on=today - timedelta(days=400),
            channel="email",
            topics="the children",
        )
        nocontact.set_boundary(
            db, line="My decision is final.", consequence="Block", who_steps_in="A friend"
        )
        for n in range(EACH):
            day = today - timedelta(days=n * 7)
            nocontact.add_slip(
                db,
                occurred_on=day,
                what_happened=f"Contact number {n}: a reply to a long message.",
                trigger="A date that mattered",
                feeling="Tired and unsure",
                adjustment="Mute the chat in the evening",
                returned_on=day + timedelta(days=1) if n else None,
            )
            nocontact.record_violation(db, occurred_on=day, note=f"Message {n} outside email")
            blocking.add_routine(db, routine=f"Routine {n}", change="A different time")
            pull.add_pull(
                db,
                occurred_on=day,
                channel=channels[n % len(channels)],
                kind=kinds[n % len(kinds)],
                response=responses[n % len(responses)],
                feeling="Pulled, then steady",
            )
            pull.add_promise(db, promise=f"Promise {n}: it will be different.", what_happened="")
            pull.add_person(db, name=f"Friend {n}", phone=f"+44 7700 900{n:03d}")
            required.add_entry(
                db,
                required.EntryInput(
                    occurred_at=now - timedelta(hours=n * 5),
                    channel="email",
                    topic=f"Handover {n}",
                    summary="Asked to move the time to 11:00 on Saturday.",
                    my_reply="Saturday at 10:00 as agreed.",
                    follow_up_due=None,
                    needs_reply=n % 2 == 0,
                    include_in_report=n % 3 == 0,
                ),
            )
        for n, channel in enumerate(CHANNELS):
            blocking.set_channel(
                db,
                channel=channel.key,
                status=statuses[n % len(statuses)],
                changed_on=today,
                notes="Done with a friend there",
            )
