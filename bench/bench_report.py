"""``python bench/run.py report``: a report of 1,000 incidents with 200 photos.

Fills a fresh vault through the evidence services (1,000 incidents over two years, every
fifth one with a photo of 1600x1200 pixels), then times what a person waits for: signing the
checkpoint and reading the incidents (prepare), the PDF with its 200 thumbnails, the CSV and
the whole bundle. Goal from the issue: the report in under 10 s.

Options: --incidents N (default 1000), --images N (default 200).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import time
from datetime import date, timedelta
from typing import Any

from PIL import Image, ImageDraw

from benchkit import PASSPHRASE, environment, scratch_dir
from clearpath.evidence import files, services
from clearpath.evidence.categories import CATEGORIES
from clearpath.evidence.records import IncidentFields, Person
from clearpath.report import export
from clearpath.report.data import Filters
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

SENTENCE = (
    "he shouted at me in the kitchen and took my phone so I could not call anyone for an hour "
    "later he said it never happened and that I was imagining things again"
)
WORDS = tuple(SENTENCE.split(" "))


def _photo(rng: random.Random) -> bytes:
    image = Image.new("RGB", (1600, 1200), (rng.randrange(256), 90, 120))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(1600), rng.randrange(1200)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle((x, y, x + rng.randrange(20, 300), y + rng.randrange(20, 300)), colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def seed(vault: Vault, incidents: int, images: int) -> int:
    """Fill the vault; returns the bytes of photo data added."""
    rng = random.Random(7)
    keys = [key for key, _ in CATEGORIES]
    start = date(2024, 11, 1)
    ids = []
    with vault.session() as db:
        for n in range(incidents):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 120)))
            ids.append(
                services.create_incident(
                    db,
                    IncidentFields(
                        title=f"Incident {n + 1}: " + " ".join(rng.sample(WORDS, 4)),
                        what_happened=words,
                        occurred_on=start + timedelta(days=rng.randrange(730)),
                        occurred_time=f"{rng.randrange(24):02d}:{rng.randrange(60):02d}",
                        categories=tuple(rng.sample(keys, rng.randrange(1, 3))),
                        place="Home",
                        people=(Person("Sam Carter", "witness", "+44 7700 900000"),),
                    ),
                )
            )
    added = 0
    step = max(1, incidents // max(images, 1))
    for index in range(images):
        payload = _photo(rng)
        added += len(payload)
        files.add_file(vault, [payload], f"photo-{index}.jpg", ids[(index * step) % len(ids)])
    return added


def run(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench/run.py report")
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--images", type=int, default=200)
    args = parser.parse_args(argv)
    with scratch_dir() as folder:
        vault = Vault(folder / "vault", TESTING_KDF)
        vault.create(PASSPHRASE)
        try:
            started = time.perf_counter()
            photo_bytes = seed(vault, args.incidents, args.images)
            seeded = time.perf_counter() - started

            t0, c0 = time.perf_counter(), time.process_time()
            prepared = export.prepare(vault, Filters())
            t1 = time.perf_counter()
            pdf = export.report_pdf(vault, prepared)
            t2, c2 = time.perf_counter(), time.process_time()
            csv_bytes = export.chronology(prepared)
            t3 = time.perf_counter()
            bundle_size = sum(len(c) for c in export.bundle_chunks(vault, prepared, pdf))
            t4 = time.perf_counter()
            env = environment(vault)
        finally:
            vault.lock()
    report_seconds = t2 - t0
    return {
        "benchmark": "report",
        "incidents": args.incidents,
        "images": args.images,
        "photo_mb": round(photo_bytes / 1e6, 1),
        "seed_seconds": round(seeded, 2),
        "prepare_seconds": round(t1 - t0, 3),
        "pdf_seconds": round(t2 - t1, 3),
        "report_seconds": round(report_seconds, 3),
        "report_cpu_seconds": round(c2 - c0, 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "report_goal_seconds": 10,
        "report_goal_met": report_seconds < 10,
        "pdf_mb": round(len(pdf) / 1e6, 2),
        "csv_seconds": round(t3 - t2, 3),
        "csv_kb": round(len(csv_bytes) / 1e3, 1),
        "bundle_seconds_after_pdf": round(t4 - t3, 3),
        "bundle_mb": round(bundle_size / 1e6, 1),
        "environment": env,
    }
