"""The exit plan's operations: listed and own tasks, their status, and progress per stage.

A listed task is stored only once the person changes something about it; until then it is
"to do" with no date and no notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.plan.models import ExitTask
from clearpath.plan.services import OWN_PREFIX, NotFound
from clearpath.plan.stages import DEFAULT_TASKS, STAGES, STATUS_WORDS, StageSpec


@dataclass(frozen=True)
class Task:
    key: str
    stage: int
    title: str
    status: str = "todo"
    due_on: date | None = None
    notes: str = ""
    part: str = ""
    own: bool = False

    @property
    def status_words(self) -> str:
        return STATUS_WORDS.get(self.status, "To do")


@dataclass(frozen=True)
class Stage:
    spec: StageSpec
    tasks: list[Task]

    @property
    def looked_at(self) -> int:
        """Tasks the person has started, finished or set aside."""
        return sum(task.status != "todo" for task in self.tasks)

    @property
    def done(self) -> int:
        return sum(task.status == "done" for task in self.tasks)


def _task(row: ExitTask) -> Task:
    if row.default_key is not None:
        _stage, title, _part = DEFAULT_TASKS[row.default_key]
        key, own = row.default_key, False
    else:
        title, key, own = row.title, f"{OWN_PREFIX}{row.id}", True
    return Task(key, row.stage, title, row.status, row.due_on, row.notes, row.part, own)


def stages(db: Session, only: int | None = None) -> list[Stage]:
    """The four stages (or ``only`` one) with their tasks: listed ones, then the person's own."""
    query = select(ExitTask).order_by(ExitTask.id)
    if only is not None:
        query = query.where(ExitTask.stage == only)
    rows = list(db.scalars(query))
    stored = {row.default_key: row for row in rows if row.default_key in DEFAULT_TASKS}
    result = []
    for spec in STAGES:
        if only is not None and spec.number != only:
            continue
        tasks = []
        for key, title, part in spec.tasks:
            row = stored.get(key)
            tasks.append(_task(row) if row else Task(key, spec.number, title, part=part))
        tasks += [_task(row) for row in rows if row.default_key is None
                  and row.stage == spec.number]
        result.append(Stage(spec, tasks))
    return result


def _stored(db: Session, key: str) -> ExitTask:
    """The row of a task, made for a listed task that was never touched."""
    row = _row(db, key, create=True)
    if row is None:  # _row creates it; this keeps the type checker honest
        raise NotFound(key)
    return row


def _row(db: Session, key: str, *, create: bool) -> ExitTask | None:
    if key.startswith(OWN_PREFIX):
        number = key.removeprefix(OWN_PREFIX)
        row = db.get(ExitTask, int(number)) if number.isdigit() else None
        if row is None or row.default_key is not None:
            raise NotFound(key)
        return row
    if key not in DEFAULT_TASKS:
        raise NotFound(key)
    row = db.scalars(select(ExitTask).where(ExitTask.default_key == key)).first()
    if row is None and create:
        stage, _title, part = DEFAULT_TASKS[key]
        row = ExitTask(stage=stage, default_key=key, title="", status="todo", notes="", part=part)
        db.add(row)
    return row


def get_task(db: Session, key: str) -> Task:
    """One task by its key (a listed task's key, or "mine-<id>"); NotFound if there is none."""
    row = _row(db, key, create=False)
    if row is None:
        stage, title, part = DEFAULT_TASKS[key]
        return Task(key, stage, title, part=part)
    return _task(row)


def set_status(db: Session, key: str, status: str) -> None:
    """Change only the status of a task."""
    if status not in STATUS_WORDS:
        raise ValueError(status)
    row = _stored(db, key)
    row.status = status


def save_task(
    db: Session,
    key: str,
    *,
    status: str,
    due_on: date | None,
    notes: str,
    part: str,
    title: str | None = None,
) -> None:
    """Save a task's status, date, notes and linked part; ``title`` only for own tasks."""
    if status not in STATUS_WORDS:
        raise ValueError(status)
    row = _stored(db, key)
    row.status, row.due_on, row.notes, row.part = status, due_on, notes, part
    if title is not None and row.default_key is None:
        row.title = title


def add_task(db: Session, stage: int, title: str, part: str = "") -> str:
    """Add a task of the person's own to a stage; returns its key."""
    if not any(spec.number == stage for spec in STAGES):
        raise ValueError(stage)
    row = ExitTask(stage=stage, default_key=None, title=title, status="todo", notes="", part=part)
    db.add(row)
    db.flush()
    return f"{OWN_PREFIX}{row.id}"


def remove_task(db: Session, key: str) -> None:
    """Remove a task of the person's own (listed tasks can be set to "not for me")."""
    row = _row(db, key, create=False)
    if row is None or row.default_key is not None:
        raise NotFound(key)
    db.delete(row)
