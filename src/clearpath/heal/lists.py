"""Personal lists (qualities, anchors, wins, flags ...), goals with steps, comfort photos."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

from PIL import Image, UnidentifiedImageError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.heal.models import ComfortPhoto, Goal, GoalStep, ListItem

MAX_PHOTO_BYTES = 4 * 1024 * 1024
MAX_PHOTO_PIXELS = 24_000_000
MAX_PHOTO_SIDE = 1600
MAX_ITEMS_PER_LIST = 500


@dataclass(frozen=True)
class ListKind:
    key: str
    heading: str
    label: str  # the text field's label
    detail_label: str = ""  # a second field, when the list has one
    dated: bool = False


LIST_KINDS: dict[str, ListKind] = {
    kind.key: kind
    for kind in (
        ListKind("contact", "Who to call", "Name", "Phone number or how to reach them"),
        ListKind("anchor", "My sensory anchors", "Something that steadies you", "When it helps"),
        ListKind("quality", "Qualities I admire in myself", "A quality", "A time it showed"),
        ListKind("nourished", "Things that used to nourish me", "Something that fed you"),
        ListKind("to_try", "New things to try", "Something to try"),
        ListKind("win", "Wins", "A small win", dated=True),
        ListKind("gratitude", "Gratitude", "A small good thing", dated=True),
        ListKind("comfort_words", "Words", "Words that comfort you", "Who said them"),
        ListKind("comfort_song", "Songs", "A song", "Who sings it"),
        ListKind("comfort_memory", "Memories", "A memory"),
        ListKind("comfort_scent", "Scents", "A scent"),
        ListKind(
            "people",
            "People who reflect my values",
            "A name",
            "What you value in them, or a first small step",
        ),
        ListKind("value", "What I value", "Something you value"),
        ListKind("not_accept", "What I will not accept", "Something you will not accept"),
        ListKind("red_flag", "Red flags I now recognise", "A red flag, in your words"),
        ListKind("green_flag", "Green flags I look for", "A green flag, in your words"),
        ListKind("steady", "What I noticed over time", "Something you noticed, in your words",
                 "About whom, or where", dated=True),
        ListKind("milestone", "My milestones", "A milestone", dated=True),
    )
}


# Wins a person can log with a single click (they can write their own too).
QUICK_WINS = (
    "A night of good sleep",
    "A calm reply to a provocation",
    "I reached out to a friend",
    "I ate a proper meal",
    "I went outside",
    "I asked for help",
)


class ListError(ValueError):
    """Something about the item needs another look; the message says what."""


def add_item(
    db: Session, kind: str, text: str, detail: str = "", day: date | None = None
) -> ListItem:
    """Add a line to one of the lists (the caller's session commits)."""
    if kind not in LIST_KINDS:
        raise ListError("This list is not known.")
    count = db.scalar(select(func.count(ListItem.id)).where(ListItem.kind == kind)) or 0
    if count >= MAX_ITEMS_PER_LIST:
        raise ListError(
            f"This list holds up to {MAX_ITEMS_PER_LIST} lines. Remove one to add another."
        )
    item = ListItem(kind=kind, text=text, detail=detail, day=day, created_at=datetime.now(UTC))
    db.add(item)
    db.flush()
    return item


def items(db: Session, kind: str) -> list[ListItem]:
    order = (ListItem.day.desc(), ListItem.id.desc()) if LIST_KINDS[kind].dated else (ListItem.id,)
    return list(db.scalars(select(ListItem).where(ListItem.kind == kind).order_by(*order)))


def items_between(db: Session, kind: str, first: date, last: date) -> list[ListItem]:
    return list(
        db.scalars(
            select(ListItem)
            .where(ListItem.kind == kind, ListItem.day >= first, ListItem.day <= last)
            .order_by(ListItem.day.desc(), ListItem.id)
        )
    )


def remove_item(db: Session, kind: str, item_id: int) -> None:
    item = db.get(ListItem, item_id)
    if item is not None and item.kind == kind:
        db.delete(item)


# -- goals ---------------------------------------------------------------------------------


def add_goal(db: Session, title: str, target: date | None, steps: list[str]) -> Goal:
    """A small goal with its steps (one per line) and an optional date."""
    goal = Goal(title=title, target_day=target, created_at=datetime.now(UTC))
    db.add(goal)
    db.flush()
    for text in steps:
        db.add(GoalStep(goal_id=goal.id, text=text, done=False))
    return goal


def goals(db: Session, *, done: bool) -> list[Goal]:
    where = Goal.done_on.is_not(None) if done else Goal.done_on.is_(None)
    order = Goal.done_on.desc() if done else Goal.id
    return list(db.scalars(select(Goal).where(where).order_by(order)))


def steps_of(db: Session, goal_ids: list[int]) -> dict[int, list[GoalStep]]:
    found: dict[int, list[GoalStep]] = {goal_id: [] for goal_id in goal_ids}
    for step in db.scalars(
        select(GoalStep).where(GoalStep.goal_id.in_(goal_ids)).order_by(GoalStep.id)
    ):
        found[step.goal_id].append(step)
    return found


def add_goal_step(db: Session, goal_id: int, text: str) -> None:
    """One more step for a goal (nothing happens if the goal is gone)."""
    if db.get(Goal, goal_id) is not None:
        db.add(GoalStep(goal_id=goal_id, text=text, done=False))


def toggle_step(db: Session, step_id: int) -> None:
    step = db.get(GoalStep, step_id)
    if step is not None:
        step.done = not step.done


def finish_goal(db: Session, goal_id: int, today: date) -> None:
    goal = db.get(Goal, goal_id)
    if goal is not None:
        goal.done_on = None if goal.done_on else today


def remove_goal(db: Session, goal_id: int) -> None:
    goal = db.get(Goal, goal_id)
    if goal is not None:
        db.delete(goal)


# -- comfort photos ------------------------------------------------------------------------


def clean_photo(data: bytes) -> tuple[bytes, str]:
    """Decode the image and encode it again: no location or camera data survives, and only
    real PNG, JPEG, GIF or WebP images get in. Large photos are scaled down."""
    if len(data) > MAX_PHOTO_BYTES:
        raise ListError("This photo is larger than 4 MB. Please choose a smaller one.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in {"PNG", "JPEG", "GIF", "WEBP"}:
                raise ListError("Please choose a PNG, JPEG, GIF or WebP photo.")
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise ListError("This photo has too many pixels. Please choose a smaller one.")
            image.load()
            picture = image.convert("RGB") if image.mode not in {"RGB", "L"} else image.copy()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ListError("This file does not look like a photo. Please choose another.") from exc
    picture.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=85)
    return out.getvalue(), "image/jpeg"


def add_photo(db: Session, data: bytes, caption: str) -> ComfortPhoto:
    """Keep a cleaned copy of the photo inside the vault database (encrypted with it)."""
    cleaned, media_type = clean_photo(data)
    photo = ComfortPhoto(
        caption=caption, media_type=media_type, data=cleaned, created_at=datetime.now(UTC)
    )
    db.add(photo)
    db.flush()
    return photo


def photo_ids(db: Session) -> list[tuple[int, str]]:
    return [
        (row.id, row.caption)
        for row in db.execute(
            select(ComfortPhoto.id, ComfortPhoto.caption).order_by(ComfortPhoto.id)
        )
    ]


def photo(db: Session, photo_id: int) -> ComfortPhoto | None:
    return db.get(ComfortPhoto, photo_id)


def remove_photo(db: Session, photo_id: int) -> None:
    found = db.get(ComfortPhoto, photo_id)
    if found is not None:
        db.delete(found)
