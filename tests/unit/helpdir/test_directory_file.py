"""The bundled directory file: its schema, its coverage and the schema check itself."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from clearpath.helpdir.directory import (
    KINDS,
    DirectoryError,
    check_directory,
    directory_text,
    load_directory,
    parse_directory,
)
from clearpath.helpdir.languages import language_name

CHECKED = "2026-11-24"


@pytest.fixture
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(directory_text())
    return data


def test_bundled_file_matches_the_schema(raw: dict[str, Any]) -> None:
    assert check_directory(raw) == []


def test_at_least_25_countries_each_with_an_emergency_number_and_a_service() -> None:
    directory = load_directory()
    assert len(directory.countries) >= 25
    for country in directory.countries:
        assert country.emergency
        assert country.services, country.code
        assert any({"hotline", "crisis"} & set(service.kinds) for service in country.services), (
            country.code
        )


def test_every_entry_is_honest_about_checking() -> None:
    for country in load_directory().countries:
        for item in (country, *country.services):
            assert item.source
            if item.verified:
                assert item.last_checked == CHECKED
            else:
                assert item.last_checked is None


def test_well_known_numbers() -> None:
    directory = load_directory()
    expected = {
        "us-ndvh": "1-800-799-7233",
        "gb-ndah": "0808 2000 247",
        "au-1800respect": "1800 737 732",
        "de-hilfetelefon": "116 016",
        "fr-3919": "3919",
    }
    for service_id, number in expected.items():
        service = directory.service(service_id)
        assert service is not None
        assert service.phone.startswith(number)


def test_many_kinds_are_covered() -> None:
    kinds = {k for c in load_directory().countries for s in c.services for k in s.kinds}
    assert {"hotline", "legal", "shelter", "children", "lgbtq", "men", "elder"} <= kinds
    assert kinds <= set(KINDS)


def _problems_after(raw: dict[str, Any], change: Any) -> list[str]:
    broken = copy.deepcopy(raw)
    change(broken)
    return check_directory(broken)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(kind="other"), "'kind'"),
        (lambda d: d.update(format=2), "'format'"),
        (lambda d: d.update(countries=[]), "'countries'"),
        (lambda d: d["countries"][0].update(code="usa"), "alpha-2"),
        (lambda d: d["countries"].append(copy.deepcopy(d["countries"][0])), "twice"),
        (lambda d: d["countries"][0].update(emergency=""), "'emergency'"),
        (lambda d: d["countries"][0]["services"][0].update(kinds=["rocket"]), "'kinds'"),
        (lambda d: d["countries"][0]["services"][0].update(web="https://x.org"), "scheme"),
        (lambda d: d["countries"][0]["services"][0].update(source=""), "'source'"),
        (lambda d: d["countries"][0]["services"][0].update(verified="yes"), "'verified'"),
        (lambda d: d["countries"][0]["services"][0].update(last_checked="24/11/2026"), "YYYY"),
        (lambda d: d["countries"][0]["services"][0].update(colour="red"), "unknown fields"),
        (lambda d: d["countries"][0]["services"][0].update(languages=["English"]), "ISO 639"),
        (lambda d: d["countries"][0]["services"][0].update(phone=7), "'phone'"),
        (
            lambda d: d["countries"][0]["services"][0].update(phone="", text="", chat="", web=""),
            "at least one",
        ),
        (
            lambda d: d["countries"][0]["services"][1].update(
                id=d["countries"][0]["services"][0]["id"]
            ),
            "used twice",
        ),
    ],
)
def test_schema_check_finds_each_problem(raw: dict[str, Any], change: Any, expected: str) -> None:
    problems = _problems_after(raw, change)
    assert any(expected in problem for problem in problems), problems


def test_not_an_object() -> None:
    assert check_directory([]) == ["the file must hold one JSON object"]
    with pytest.raises(DirectoryError):
        parse_directory("nope")


def test_every_language_has_a_name() -> None:
    for code in load_directory().languages:
        assert language_name(code) != code, code
