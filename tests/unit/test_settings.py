"""Settings from the environment: defaults, the data folder, and a clear error for a bad port."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearpath.settings import (
    DEFAULT_PORT,
    TESTING_KDF,
    KdfParams,
    NotLoopback,
    SettingsError,
    load_settings,
    loopback_address,
)


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings({}, data_dir=tmp_path)
    assert settings.port == DEFAULT_PORT
    assert settings.host == "127.0.0.1"
    assert settings.open_browser
    assert not settings.testing
    assert settings.kdf == KdfParams()
    assert settings.data_dir == tmp_path


def test_environment(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "CLEARPATH_DATA_DIR": str(tmp_path / "here"),
            "CLEARPATH_PORT": "9000",
            "CLEARPATH_NO_BROWSER": "1",
            "CLEARPATH_TESTING": "1",
        }
    )
    assert settings.data_dir == tmp_path / "here"
    assert settings.port == 9000
    assert not settings.open_browser
    assert settings.kdf == TESTING_KDF


@pytest.mark.parametrize(
    ("text", "port"), [("0", 0), ("65535", 65535), (" 8080 ", 8080), ("", DEFAULT_PORT)]
)
def test_ports_that_are_used(tmp_path: Path, text: str, port: int) -> None:
    assert load_settings({"CLEARPATH_PORT": text}, data_dir=tmp_path).port == port


@pytest.mark.parametrize("text", ["65536", "99999999", "-1", "http", "80a", "８０", "²"])
def test_a_port_out_of_range_is_refused_clearly(tmp_path: Path, text: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"CLEARPATH_PORT": text}, data_dir=tmp_path)
    assert caught.value.message.startswith(f"CLEARPATH_PORT is set to {text!r}, which is not")
    assert "from 0 to 65535" in caught.value.message
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("name", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "127.0.0.1"),
        (" LocalHost ", "127.0.0.1"),
        ("::1", "::1"),
    ],
)
def test_loopback_names(name: str, address: str) -> None:
    assert loopback_address(name) == address


@pytest.mark.parametrize("name", ["0.0.0.0", "::", "192.168.1.20", "example.org", "127.0.0.2", ""])  # noqa: S104
def test_other_hosts_are_refused(name: str) -> None:
    with pytest.raises(NotLoopback) as caught:
        loopback_address(name)
    assert caught.value.message == (
        "Clearpath only listens on this computer (127.0.0.1, ::1 or localhost), "
        f"never on {name}, so nobody else on the network can reach it."
    )
    assert caught.value.exit_code == 2
