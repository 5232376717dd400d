"""bench/run.py import-whatsapp [--messages N]: a generated WhatsApp export through the parser
alone and through the whole import (preview, original kept encrypted, stable keys, storing,
search index, log), with peak memory.

Goals (issue 6): parsing at least 300,000 messages/s; the full import at least 50,000
messages/s; peak memory under 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import Any

from bench_parse_whatsapp import generate
from benchkit import PASSPHRASE, new_locked_vault, scratch_dir
from clearpath.importers.base import DateOrder, ParseOptions, Source
from clearpath.importers.whatsapp import WhatsAppImporter
from clearpath.messages.importing import ImportRequest, import_export
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault


def run(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="bench/run.py import-whatsapp")
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    options = ParseOptions(date_order=DateOrder.DAY_FIRST)
    with scratch_dir() as folder:
        chat = folder / "chat.txt"
        size = generate(chat, args.messages)
        source = Source.from_path(chat)
        began, cpu = time.perf_counter(), time.process_time()
        parsed = sum(1 for _ in WhatsAppImporter().parse(source, options))
        parse_seconds = time.perf_counter() - began
        parse_cpu = time.process_time() - cpu
        data_dir, env = new_locked_vault(folder, TESTING_KDF)
        vault = Vault(data_dir, TESTING_KDF)
        vault.unlock(PASSPHRASE)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        began, cpu = time.perf_counter(), time.process_time()
        result = import_export(vault, ImportRequest(source=source, options=options, zone="UTC"))
        import_seconds = time.perf_counter() - began
        import_cpu = time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        vault.lock()
    return {
        "benchmark": "import-whatsapp",
        "messages": parsed,
        "file_mb": round(size / 1e6, 1),
        "parse_seconds": round(parse_seconds, 2),
        "parse_messages_per_second": round(parsed / parse_seconds),
        "parse_messages_per_cpu_second": round(parsed / parse_cpu),
        "import_seconds": round(import_seconds, 2),
        "import_messages_per_second": round(result.new / import_seconds),
        "import_messages_per_cpu_second": round(result.new / import_cpu),
        "new": result.new,
        "peak_memory_mb": round(after / 1024, 1),
        "peak_memory_growth_during_import_mb": round((after - before) / 1024, 1),
        "goals": {"parse_per_second": 300_000, "import_per_second": 50_000, "memory_mb": 300},
        **env,
    }
