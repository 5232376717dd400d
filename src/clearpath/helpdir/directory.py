"""The bundled help directory: a versioned JSON file, its schema check and a typed view of it.

The file is read from the package (never fetched) the first time it is needed. Web addresses
in it are plain text for the person to type themselves; the app never opens them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DIRECTORY_KIND = "clearpath-help-directory"
DIRECTORY_FORMAT = 1

# What a service is for; the order is the order of the filter on the page.
KINDS: dict[str, str] = {
    "hotline": "Domestic abuse helpline",
    "legal": "Legal help",
    "shelter": "Shelters and refuges",
    "counselling": "Counselling",
    "peer": "Peer support",
    "lgbtq": "LGBTQ+",
    "men": "Men",
    "elder": "Older people",
    "children": "Children and young people",
    "immigration": "Immigration",
    "crisis": "Emotional crisis support",
}

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,78}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_TEXT_FIELDS = ("phone", "text", "chat", "hours", "web", "about")
_MAX_TEXT = 400


class DirectoryError(ValueError):
    """The bundled directory file does not match its schema."""


@dataclass(frozen=True)
class HelpService:
    """One help service, from the bundled directory or added by the person.

    Empty strings mean "not known"; ``own`` services come from the vault and have no source.
    """

    id: str
    name: str
    kinds: tuple[str, ...]
    country: str
    phone: str = ""
    text: str = ""
    chat: str = ""
    hours: str = ""
    web: str = ""
    about: str = ""
    languages: tuple[str, ...] = ()
    source: str = ""
    last_checked: str | None = None
    verified: bool = False
    own: bool = False

    @property
    def kind_labels(self) -> list[str]:
        return [KINDS.get(kind, kind) for kind in self.kinds]


@dataclass(frozen=True)
class Country:
    """A country in the directory with its emergency number and services."""

    code: str
    name: str
    emergency: str
    emergency_note: str
    source: str
    last_checked: str | None
    verified: bool
    services: tuple[HelpService, ...]


@dataclass(frozen=True)
class Directory:
    version: str
    countries: tuple[Country, ...]

    def country(self, code: str) -> Country | None:
        return next((c for c in self.countries if c.code == code), None)

    def service(self, service_id: str) -> HelpService | None:
        return next(
            (s for c in self.countries for s in c.services if s.id == service_id),
            None,
        )

    @property
    def languages(self) -> list[str]:
        return sorted({lang for c in self.countries for s in c.services for lang in s.languages})


# -- the schema check ------------------------------------------------------------------------


def _check_checked(where: str, entry: dict[str, Any], problems: list[str]) -> None:
    if not isinstance(entry.get("source"), str) or not entry["source"].strip():
        problems.append(f"{where}: 'source' must be a non-empty string")
    if not isinstance(entry.get("verified"), bool):
        problems.append(f"{where}: 'verified' must be true or false")
    checked = entry.get("last_checked")
    if checked is not None and not (isinstance(checked, str) and _DATE.match(checked)):
        problems.append(f"{where}: 'last_checked' must be a YYYY-MM-DD date or null")
    if entry.get("verified") is True and checked is None:
        problems.append(f"{where}: a verified entry needs 'last_checked'")


def _check_service(where: str, raw: Any, seen: set[str], problems: list[str]) -> None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be an object")
        return
    allowed = {"id", "name", "kinds", "languages", "source", "last_checked", "verified"}
    unknown = set(raw) - allowed - set(_TEXT_FIELDS)
    if unknown:
        problems.append(f"{where}: unknown fields {sorted(unknown)}")
    service_id = raw.get("id")
    if not isinstance(service_id, str) or not _SERVICE_ID.match(service_id):
        problems.append(f"{where}: 'id' must be lower-case letters, digits and dashes")
    elif service_id in seen:
        problems.append(f"{where}: id '{service_id}' is used twice")
    else:
        seen.add(service_id)
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        problems.append(f"{where}: 'name' must be a non-empty string")
    kinds = raw.get("kinds")
    if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
        problems.append(f"{where}: 'kinds' must be a non-empty list of {sorted(KINDS)}")
    languages = raw.get("languages", [])
    if not isinstance(languages, list) or any(
        not isinstance(lang, str) or not _LANGUAGE.match(lang) for lang in languages
    ):
        problems.append(f"{where}: 'languages' must be a list of ISO 639 codes")
    for name in _TEXT_FIELDS:
        value = raw.get(name, "")
        if not isinstance(value, str) or len(value) > _MAX_TEXT:
            problems.append(f"{where}: '{name}' must be a string of at most {_MAX_TEXT}")
    if not any(raw.get(name) for name in ("phone", "text", "chat", "web")):
        problems.append(f"{where}: needs at least one of phone, text, chat or web")
    web = raw.get("web", "")
    if isinstance(web, str) and "://" in web:
        problems.append(f"{where}: 'web' is shown as text; write it without a scheme")
    _check_checked(where, raw, problems)


def check_directory(raw: Any) -> list[str]:
    """Every way ``raw`` (the parsed JSON) differs from the directory schema; empty if none."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        return ["the file must hold one JSON object"]
    if raw.get("kind") != DIRECTORY_KIND:
        problems.append(f"'kind' must be '{DIRECTORY_KIND}'")
    if raw.get("format") != DIRECTORY_FORMAT:
        problems.append(f"'format' must be {DIRECTORY_FORMAT}")
    if not isinstance(raw.get("version"), str) or not raw["version"]:
        problems.append("'version' must be a non-empty string")
    countries = raw.get("countries")
    if not isinstance(countries, list) or not countries:
        return [*problems, "'countries' must be a non-empty list"]
    codes: set[str] = set()
    seen: set[str] = set()
    for index, country in enumerate(countries):
        where = f"countries[{index}]"
        if not isinstance(country, dict):
            problems.append(f"{where}: must be an object")
            continue
        code = country.get("code")
        if not isinstance(code, str) or not _COUNTRY_CODE.match(code):
            problems.append(f"{where}: 'code' must be an ISO 3166 alpha-2 code")
        elif code in codes:
            problems.append(f"{where}: country '{code}' appears twice")
        else:
            codes.add(code)
            where = f"country {code}"
        for name in ("name", "emergency"):
            if not isinstance(country.get(name), str) or not country[name].strip():
                problems.append(f"{where}: '{name}' must be a non-empty string")
        if not isinstance(country.get("emergency_note", ""), str):
            problems.append(f"{where}: 'emergency_note' must be a string")
        _check_checked(where, country, problems)
        services = country.get("services")
        if not isinstance(services, list):
            problems.append(f"{where}: 'services' must be a list")
            continue
        for number, service in enumerate(services):
            _check_service(f"{where} services[{number}]", service, seen, problems)
    return problems


