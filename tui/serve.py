"""`threadline serve`: the reader in a browser tab, through Textualize's textual-serve.

textual-serve runs one command per browser tab, so each tab gets a reader of its own: the
command is this Python running `threadline` on the same corpus and filters. textual-serve is
the optional extra `web`; without it, `serve` says how to install it.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import shlex
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from parsing.errors import ThreadlineError
from parsing.read_loop import plan

from .output import say
from .sources import flag_codes

INSTALL_HINT = "serve needs the web extra: pip install 'threadline[web]'"
TEMPLATES = Path(__file__).parent / "web"


def run_serve(options: argparse.Namespace) -> int:
    if not 0 < options.port < 65536:
        raise ThreadlineError(f"--port {options.port}: a port is a number from 1 to 65535")
    if "-" in options.paths:
        raise ThreadlineError("serve reads files and folders, not standard input (-)")
    try:
        from textual_serve.server import Server  # noqa: F401 (only to know it is there)
    except ImportError:
        say(INSTALL_HINT)
        return 2
    plan(options.paths)  # a bad path is one line here, not an error page in every tab
    command = reader_command(
        options.paths, flag_codes(options.flag), options.search, options.author
    )
    if not is_loopback(options.host):
        say(
            f"warning: serving on {options.host}: anyone who can reach this address "
            "can read the corpus"
        )
    server = _reader_server(command, options.host, options.port)
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        raise ThreadlineError(
            f"cannot serve on {options.host}:{options.port}: {error.strerror or error}"
        ) from None
    return 0


def reader_command(
    paths: list[str], flags: list[str], search: str | None, author: str | None = None
) -> str:
    """The shell command that starts one reader: the paths made absolute (and after `--`),
    every argument quoted, the browser's driver, and `exec` so that the reader is the process
    textual-serve stops."""
    from .browser_driver import DRIVER_PATH

    options = [f"--flag={code}" for code in flags]
    if search:
        options.append(f"--search={search}")
    if author:
        options.append(f"--author={author}")
    # `env` because textual-serve sets TEXTUAL_DRIVER to its own choice before the command runs.
    return "exec " + shlex.join(
        ["env", f"TEXTUAL_DRIVER={DRIVER_PATH}", sys.executable, "-P", "-m", "tui.cli",
         *options, "--", *map(os.path.abspath, paths)]
    )  # fmt: skip


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name: it may resolve to anything
        return False


def _reader_server(command: str, host: str, port: int) -> Any:
    import asyncio

    from aiohttp import web
    from textual_serve.server import Server

    class ReaderServer(Server):
        """textual-serve's server with its page from tui/web (no web font from another
        server), the page's addresses taken from the request (so that a page loaded as
        http://host:port/ talks back to host:port), no reader for other sites' pages,
        sessions ended when the server stops, and a one-line greeting."""

        sessions: set[asyncio.Task[Any]] = set()

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            _refuse_other_sites(request, loopback_only=is_loopback(host))
            session = asyncio.current_task()
            assert session is not None
            self.sessions.add(session)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(session)

        async def on_shutdown(self, app: web.Application) -> None:
            # An open page would keep the server waiting for a minute: cancelling its session
            # closes the page's connection and sends its reader the quit message, and the
            # session ends when the reader has gone.
            sessions = list(self.sessions)
            for session in sessions:
                session.cancel()
            await asyncio.gather(*sessions, return_exceptions=True)

        async def handle_index(self, request: web.Request) -> Any:
            _refuse_other_sites(request, loopback_only=is_loopback(host))
            # The page is rendered before anything else is awaited: no other request can
            # see this address in between.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        def initialize_logging(self) -> None:
            super().initialize_logging()
            # One line per request, each with the browser's name, would bury what matters.
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def on_startup(self, app: web.Application) -> None:
            print(
                f"threadline: serving the reader on http://{_url_host(host)}:{port}/ "
                "(ctrl+c stops it)",
                flush=True,
            )

    return ReaderServer(command, host=host, port=port, title="threadline", templates_path=TEMPLATES)


def _refuse_other_sites(request: Any, *, loopback_only: bool) -> None:
    """Any web page may point a browser at this server: a page from another site may not open
    a reader (its connection says where it comes from, in Origin), nor reach a loopback
    server through a name of its own that resolves to 127.0.0.1 (the Host it asks for)."""
    from aiohttp import web

    origin = request.headers.get("Origin")
    if origin is not None and urlsplit(origin).netloc != request.host:
        raise web.HTTPForbidden(text="threadline: a page from another site may not connect\n")
    if loopback_only and not is_loopback(request.url.host or ""):
        raise web.HTTPForbidden(text="threadline: open this page at its loopback address\n")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
