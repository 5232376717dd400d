"""Running the app with uvicorn on a loopback socket we bind ourselves.

Binding first lets port 0 pick a free port and lets us print the exact address before the
server starts answering.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import uvicorn

from clearpath.settings import LOOPBACK_HOSTS, NotLoopback, Settings
from clearpath.vault.service import Vault
from clearpath.web.app import create_app
from clearpath.web.context import app_context


def bind_loopback(host: str, port: int) -> socket.socket:
    """A listening socket on a loopback address (exactly 127.0.0.1 or ::1; 0 picks a port)."""
    if host not in LOOPBACK_HOSTS:
        raise NotLoopback(host)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this. Without it, a response written as headers then body
    # waits on the browser's delayed ACK: every page took ~44 ms instead of ~2 ms (bench pages).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(64)
    return sock


def run_server(settings: Settings, vault: Vault, on_ready: Callable[[str], None]) -> None:
    """Serve until stopped (Ctrl+C, quick exit). The vault is locked on the way out."""
    sock = bind_loopback(settings.host, settings.port)
    port = int(sock.getsockname()[1])
    app = create_app(settings.with_options(port=port), vault)
    ctx = app_context(app)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        server_header=False,
        date_header=False,
        proxy_headers=False,
        lifespan="on",
        ws="none",
    )
    server = uvicorn.Server(config)

    def stop() -> None:
        server.should_exit = True

    ctx.request_shutdown = stop
    ctx.announce_launch_url = _print_again
    on_ready(ctx.launch_url())
    try:
        server.run(sockets=[sock])
    finally:
        ctx.lock_everything()
        sock.close()


def _print_again(url: str) -> None:
    # After a quick exit that leaves the server running: no browser is opened, only the
    # terminal learns the new single-use address.
    print(f"Clearpath is locked. To open it again, use this address:\n{url}", flush=True)