# -- reading ---------------------------------------------------------------------------------


def _service(code: str, raw: dict[str, Any]) -> HelpService:
    return HelpService(
        id=raw["id"],
        name=raw["name"],
        kinds=tuple(raw["kinds"]),
        country=code,
        languages=tuple(raw.get("languages", ())),
        source=raw["source"],
        last_checked=raw.get("last_checked"),
        verified=raw["verified"],
        **{name: raw.get(name, "") for name in _TEXT_FIELDS},
    )


def parse_directory(raw: Any) -> Directory:
    """The typed directory from parsed JSON; DirectoryError lists every schema problem."""
    problems = check_directory(raw)
    if problems:
        raise DirectoryError("; ".join(problems))
    countries = tuple(
        Country(
            code=c["code"],
            name=c["name"],
            emergency=c["emergency"],
            emergency_note=c.get("emergency_note", ""),
            source=c["source"],
            last_checked=c.get("last_checked"),
            verified=c["verified"],
            services=tuple(_service(c["code"], s) for s in c["services"]),
        )
        for c in raw["countries"]
    )
    return Directory(version=raw["version"], countries=tuple(sorted(countries, key=_by_name)))


def _by_name(country: Country) -> str:
    return country.name.casefold()


def directory_text() -> str:
    """The bundled file as text."""
    return resources.files("clearpath.helpdir").joinpath("data/directory.json").read_text("utf-8")


@cache
def load_directory() -> Directory:
    """The bundled directory, read and checked once, on first use."""
    return parse_directory(json.loads(directory_text()))
