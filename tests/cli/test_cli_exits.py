"""The command line's exits: a command writes all its output before it ends, one piped into a
reader that stops early exits quietly, and the reader quits at once while its corpus is still
read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.parsing.helpers import REPO

from .test_cli_errors import GOOD, write


def run_entry(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The installed command's entry point, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", "from tui.cli import entry; entry()", *args],
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_a_command_writes_all_its_output_before_it_exits(tmp_path: Path) -> None:
    """`stats` leaves without tearing the interpreter down, but only after flushing: the whole
    JSON document arrives, and the exit status is the command's."""
    write(tmp_path / "good.txt", GOOD)
    result = run_entry("stats", "--json", str(tmp_path / "good.txt"))
    assert (result.returncode, result.stderr) == (0, b"")
    assert json.loads(result.stdout)["sources"] == 1
    missing = run_entry("stats", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2
    assert b"no such file" in missing.stderr


def test_a_command_piped_into_a_reader_that_stops_early_exits_quietly(tmp_path: Path) -> None:
    """`export … | head -c 10`: the closed pipe ends the command with no traceback."""
    write(tmp_path / "good.txt", GOOD * 5000)  # more than a pipe holds
    script = "from tui.cli import entry; entry()"
    result = subprocess.run(
        f'"{sys.executable}" -c "{script}" export "{tmp_path}" | head -c 10',
        shell=True,
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert len(result.stdout) == 10
    assert result.stderr == b""


QUIT_WHILE_LOADING = """
import asyncio, threading
import tui.cli
never = threading.Event()

def reader():
    # The reader quit while its corpus is still being read in a worker thread: Textual runs
    # thread workers in the event loop's executor, whose threads the interpreter's exit joins.
    loop = asyncio.new_event_loop()
    loop.run_in_executor(None, never.wait)
    print("quit", flush=True)
    return 0

tui.cli.main = reader
tui.cli.entry()
"""


def test_the_reader_quits_without_waiting_for_its_loading() -> None:
    """A reader that quits while a worker thread still reads or indexes its corpus exits at
    once with its status: the exit does not wait for that thread (which here never ends)."""
    result = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_LOADING],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"quit\n", b"")


APP_QUITS_WHILE_READING = """
import threading
from tui.app import ThreadlineApp
from tui.loading import CorpusLoader

never = threading.Event()
CorpusLoader.run = lambda self, post: never.wait()  # a read that never ends

async def press_q(pilot):
    await pilot.pause()
    await pilot.press("q")

app = ThreadlineApp(paths=[])
app.run(headless=True, size=(80, 24), auto_pilot=press_q)
print("returned", flush=True)
"""


def test_the_app_returns_on_q_while_its_corpus_is_still_read() -> None:
    """`q` while the corpus is still being read ends the app's run at once: the read does not
    hold up the event loop's shutdown (here it never ends)."""
    result = subprocess.run(
        [sys.executable, "-c", APP_QUITS_WHILE_READING],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, b"returned"), result.stderr[-2000:]
