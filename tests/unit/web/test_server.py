"""The listening socket: loopback only, a real free port for 0, and no Nagle delay."""

from __future__ import annotations

import socket

import pytest

from clearpath.settings import NotLoopback
from clearpath.web.server import bind_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org", ""])  # noqa: S104
def test_only_loopback_addresses_are_bound(host: str) -> None:
    with pytest.raises(NotLoopback, match="only listens on this computer"):
        bind_loopback(host, 0)


def test_port_zero_picks_a_free_loopback_port() -> None:
    sock = bind_loopback("127.0.0.1", 0)
    try:
        address, port = sock.getsockname()
        assert address == "127.0.0.1"
        assert port > 0
    finally:
        sock.close()


def test_accepted_connections_send_without_waiting_for_acks() -> None:
    # Without TCP_NODELAY every page waited ~40 ms on the browser's delayed ACK.
    listener = bind_loopback("127.0.0.1", 0)
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        for sock in (accepted, client, listener):
            sock.close()
