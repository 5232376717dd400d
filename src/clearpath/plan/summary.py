"""The plan read as a whole: each part's content, what is filled in, and the numbers to call.

The overview, the part pages, the leaving checklist, the printable page and the PDF all read
the plan through here, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from clearpath.helpdir import services as helpdir
from clearpath.helpdir.directory import HelpService
from clearpath.plan import services
from clearpath.plan.models import PlanEntry
from clearpath.plan.parts import LEAVING, NUMBERS, PART_BY_SLUG, PARTS, ListSpec, PartSpec
from clearpath.plan.services import Item, Row


@dataclass(frozen=True)
class Numbers:
    """Emergency services for the person's country, their chosen hotlines, their own numbers."""

    country: str | None
    country_name: str
    emergency: str | None
    hotlines: list[HelpService]
    own: list[PlanEntry]

    @property
    def anything(self) -> bool:
        return bool(self.emergency or self.hotlines or self.own)


def numbers(db: Session) -> Numbers:
    """The numbers part as pages and prints show it (the country may not be set yet)."""
    country = helpdir.get_country(db)
    own = [row for row in services.list_entries(db, NUMBERS) if isinstance(row, PlanEntry)]
    return Numbers(
        country=country,
        country_name=helpdir.country_name(country) if country else "",
        emergency=helpdir.emergency_number(country) if country else None,
        hotlines=helpdir.chosen_hotlines(db),
        own=own,
    )


@dataclass(frozen=True)
class PartContent:
    """Everything one part holds."""

    spec: PartSpec
    texts: dict[str, str]
    items: list[Item]
    lists: list[tuple[ListSpec, list[Row]]]
    # How many entries each list holds (read even when the rows themselves are not).
    counts: list[tuple[ListSpec, int]] = field(default_factory=list)

    @property
    def written(self) -> list[str]:
        """Labels of the written answers that are filled in."""
        return [f.label for f in self.spec.texts if self.texts.get(f.name, "").strip()]

    @property
    def looked_at(self) -> int:
        return sum(item.looked_at for item in self.items)

    @property
    def started(self) -> bool:
        return bool(self.written or self.looked_at or any(n for _spec, n in self.counts))

    def facts(self) -> list[str]:
        """What is filled in, in a few plain words, for the completeness view."""
        found = [_count(n, spec.noun) for spec, n in self.counts if n]
        if self.items:
            found.append(f"{self.looked_at} of {len(self.items)} checklist items looked at")
        if self.written:
            found.append("written: " + ", ".join(label.lower() for label in self.written))
        return found

    def open_points(self) -> list[str]:
        """What is still open, said without pressure."""
        points = [f"no {spec.noun} added yet" for spec, n in self.counts if not n]
        points += [f"not written yet: {f.label.lower()}" for f in self.spec.texts
                   if f.label not in self.written]
        return points


def _count(n: int, noun: str) -> str:
    return f"1 {noun}" if n == 1 else f"{n} {'people' if noun == 'person' else noun + 's'}"


def part_content(db: Session, spec: PartSpec, *, rows: bool = True) -> PartContent:
    """Read one part: its written answers, checklist items and lists.

    With ``rows=False`` the lists are only counted (enough for the overview).
    """
    lists = [(ls, services.list_entries(db, ls)) for ls in spec.lists] if rows else []
    counts = ([(ls, len(found)) for ls, found in lists] if rows
              else [(ls, services.count_entries(db, ls)) for ls in spec.lists])
    return PartContent(
        spec=spec,
        texts=services.read_texts(db, spec.slug) if spec.texts else {},
        items=services.checklist_items(db, spec.checklist) if spec.checklist else [],
        lists=lists,
        counts=counts,
    )


@dataclass(frozen=True)
class Plan:
    """The whole safety plan, plus the leaving page's message and the numbers."""

    parts: list[PartContent]
    leaving: dict[str, str]
    numbers: Numbers
    by_slug: dict[str, PartContent] = field(default_factory=dict)

    @property
    def started(self) -> int:
        return sum(part.started or (part.spec.slug == "numbers" and self.numbers.anything)
                   for part in self.parts)


def whole_plan(db: Session, *, rows: bool = True, only: frozenset[str] | None = None) -> Plan:
    """Every part of the safety plan, read once (``only`` some parts; ``rows`` see above)."""
    parts = [part_content(db, spec, rows=rows) for spec in PARTS
             if only is None or spec.slug in only]
    return Plan(
        parts=parts,
        leaving=services.read_texts(db, LEAVING),
        numbers=numbers(db),
        by_slug={part.spec.slug: part for part in parts},
    )


def part_spec(slug: str) -> PartSpec | None:
    return PART_BY_SLUG.get(slug)
