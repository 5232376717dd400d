"""bench/run.py parse-sms [--megabytes N]: stream a generated SMS Backup & Restore XML.

Generates a backup of about N MB (default 1024, as the issue asks) with sms and mms elements,
then parses it: messages per second and the growth of peak memory (ru_maxrss), which must stay
flat whatever the size because the file is read in 1 MiB pieces.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path
from typing import Any

from benchkit import scratch_dir
from clearpath.importers.base import ParseOptions, Source
from clearpath.importers.sms import SmsBackupImporter

SMS = (
    '  <sms protocol="0" address="+15550100" date="{date}" type="{kind}" subject="null" '
    'body="{body}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" '
    'locked="0" date_sent="0" readable_date="Jan 1, 2021 9:00:00 AM" contact_name="Sam" />\n'
)
MMS = (
    '  <mms date="{date}" msg_box="1" address="+15550100" contact_name="Sam" sub="null">\n'
    '    <parts>\n      <part seq="0" ct="text/plain" name="null" text="{body}" />\n'
    '      <part seq="1" ct="image/jpeg" name="IMG.jpg" data="{data}" />\n    </parts>\n'
    '    <addrs><addr address="+15550100" type="137" charset="106" /></addrs>\n  </mms>\n'
)
BODY = "Answer me. You know what you did and I will be there at five whether you like it or not"


def generate(path: Path, megabytes: int) -> int:
    target = megabytes * 1_000_000
    picture = "QUJD" * 2_000  # 8 kB of base64 standing in for a photo
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\">\n")
        index = 0
        while written < target:
            date = 1_609_459_200_000 + index * 61_000
            if index % 50 == 0:
                piece = MMS.format(date=date, body=BODY, data=picture)
            else:
                piece = SMS.format(date=date, kind=1 + index % 2, body=BODY)
            out.write(piece)
            written += len(piece)
            index += 1
        out.write("</smses>\n")
    return path.stat().st_size


def run(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench/run.py parse-sms")
    parser.add_argument("--megabytes", type=int, default=1024)
    args = parser.parse_args(argv)
    with scratch_dir() as folder:
        path = folder / "sms.xml"
        size = generate(path, args.megabytes)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        began, cpu_began = time.perf_counter(), time.process_time()
        count = sum(1 for _ in SmsBackupImporter().parse(Source.from_path(path), ParseOptions()))
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "benchmark": "parse-sms",
        "file_mb": round(size / 1e6, 1),
        "messages": count,
        "seconds": round(seconds, 2),
        "messages_per_second": round(count / seconds),
        "mb_per_second": round(size / 1e6 / seconds, 1),
        "cpu_seconds": round(cpu, 2),
        "peak_memory_growth_mb": round((after - before) / 1024, 1),
    }
