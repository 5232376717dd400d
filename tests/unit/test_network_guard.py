"""Tests never reach the network: only loopback is allowed, and the refusal comes first.

192.0.2.1 is TEST-NET-1 (RFC 5737): reserved for documentation, routed nowhere. Even so the
sockets get a short timeout, so a broken guard fails quickly instead of hanging.
"""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketConnectBlockedError

TEST_NET = ("192.0.2.1", 80)


def _tcp() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(0.5)
    return sock


def test_connect_off_loopback_is_refused_before_anything_is_sent() -> None:
    sock = _tcp()
    with pytest.warns(UserWarning, match="192.0.2.1"), pytest.raises(SocketConnectBlockedError):
        sock.connect(TEST_NET)
    # The guard closed the socket instead of handing the address to the kernel.
    assert sock.fileno() == -1


def test_connect_ex_off_loopback_is_refused() -> None:
    sock = _tcp()
    with pytest.warns(UserWarning, match="192.0.2.1"), pytest.raises(SocketConnectBlockedError):
        sock.connect_ex(TEST_NET)
    assert sock.fileno() == -1


def test_udp_sendto_off_loopback_is_refused() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
        pytest.warns(UserWarning, match="192.0.2.1"),
        pytest.raises(SocketConnectBlockedError),
    ):
        sock.sendto(b"x", ("192.0.2.1", 53))


def test_name_lookup_off_loopback_is_refused() -> None:
    # A lookup would send a DNS query even if no connection followed.
    with pytest.warns(UserWarning, match="example.com"), pytest.raises(SocketConnectBlockedError):
        socket.getaddrinfo("example.com", 443)


def test_create_connection_off_loopback_is_refused() -> None:
    with pytest.warns(UserWarning, match="192.0.2.1"), pytest.raises(SocketConnectBlockedError):
        socket.create_connection(TEST_NET, timeout=0.5)


def test_loopback_still_works() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        assert socket.getaddrinfo("localhost", port)
        with socket.create_connection(("127.0.0.1", port), timeout=2) as client:
            conn, _ = server.accept()
            with conn:
                client.sendall(b"ping")
                assert conn.recv(4) == b"ping"


def test_udp_on_loopback_still_works() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender,
    ):
        receiver.bind(("127.0.0.1", 0))
        receiver.settimeout(2)
        sender.sendto(b"ping", receiver.getsockname())
        assert receiver.recv(4) == b"ping"
