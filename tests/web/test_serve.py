"""`threadline serve` without a browser: its command line, the reader command it serves, the
warnings and errors it gives, and the driver that draws flags as letters."""

from __future__ import annotations

import importlib
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from tui import serve
from tui.browser_driver import DRIVER_PATH, flags_as_letters
from tui.cli import main


class NoServer:
    """Stands in for textual-serve's server: records that it was asked to serve."""

    def __init__(self) -> None:
        self.served = False

    def serve(self) -> None:
        self.served = True


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> NoServer:
    server = NoServer()
    monkeypatch.setattr(serve, "_reader_server", lambda command, host, port: server)
    return server


def test_without_textual_serve_it_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the web extra, `serve` exits 2 with one line naming the install command."""
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 2
    assert capsys.readouterr().err == (
        "threadline: serve needs the web extra: pip install 'threadline[web]'\n"
    )


def test_the_served_command_is_the_reader_with_every_argument_quoted(tmp_path: Path) -> None:
    """Paths (made absolute, after `--`), flags and a search holding shell syntax reach the
    reader each as one argument, run by this Python with the browser's driver."""
    odd = tmp_path / "a b; $(touch x) 'q'.txt"
    command = serve.reader_command([str(odd), "-rel"], ["RU", "CN"], "x && y")
    assert command.startswith("exec ")
    assert shlex.split(command.removeprefix("exec ")) == [
        "env", f"TEXTUAL_DRIVER={DRIVER_PATH}", sys.executable, "-P", "-m", "tui.cli",
        "--flag=RU", "--flag=CN", "--search=x && y",
        "--", str(odd), str(Path.cwd() / "-rel"),
    ]  # fmt: skip


def test_the_served_command_passes_the_author_on(tmp_path: Path) -> None:
    """`serve --author` reaches each tab's reader as one `--author=` argument."""
    command = serve.reader_command([str(tmp_path)], [], None, "@ann; rm")
    assert "--author=@ann; rm" in shlex.split(command.removeprefix("exec "))


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "::1", "localhost"])
def test_loopback_addresses_are_loopback(host: str) -> None:
    """Loopback addresses, and the name localhost, count as loopback."""
    assert serve.is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "reader.example.org"])
def test_other_addresses_are_not_loopback(host: str) -> None:
    """Every other address, and any other name, does not."""
    assert not serve.is_loopback(host)


def test_binding_another_address_warns_that_anyone_can_read(
    no_server: NoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--host 0.0.0.0` serves, after a warning that anyone who can reach it reads the corpus."""
    assert main(["serve", "--host", "0.0.0.0"]) == 0
    assert no_server.served
    assert capsys.readouterr().err == (
        "threadline: warning: serving on 0.0.0.0: anyone who can reach this address "
        "can read the corpus\n"
    )


def test_loopback_serves_without_a_warning(
    no_server: NoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default address is loopback: nothing said on stderr."""
    assert main(["serve"]) == 0
    assert no_server.served
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-"], "serve reads files and folders, not standard input (-)"),
        (["--port", "70000"], "--port 70000: a port is a number from 1 to 65535"),
        (["--flag", "nowhere-land"], "unknown flag"),
        (["no-such-file.txt"], "no-such-file.txt"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    arguments: list[str], message: str, no_server: NoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard input, a port out of range, an unknown flag or a missing file: exit 2 before
    serving, one line on stderr."""
    assert main(["serve", *arguments]) == 2
    assert not no_server.served
    error = capsys.readouterr().err
    assert message in error
    assert error.count("\n") == 1


def test_a_port_in_use_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A port another program listens on: exit 2 with one line naming it."""
    pytest.importorskip("textual_serve", reason="the web extra (textual-serve) is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"threadline: cannot serve on 127.0.0.1:{port}: ")
    assert error.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("🇷🇺", "RU"),
        ("the 🇷🇺🇦🇲 alliance", "the RUAM alliance"),
        ("\x1b[1m🇨🇳\x1b[0m 3", "\x1b[1mCN\x1b[0m 3"),
        ("no flag, 中文 and 🏴 stay", "no flag, 中文 and 🏴 stay"),
    ],
)
def test_flags_are_written_as_their_letters_in_the_same_cells(text: str, letters: str) -> None:
    """Each regional indicator becomes its letter, which takes the same one cell; everything
    else is written as it is."""
    assert flags_as_letters(text) == letters
    assert cell_len(letters) == cell_len(text)


def test_the_served_reader_runs_on_the_browser_driver() -> None:
    """TEXTUAL_DRIVER in the served command names this driver, a web driver: the reader knows
    it is served (`App.is_web`), and `App.open_url` sends links to the page."""
    from textual.drivers.web_driver import WebDriver

    from tui.browser_driver import BrowserDriver

    module, _, name = DRIVER_PATH.partition(":")
    loaded: Any = getattr(importlib.import_module(module), name)
    assert loaded is BrowserDriver
    assert issubclass(BrowserDriver, WebDriver)


@pytest.fixture
async def page_server() -> Any:
    """The served site (no port opened) for aiohttp's test client, serving loopback only."""
    pytest.importorskip("textual_serve", reason="the web extra (textual-serve) is not installed")
    from aiohttp.test_utils import TestClient, TestServer

    server = serve._reader_server("exit 1", "127.0.0.1", 8000)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    yield client
    await client.close()


async def test_the_page_talks_back_to_the_address_it_was_loaded_from(page_server: Any) -> None:
    """The page loaded as http://localhost:P/ connects its reader to ws://localhost:P/ws and
    takes its files from there; it names no other server."""
    response = await page_server.get("/", headers={"Host": "localhost:8123"})
    assert response.status == 200
    page = await response.text()
    assert 'data-session-websocket-url="ws://localhost:8123/ws"' in page
    assert "http://localhost:8123/static/js/textual.js" in page
    assert "googleapis" not in page


async def test_a_page_of_another_site_cannot_open_a_reader(page_server: Any) -> None:
    """A connection whose Origin is another site is refused before any reader starts."""
    response = await page_server.get(
        "/ws", headers={"Origin": "https://elsewhere.example", "Host": "127.0.0.1:8123"}
    )
    assert response.status == 403


@pytest.mark.parametrize("path", ["/", "/ws"])
async def test_a_loopback_server_answers_only_to_loopback_names(
    page_server: Any, path: str
) -> None:
    """Served on loopback, a request for another name (one that a hostile site made resolve
    to 127.0.0.1) is refused."""
    response = await page_server.get(path, headers={"Host": "rebound.example:8123"})
    assert response.status == 403
