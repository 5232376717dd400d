"""Journal search over three years of entries: ``python bench/run.py heal-search``.

Searches are posted forms (the words never go into the address or the browser's history),
so the pages benchmark, which times GET requests, cannot time them. This one seeds the same
data as bench/pages_heal.py and times each search as the browser sends it, through the real
server with an unlocked session.

Options: --requests N (default 200) per search; --fast uses the test KDF for the unlock.
"""

from __future__ import annotations

import argparse
from typing import Any

import pages_heal
from benchkit import (
    CSRF_FIELD,
    WARMUP_REQUESTS,
    BenchError,
    ms_summary,
    new_locked_vault,
    running_server,
    scratch_dir,
    sign_in,
    time_requests,
)
from clearpath.settings import TESTING_KDF, KdfParams, Settings
from clearpath.vault.service import Vault

SEARCHES: list[tuple[str, dict[str, str]]] = [
    ("one word", {"q": "sleep"}),
    ("two words", {"q": "quiet walk"}),
    ("a common word + tag + mood", {"q": "day", "tag": "calm", "mood": "4"}),
    ("tag + dates", {"tag": "grief", "since": "2025-01-01", "until": "2025-12-31"}),
    ("one word, page 3", {"q": "river", "page": "2"}),
    ("nothing matches", {"q": "zebra"}),
]


def run(argv: list[str]) -> dict[str, Any]:
    import httpx2

    parser = argparse.ArgumentParser(prog="bench/run.py heal-search")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--fast", action="store_true")
    options = parser.parse_args(argv)
    kdf = TESTING_KDF if options.fast else KdfParams()
    results: dict[str, Any] = {}
    with scratch_dir() as folder:
        data_dir, env = new_locked_vault(folder, kdf)
        settings = Settings(data_dir=data_dir, open_browser=False, kdf=kdf)
        vault = Vault(data_dir, kdf)
        with (
            running_server(settings, vault) as (app, origin),
            httpx2.Client(base_url=origin, follow_redirects=False) as client,
        ):
            sign_in(app, client, origin)
            pages_heal.seed(vault)
            found = CSRF_FIELD.search(client.get("/heal/journal").text)
            if found is None:
                raise BenchError("the journal page has no csrf_token field")
            token = found.group(1)
            for name, form in SEARCHES:
                data = {"csrf_token": token, **form}

                def post(path: str, data: dict[str, str] = data) -> Any:
                    return client.post(path, data=data, headers={"Origin": origin})

                samples = time_requests(post, "/heal/journal/search", options.requests)
                results[name] = {"form": form, **ms_summary(samples)}
        vault.lock()
    return {
        "benchmark": "heal-search",
        "entries": pages_heal.ENTRIES,
        "requests_per_search": options.requests,
        "warmup_requests": WARMUP_REQUESTS,
        "searches": results,
        **env,
    }
