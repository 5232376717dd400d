"""Imports started from the browser run in a thread; the progress page reads their state.

State lives in memory only (counts and a message, never message text) and is forgotten when
the app stops or the vault locks.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from clearpath.importers.base import ImportProblem
from clearpath.messages.importing import ImportResult
from clearpath.vault.errors import VaultError

MAX_KEPT = 20


@dataclass
class Job:
    id: str
    done: int = 0
    total: int = 0
    finished: bool = False
    result: ImportResult | None = None
    problem: str | None = None


@dataclass
class ImportJobs:
    """The imports of this app run, by a random id (never shown to anyone else)."""

    _jobs: dict[str, Job] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, work: Callable[[Callable[[int, int], None]], ImportResult]) -> Job:
        job = Job(id=secrets.token_urlsafe(12))
        with self._lock:
            if len(self._jobs) >= MAX_KEPT:
                for old in [j for j in self._jobs.values() if j.finished][: MAX_KEPT // 2]:
                    del self._jobs[old.id]
            self._jobs[job.id] = job

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        def run() -> None:
            try:
                job.result = work(progress)
            except ImportProblem as problem:
                job.problem = problem.message
            except VaultError as exc:
                job.problem = exc.message
            except Exception as exc:  # noqa: BLE001 - shown calmly on the progress page
                job.problem = (
                    f"The import stopped because of an unexpected problem ({type(exc).__name__})."
                    " No message from it was added; the original file stays kept as evidence."
                )
            finally:
                job.finished = True

        threading.Thread(target=run, name="clearpath-import", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def forget_all(self) -> None:
        with self._lock:
            self._jobs.clear()
