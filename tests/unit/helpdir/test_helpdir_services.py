"""The help directory services other areas rely on: country, emergency number, chosen lines."""

from __future__ import annotations

import pytest

from clearpath.helpdir import services
from clearpath.helpdir.directory import load_directory
from clearpath.vault.service import Vault


def test_country_is_unset_until_asked(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        assert services.get_country(db) is None
        assert not services.country_asked(db)


def test_set_country_and_change_it(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.set_country(db, "gb")
    with unlocked_vault.session() as db:
        assert services.get_country(db) == "GB"
        services.set_country(db, "US")
    with unlocked_vault.session() as db:
        assert services.get_country(db) == "US"


def test_not_listed_counts_as_asked_without_a_country(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.set_country(db, None)
    with unlocked_vault.session() as db:
        assert services.country_asked(db)
        assert services.get_country(db) is None


def test_unknown_country_is_refused(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db, pytest.raises(services.UnknownCountry):
        services.set_country(db, "XX")


@pytest.mark.parametrize(
    ("code", "number"), [("US", "911"), ("GB", "999"), ("AU", "000"), ("de", "110")]
)
def test_emergency_number(code: str, number: str) -> None:
    assert services.emergency_number(code) == number


def test_emergency_number_of_an_unlisted_country() -> None:
    assert services.emergency_number("XX") is None
    assert services.country_name("XX") == "XX"
    assert services.country_name("fr") == "France"


def test_chosen_hotlines_directory_then_own(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.choose_service(db, "gb-ndah", True)
        services.add_own_service(
            db,
            services.OwnServiceInput(
                name="Town outreach", kind="hotline", phone="01234", chosen=True
            ),
        )
        services.add_own_service(db, services.OwnServiceInput(name="Not chosen", kind="legal"))
    with unlocked_vault.session() as db:
        chosen = services.chosen_hotlines(db)
    assert [s.name for s in chosen] == [
        "National Domestic Abuse Helpline (Refuge)",
        "Town outreach",
    ]
    assert chosen[0].phone == "0808 2000 247"
    assert chosen[1].own


def test_unchoose_and_unknown_service(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.choose_service(db, "us-ndvh", True)
        services.choose_service(db, "us-ndvh", True)
        services.choose_service(db, "us-ndvh", False)
        assert services.chosen_hotlines(db) == []
        with pytest.raises(services.UnknownService):
            services.choose_service(db, "nowhere", True)


def test_nearest_hotlines_fall_back_to_the_country(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        assert services.nearest_hotlines(db) == []
        services.set_country(db, "DE")
        found = services.nearest_hotlines(db)
    assert found
    assert all("hotline" in s.kinds for s in found)
    assert found[0].phone == "116 016"


def test_own_services_update_and_delete(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        new_id = services.add_own_service(
            db, services.OwnServiceInput(name="Ärztin", kind="counselling")
        )
    with unlocked_vault.session() as db:
        assert services.update_own_service(
            db, new_id, services.OwnServiceInput(name="Ärztin Weiß", kind="counselling")
        )
        assert not services.update_own_service(
            db, 999, services.OwnServiceInput(name="x", kind="legal")
        )
    with unlocked_vault.session() as db:
        assert [s.name for s in services.list_own_services(db)] == ["Ärztin Weiß"]
        assert services.delete_own_service(db, new_id)
        assert not services.delete_own_service(db, new_id)


def test_search_filters() -> None:
    directory = load_directory()
    everything = services.search_services(directory)
    assert len(everything) == sum(len(c.services) for c in directory.countries)
    us_children = services.search_services(directory, country="US", kind="children")
    assert us_children
    assert all(s.country == "US" and "children" in s.kinds for s in us_children)
    german = services.search_services(directory, language="de")
    assert german
    assert all("de" in s.languages for s in german)
    assert [s.id for s in services.search_services(directory, query="refuge 0808")] == ["gb-ndah"]
    assert services.search_services(directory, query="zzzz-nothing") == []
