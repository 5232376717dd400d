"""The help directory's operations: the person's country, chosen services, own services, search.

Other areas use ``get_country``, ``emergency_number``, ``chosen_hotlines`` and ``country_name``
to show the right numbers; none of these ever touch the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clearpath.db import delete_row
from clearpath.helpdir.directory import KINDS, Directory, HelpService, load_directory
from clearpath.helpdir.models import ChosenService, HelpdirSetting, OwnService

COUNTRY_KEY = "country"
# Stored when the person said their country is not in the list: asked, but no country.
NOT_LISTED = ""


class UnknownCountry(ValueError):
    """The code is not a country of the bundled directory."""


class UnknownService(ValueError):
    """No service of the bundled directory has this id."""


# -- the country ------------------------------------------------------------------------------


def country_asked(db: Session) -> bool:
    """Whether the person has answered the country question (even with "not listed")."""
    return db.get(HelpdirSetting, COUNTRY_KEY) is not None


def get_country(db: Session) -> str | None:
    """The person's country (ISO 3166 alpha-2), or None if not set or not in the directory."""
    setting = db.get(HelpdirSetting, COUNTRY_KEY)
    return setting.value if setting is not None and setting.value else None


def set_country(db: Session, code: str | None) -> None:
    """Set the person's country; None (or "") records that their country is not listed."""
    value = (code or NOT_LISTED).strip().upper()
    if value and load_directory().country(value) is None:
        raise UnknownCountry(value)
    setting = db.get(HelpdirSetting, COUNTRY_KEY)
    if setting is None:
        db.add(HelpdirSetting(key=COUNTRY_KEY, value=value))
    else:
        setting.value = value


def emergency_number(country: str) -> str | None:
    """The emergency number of a directory country (for example "911"), or None."""
    found = load_directory().country(country.upper())
    return found.emergency if found else None


def country_name(code: str) -> str:
    """The English name of a directory country, or the code itself if it is not listed."""
    found = load_directory().country(code.upper())
    return found.name if found else code


# -- chosen services ----------------------------------------------------------------------------


def own_to_service(own: OwnService) -> HelpService:
    """A person's own service in the same shape as a directory entry."""
    return HelpService(
        id=f"own-{own.id}",
        name=own.name,
        kinds=(own.kind,),
        country="",
        phone=own.phone,
        text=own.text,
        chat=own.chat,
        hours=own.hours,
        web=own.web,
        about=own.notes,
        own=True,
    )


def chosen_ids(db: Session) -> set[str]:
    """Ids of the directory services the person chose."""
    return set(db.scalars(select(ChosenService.service_id)))


def chosen_hotlines(db: Session) -> list[HelpService]:
    """The services the person chose: directory ones first, then their own chosen ones."""
    directory = load_directory()
    rows = db.scalars(select(ChosenService).order_by(ChosenService.id))
    picked = [s for s in (directory.service(row.service_id) for row in rows) if s is not None]
    own = db.scalars(select(OwnService).where(OwnService.chosen).order_by(OwnService.id))
    return [*picked, *(own_to_service(o) for o in own)]


def choose_service(db: Session, service_id: str, chosen: bool) -> None:
    """Mark (or unmark) a directory service as one of the person's."""
    if load_directory().service(service_id) is None:
        raise UnknownService(service_id)
    db.execute(delete(ChosenService).where(ChosenService.service_id == service_id))
    if chosen:
        db.add(ChosenService(service_id=service_id, created_at=datetime.now(UTC)))


def nearest_hotlines(db: Session, limit: int = 3) -> list[HelpService]:
    """Hotlines to show in a hard moment: the chosen ones, else the country's helplines."""
    chosen = chosen_hotlines(db)
    if chosen:
        return chosen[:limit]
    code = get_country(db)
    country = load_directory().country(code) if code else None
    if country is None:
        return []
    return [s for s in country.services if "hotline" in s.kinds][:limit]


# -- own services -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnServiceInput:
    """What the form gives for a service the person adds (already checked)."""

    name: str
    kind: str
    phone: str = ""
    text: str = ""
    chat: str = ""
    hours: str = ""
    web: str = ""
    notes: str = ""
    chosen: bool = False


def list_own_services(db: Session) -> list[OwnService]:
    """The person's own services, by name."""
    return list(db.scalars(select(OwnService).order_by(OwnService.name, OwnService.id)))


def get_own_service(db: Session, service_id: int) -> OwnService | None:
    return db.get(OwnService, service_id)


def add_own_service(db: Session, data: OwnServiceInput) -> int:
    """Add a service of the person's own; returns its id."""
    now = datetime.now(UTC)
    row = OwnService(created_at=now, updated_at=now, **data.__dict__)
    db.add(row)
    db.flush()
    return row.id


def update_own_service(db: Session, service_id: int, data: OwnServiceInput) -> bool:
    """Replace the fields of an own service; False if there is none with this id."""
    row = db.get(OwnService, service_id)
    if row is None:
        return False
    for name, value in data.__dict__.items():
        setattr(row, name, value)
    row.updated_at = datetime.now(UTC)
    return True


def delete_own_service(db: Session, service_id: int) -> bool:
    """Delete an own service; False if there is none with this id."""
    return delete_row(db, OwnService, service_id)


# -- search -------------------------------------------------------------------------------------


def _matches(service: HelpService, words: list[str]) -> bool:
    haystack = " ".join(
        (service.name, service.about, service.phone, service.hours, *service.kind_labels)
    ).casefold()
    return all(word in haystack for word in words)


def search_services(
    directory: Directory,
    *,
    country: str | None = None,
    kind: str | None = None,
    language: str | None = None,
    query: str = "",
) -> list[HelpService]:
    """Directory services that match every filter given (empty filters match all)."""
    words = query.casefold().split()
    countries: Iterable[str] = [country] if country else [c.code for c in directory.countries]
    found: list[HelpService] = []
    for code in countries:
        entry = directory.country(code)
        if entry is None:
            continue
        found.extend(
            s
            for s in entry.services
            if (not kind or kind in s.kinds)
            and (not language or language in s.languages)
            and (not words or _matches(s, words))
        )
    return found


def kind_choices() -> dict[str, str]:
    """Every kind of service with its label, in display order."""
    return dict(KINDS)
