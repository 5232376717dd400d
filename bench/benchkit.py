"""What the benchmarks share: scratch folders, a vault, the real server, timing summaries.

Area benchmarks (bench/bench_<name>.py) import from here; bench/run.py dispatches to them.
"""

from __future__ import annotations

import math
import os
import platform
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from clearpath import __version__
from clearpath.settings import KdfParams, Settings
from clearpath.vault.service import Vault

BENCH_DATA = Path(__file__).resolve().parent / ".data"
# Strong enough for the vault's zxcvbn check; this vault holds nothing and is deleted after.
PASSPHRASE = "bench harbour lantern quietly cobalt"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
WARMUP_REQUESTS = 10


class BenchError(Exception):
    """The benchmark could not run; the message says why."""


@contextmanager
def scratch_dir() -> Iterator[Path]:
    BENCH_DATA.mkdir(mode=0o700, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-", dir=BENCH_DATA) as folder:
        yield Path(folder)


def kdf_json(kdf: KdfParams) -> dict[str, Any]:
    return {
        "name": "argon2id",
        "time_cost": kdf.time_cost,
        "memory_cost_kib": kdf.memory_cost,
        "parallelism": kdf.parallelism,
    }


def environment(vault: Vault) -> dict[str, Any]:
    with vault.engine.connect() as conn:
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        sqlite = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    return {
        "clearpath": __version__,
        "python": platform.python_version(),
        "sqlcipher": str(cipher),
        "sqlite": str(sqlite),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "system": platform.system(),
    }


def seconds_summary(samples: list[float]) -> dict[str, float]:
    return {
        "min": round(min(samples), 4),
        "median": round(statistics.median(samples), 4),
        "max": round(max(samples), 4),
    }


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with ``fraction`` of samples at or below."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def ms_summary(samples: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(samples, 0.50) * 1000, 2),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 2),
        "max_ms": round(max(samples) * 1000, 2),
    }


def new_locked_vault(folder: Path, kdf: KdfParams) -> tuple[Path, dict[str, Any]]:
    """Create a vault in ``folder``, note the environment, lock it; return its data dir."""
    data_dir = folder / "vault"
    creator = Vault(data_dir, kdf)
    creator.create(PASSPHRASE)
    env = environment(creator)
    creator.lock()
    return data_dir, env


@contextmanager
def running_server(settings: Settings, vault: Vault) -> Iterator[tuple[Any, str]]:
    """The real app under uvicorn on a free loopback port, as a person's browser reaches it."""
    import uvicorn

    from clearpath.web.app import create_app
    from clearpath.web.server import bind_loopback

    sock = bind_loopback("127.0.0.1", 0)
    origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
    app = create_app(settings.with_options(port=sock.getsockname()[1]), vault)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise BenchError("the server did not start")
        time.sleep(0.01)
    try:
        yield app, origin
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _expect(response: Any, status: int, what: str) -> None:
    if response.status_code != status:
        raise BenchError(f"{what}: expected HTTP {status}, got {response.status_code}")


def sign_in(app: Any, client: Any, origin: str) -> None:
    """Launch token -> session cookie -> unlock form with its CSRF token -> unlocked."""
    token = app.state.launch.issue()
    _expect(client.get("/launch", params={"token": token}), 303, "the launch address")
    page = client.get("/unlock")
    _expect(page, 200, "the unlock page")
    found = CSRF_FIELD.search(page.text)
    if found is None:
        raise BenchError("the unlock page has no csrf_token field")
    answer = client.post(
        "/unlock",
        data={"passphrase": PASSPHRASE, "csrf_token": found.group(1)},
        headers={"Origin": origin},
    )
    if answer.status_code not in (302, 303):
        raise BenchError(f"unlocking did not redirect (HTTP {answer.status_code})")


def resolve(client: Any, path: str) -> str:
    """Where ``path`` lands after redirects (``/`` forwards to the dashboard)."""
    for _ in range(5):
        response = client.get(path)
        if response.status_code not in (301, 302, 303, 307, 308):
            _expect(response, 200, path)
            return path
        path = response.headers["location"]
    raise BenchError(f"{path} redirects too many times")


def time_requests(get: Callable[[str], Any], path: str, count: int) -> list[float]:
    for _ in range(WARMUP_REQUESTS):
        get(path)
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        response = get(path)
        samples.append(time.perf_counter() - start)
        _expect(response, 200, path)
    return samples


