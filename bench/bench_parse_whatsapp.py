"""bench/run.py parse-whatsapp [--messages N]: parse a generated WhatsApp export.

Parsing alone (no vault): messages per second over a generated Android export with multi-line
messages, system messages and attachments, and the growth of peak memory (ru_maxrss) while
parsing. The goal for the import path is at least 300,000 messages/s for parsing.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path
from typing import Any

from benchkit import scratch_dir
from clearpath.importers.base import DateOrder, ParseOptions, Source
from clearpath.importers.whatsapp import WhatsAppImporter

WORDS = [
    "please",
    "answer",
    "me",
    "now",
    "you",
    "know",
    "what",
    "you",
    "did",
    "I",
    "will",
    "be",
    "there",
    "at",
    "five",
]


def generate(path: Path, count: int) -> int:
    """A chat of ``count`` messages: two people, every 40th multi-line, some media."""
    start = 1_609_459_200  # 2021-01-01
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            moment = time.gmtime(start + index * 37)
            stamp = time.strftime("%d/%m/%Y, %H:%M", moment)
            sender = "Sam" if index % 3 else "Alex"
            text = " ".join(WORDS[(index + k) % len(WORDS)] for k in range(index % 9 + 3))
            if index % 40 == 0:
                text += "\nand another line\nand a third"
            if index % 97 == 0:
                text = f"IMG-2021{index:08d}-WA0001.jpg (file attached)"
            out.write(f"{stamp} - {sender}: {text}\n")
    return path.stat().st_size


def run(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench/run.py parse-whatsapp")
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with scratch_dir() as folder:
        path = folder / "chat.txt"
        size = generate(path, args.messages)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        began = time.perf_counter()
        cpu_began = time.process_time()
        count = 0
        for _ in WhatsAppImporter().parse(
            Source.from_path(path), ParseOptions(date_order=DateOrder.DAY_FIRST)
        ):
            count += 1
        seconds = time.perf_counter() - began
        cpu_seconds = time.process_time() - cpu_began
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "benchmark": "parse-whatsapp",
        "messages": count,
        "file_mb": round(size / 1e6, 1),
        "seconds": round(seconds, 3),
        "messages_per_second": round(count / seconds),
        # CPU time as well: on a busy machine the wall clock also counts other programs.
        "cpu_seconds": round(cpu_seconds, 3),
        "messages_per_cpu_second": round(count / cpu_seconds),
        "goal_messages_per_second": 300_000,
        "peak_memory_growth_mb": round((after - before) / 1024, 1),
    }
