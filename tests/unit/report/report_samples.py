"""A small vault of incidents in several scripts, with files, for the report tests."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageDraw

from clearpath.evidence import files, services
from clearpath.evidence.records import IncidentFields, Person
from clearpath.vault.service import Vault

NAMES = {
    "arabic": "ليلى حسن",
    "hebrew": "נועה כהן",
    "cyrillic": "Ольга Петрова",
    "cjk": "王小明",
}


def photo(colour: tuple[int, int, int], size: tuple[int, int] = (320, 240)) -> bytes:
    """A JPEG with a few shapes on it, so a thumbnail has something to show."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(255, 255, 255), width=6)
    draw.ellipse((size[0] // 3, size[1] // 3, size[0] // 2, size[1] // 2), fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def seed(vault: Vault) -> dict[str, int]:
    """Four incidents (one edited twice), three files; returns ids by name."""
    with vault.session() as db:
        first = services.create_incident(
            db,
            IncidentFields(
                title="Shouting at the door",
                what_happened="He shouted and would not let me leave the flat for an hour.",
                occurred_on=date(2026, 3, 2),
                occurred_time="21:30",
                timezone="Europe/London",
                categories=("verbal", "isolation"),
                place="Home",
                people=(
                    Person(NAMES["arabic"], "witness", "+44 7700 900123"),
                    Person(NAMES["hebrew"], "present", ""),
                ),
                report_numbers="Police ref 4471/26",
                effects_sleep="Could not sleep for two nights.",
            ),
        )
        second = services.create_incident(
            db,
            IncidentFields(
                title="Messages at night",
                what_happened="Thirty messages between 1 and 3 in the morning.",
                occurred_on=date(2026, 4, 15),
                occurred_time="01:10",
                approximate=True,
                categories=("harassment", "digital"),
                people=(Person(NAMES["cyrillic"], "witness", "olga@example.org"),),
            ),
        )
        third = services.create_incident(
            db,
            IncidentFields(
                title="Threat about the children",
                what_happened=f"Said I would never see them again. {NAMES['cjk']} heard it.",
                occurred_on=date(2026, 6, 1),
                occurred_until=date(2026, 6, 3),
                categories=("threats", "children"),
                people=(Person(NAMES["cjk"], "witness", ""),),
                injuries="",
            ),
        )
        fourth = services.create_incident(
            db,
            IncidentFields(
                title=f"رسالة من {NAMES['arabic']}",
                what_happened="שלום, это текст на трёх языках 你好.",
                occurred_on=date(2026, 6, 20),
                occurred_time="14:05",
                categories=("physical",),
                injuries="Bruise on the left arm.",
                medical="Walk-in clinic, 21 June.",
            ),
        )
    with vault.session() as db:
        services.edit_incident(
            db,
            second,
            IncidentFields(
                title="Messages at night",
                what_happened="Thirty-two messages between 1 and 3 in the morning, and calls.",
                occurred_on=date(2026, 4, 15),
                occurred_time="01:10",
                approximate=True,
                categories=("harassment", "digital"),
                people=(Person(NAMES["cyrillic"], "witness", "olga@example.org"),),
            ),
        )
    files.add_file(vault, [photo((180, 60, 60))], "door.jpg", first)
    files.add_file(vault, [photo((60, 90, 180), (200, 300))], "screenshot.jpg", second)
    files.add_file(vault, [b"%PDF-1.4 letter from the school\n"], "letter.pdf", third)
    return {"first": first, "second": second, "third": third, "fourth": fourth}
