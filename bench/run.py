"""Benchmarks: ``python bench/run.py NAME`` prints one JSON object of figures.

NAME is one of:
  unlock   time to unlock a vault with the real default Argon2id parameters (--fast: the test
           parameters), over --runs runs (default 5)
  pages    p50/p95/max latency of the home and settings pages, and of every page an area lists
           in bench/pages_<area>.py (after that module's seed() has filled the vault), over
           --requests requests each (default 200), through the real app with an unlocked session
  other    any bench/bench_<name>.py module (a dash in NAME is an underscore in the file name):
           its run(argv) gets the remaining arguments and returns the figures

Everything is made in a temporary folder under bench/.data (never committed) and removed after.
Tests never time anything; figures live here.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchkit import (
    PASSPHRASE,
    WARMUP_REQUESTS,
    BenchError,
    kdf_json,
    ms_summary,
    new_locked_vault,
    resolve,
    running_server,
    scratch_dir,
    seconds_summary,
    sign_in,
    time_requests,
)
from clearpath.settings import TESTING_KDF, KdfParams, Settings
from clearpath.vault.service import Vault

# -- unlock ---------------------------------------------------------------------------------


def bench_unlock(runs: int, fast: bool) -> dict[str, Any]:
    kdf = TESTING_KDF if fast else KdfParams()
    with scratch_dir() as folder:
        data_dir, env = new_locked_vault(folder, kdf)
        samples = []
        for _ in range(runs):
            # A new Vault each time, as after a restart: nothing is cached between runs.
            vault = Vault(data_dir, kdf)
            start = time.perf_counter()
            vault.unlock(PASSPHRASE)
            samples.append(time.perf_counter() - start)
            vault.lock()
    return {
        "benchmark": "unlock",
        "runs": runs,
        "kdf": kdf_json(kdf),
        "kdf_is_default": kdf == KdfParams(),
        "unlock_seconds": seconds_summary(samples),
        **env,
    }


# -- pages ----------------------------------------------------------------------------------


def bench_pages(requests: int, fast: bool) -> dict[str, Any]:
    # Imported here: the HTTP client comes with the dev extras; the unlock benchmark needs none.
    import httpx2

    kdf = TESTING_KDF if fast else KdfParams()
    with scratch_dir() as folder:
        data_dir, env = new_locked_vault(folder, kdf)
        settings = Settings(data_dir=data_dir, open_browser=False, kdf=kdf)
        vault = Vault(data_dir, kdf)
        pages: dict[str, Any] = {}
        with (
            running_server(settings, vault) as (app, origin),
            httpx2.Client(base_url=origin, follow_redirects=False) as client,
        ):
            sign_in(app, client, origin)
            targets = [("home", "/"), ("settings", "/settings")]
            for module in area_page_modules():
                module.seed(vault)
                targets.extend(module.PAGES)
            for name, path in targets:
                final = resolve(client, path)
                samples = time_requests(client.get, final, requests)
                pages[name] = {"requested": path, "measured": final, **ms_summary(samples)}
        vault.lock()
    return {
        "benchmark": "pages",
        "requests_per_page": requests,
        "warmup_requests": WARMUP_REQUESTS,
        "transport": "HTTP/1.1 keep-alive over loopback to uvicorn (the real server)",
        "pages": pages,
        **env,
    }


def area_page_modules() -> list[Any]:
    """bench/pages_<area>.py modules: seed(vault) fills an unlocked vault; PAGES names paths."""
    here = Path(__file__).resolve().parent
    return [importlib.import_module(path.stem) for path in sorted(here.glob("pages_*.py"))]


# -- command line ---------------------------------------------------------------------------

BUILT_IN = ("unlock", "pages")


def area_benchmarks() -> dict[str, Path]:
    here = Path(__file__).resolve().parent
    return {
        path.stem.removeprefix("bench_").replace("_", "-"): path
        for path in sorted(here.glob("bench_*.py"))
    }


BENCHMARKS = (*BUILT_IN, *area_benchmarks())


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description="Print one JSON object of benchmark figures."
    )
    parser.add_argument("name", metavar="NAME", help=f"one of: {', '.join(BENCHMARKS)}")
    parser.add_argument("--runs", type=int, default=5, help="unlock: how many unlocks (5)")
    parser.add_argument(
        "--requests", type=int, default=200, help="pages: requests per page (200)"
    )
    parser.add_argument(
        "--fast", action="store_true", help="use the test KDF parameters instead of the defaults"
    )
    args = parser.parse_args(argv)
    if args.name not in BENCHMARKS:
        parser.print_usage(sys.stderr)
        print(
            f"bench/run.py: unknown benchmark {args.name!r}; choose one of: "
            f"{', '.join(BENCHMARKS)}",
            file=sys.stderr,
        )
        raise SystemExit(2)
    if args.runs < 1 or args.requests < 1:
        parser.error("--runs and --requests must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in area_benchmarks():
        module = importlib.import_module(area_benchmarks()[argv[0]].stem)
        try:
            figures = module.run(argv[1:])
        except BenchError as exc:
            print(f"bench/run.py {argv[0]}: {exc}", file=sys.stderr)
            return 1
        print(json.dumps(figures, indent=2))
        return 0
    args = parse(argv)
    try:
        if args.name == "unlock":
            result = bench_unlock(args.runs, args.fast)
        else:
            result = bench_pages(args.requests, args.fast)
    except BenchError as exc:
        print(f"bench/run.py {args.name}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
