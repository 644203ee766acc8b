"""Standard input as data, the terminal for keys.

`stats` and `export` with no PATH read standard input when it is a pipe or a file with bytes in
it, and the demo corpus when it is `/dev/null` or a terminal. The reader reads a piped corpus to
its end and takes keys from the controlling terminal, as `less` does.
"""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

import parsing.containers
from parsing.errors import ThreadlineError
from tui import stdin_source
from tui.stdin_source import attach_terminal, piped_stdin, reader_paths, take_stdin

PIPED = b"1/ Piped words arrive here first.\n2/ And a second post.\n\n1/ Another thread.\n"
"""Two threads, neither of them in the demo corpus."""


def cli(
    args: list[str], stdin: int | object, env: dict[str, str]
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ,
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def demo_threads(env: dict[str, str]) -> int:
    result = cli(["stats", "--json"], subprocess.DEVNULL, env)
    return int(json.loads(result.stdout)["threads"])


@pytest.mark.parametrize("command", [["stats", "--json"], ["export"]])
def test_command_reads_a_pipe(command: list[str], env: dict[str, str]) -> None:
    """`cat FILE | threadline stats` (or export) reads the pipe, not the demo corpus."""
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", *command],
        input=PIPED,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    threads = data["threads"] if isinstance(data["threads"], int) else len(data["threads"])
    assert threads == 2


def test_export_of_a_pipe_names_standard_input(env: dict[str, str]) -> None:
    """Threads read from a pipe come from the source `-`."""
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "export"],
        input=PIPED,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    threads = json.loads(result.stdout)["threads"]
    assert [thread["source"] for thread in threads] == ["-", "-"]
    assert threads[0]["title"].startswith("Piped words")


def test_stats_reads_a_file_on_stdin(tmp_path: Path, env: dict[str, str]) -> None:
    """`threadline stats < FILE` reads the file."""
    corpus = tmp_path / "corpus.txt"
    corpus.write_bytes(PIPED)
    with corpus.open("rb") as stream:
        result = cli(["stats", "--json"], stream, env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["threads"] == 2


def test_stats_with_dev_null_reads_the_demo(env: dict[str, str]) -> None:
    """`threadline stats < /dev/null` is the demo corpus: /dev/null is not a corpus."""
    result = cli(["stats", "--json"], subprocess.DEVNULL, env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sources"] > 1  # the demo's files, not one `-`
    assert json.loads(result.stdout)["threads"] not in (0, 2)


def test_stats_with_an_empty_file_reads_the_demo(tmp_path: Path, env: dict[str, str]) -> None:
    """An empty file on standard input holds nothing to read: the demo corpus, as /dev/null."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with empty.open("rb") as stream:
        result = cli(["stats", "--json"], stream, env)
    assert json.loads(result.stdout)["threads"] == demo_threads(env)


def test_a_path_wins_over_a_pipe(tmp_path: Path, env: dict[str, str]) -> None:
    """With a PATH, a pipe on standard input is not read."""
    corpus = tmp_path / "one.txt"
    corpus.write_bytes(b"1/ Only this thread.\n")
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "stats", "--json", str(corpus)],
        input=PIPED,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert json.loads(result.stdout)["threads"] == 1


# -- the pieces the reader uses ------------------------------------------------------------------


def test_piped_stdin_kinds(tmp_path: Path) -> None:
    """A pipe and a non-empty file hold data; /dev/null, an empty file, a terminal and a closed
    descriptor do not."""
    read_end, write_end = os.pipe()
    full, empty = tmp_path / "full.txt", tmp_path / "empty.txt"
    full.write_bytes(b"1/ x\n")
    empty.write_bytes(b"")
    controller, terminal = pty.openpty()
    with full.open("rb") as f, empty.open("rb") as e, open(os.devnull, "rb") as null:
        kinds = {
            "pipe": piped_stdin(read_end),
            "file": piped_stdin(f.fileno()),
            "empty file": piped_stdin(e.fileno()),
            "/dev/null": piped_stdin(null.fileno()),
            "terminal": piped_stdin(terminal),
            "none": piped_stdin(None),
        }
    for fd in (read_end, write_end, controller, terminal):
        os.close(fd)
    kinds["closed"] = piped_stdin(read_end)
    assert kinds == {
        "pipe": True,
        "file": True,
        "empty file": False,
        "/dev/null": False,
        "terminal": False,
        "none": False,
        "closed": False,
    }


def test_take_stdin_hands_the_bytes_to_the_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """What is read from the pipe is what the loader later reads as `-`, even once the
    descriptor is a terminal."""
    monkeypatch.setattr(parsing.containers, "stdin_reader", parsing.containers.stdin_reader)
    read_end, write_end = os.pipe()
    os.write(write_end, PIPED)
    os.close(write_end)
    try:
        assert take_stdin(read_end) == PIPED
    finally:
        os.close(read_end)
    assert parsing.containers.stdin_reader() == PIPED


def test_attach_terminal_puts_the_terminal_on_the_descriptor() -> None:
    """After reading a pipe, its descriptor becomes the terminal, where keys are read."""
    controller, terminal = pty.openpty()
    read_end, write_end = os.pipe()
    try:
        attach_terminal(read_end, os.ttyname(terminal))
        assert os.isatty(read_end)
        os.write(controller, b"q\n")  # a new terminal is line-buffered: the line ends it
        assert select.select([read_end], [], [], 5)[0]
        assert os.read(read_end, 16) == b"q\n"
    finally:
        for fd in (controller, terminal, read_end, write_end):
            os.close(fd)


def test_attach_terminal_without_a_terminal_is_one_clear_error(tmp_path: Path) -> None:
    """No terminal to read keys from is a user-facing error, not a hang or a traceback."""
    read_end, write_end = os.pipe()
    try:
        with pytest.raises(ThreadlineError, match="no terminal for keys"):
            attach_terminal(read_end, str(tmp_path / "no-such-tty"))
        with pytest.raises(ThreadlineError, match="not a terminal"):
            attach_terminal(read_end, os.devnull)
        assert not os.isatty(read_end)
    finally:
        os.close(read_end)
        os.close(write_end)


def test_reader_refuses_dash_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """`threadline -` typed at a terminal would read keys as the corpus: one clear error."""
    controller, terminal = pty.openpty()
    monkeypatch.setattr(stdin_source, "stdin_fd", lambda: terminal)
    try:
        with pytest.raises(ThreadlineError, match="standard input is the terminal"):
            reader_paths(["-"])
        assert reader_paths([]) == []  # no PATH at a terminal: the demo corpus
    finally:
        os.close(controller)
        os.close(terminal)


# -- the reader itself, on a terminal of its own ---------------------------------------------------


def read_until(controller: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        if select.select([controller], [], [], 0.2)[0]:
            try:
                seen += os.read(controller, 65536)
            except OSError:  # the terminal closed: the reader has gone
                break
    return seen


def exit_status(pid: int, controller: int, seconds: float) -> int | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        read_until(controller, b"\0never", 0.1)  # keep its output flowing
    return None


@pytest.mark.parametrize(
    ("args", "quit_key"),
    [(["-"], b"q"), ([], b"q"), (["-"], b"\x03")],
    ids=["dash-q", "no-path-q", "dash-ctrl-c"],
)
def test_reader_reads_a_pipe_and_keys_from_the_terminal(
    args: list[str], quit_key: bytes, env: dict[str, str]
) -> None:
    """`cat FILE | threadline -` (and with no PATH) shows the piped threads, and `q` or ctrl+c
    typed at the terminal quits with status 0."""
    import fcntl
    import termios

    read_end, write_end = os.pipe()
    pid, controller = pty.fork()
    if pid == 0:  # the child: its terminal is the pty, its standard input the pipe
        os.close(write_end)
        os.dup2(read_end, 0)
        os.execve(sys.executable, [sys.executable, "-m", "tui.cli", *args], env)
    os.close(read_end)
    try:
        fcntl.ioctl(controller, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.write(write_end, PIPED)
        os.close(write_end)
        shown = read_until(controller, b"Piped words", 30)
        assert b"Piped words" in shown
        os.write(controller, quit_key)
        status = exit_status(pid, controller, 15)
        if status is None:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        assert status == 0
    finally:
        os.close(controller)


def test_a_killed_reader_leaves_state_the_next_start_reads(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader on a terminal of its own: open the first thread, move to its third post, and
    kill the process (SIGKILL, no chance to tidy up). The state file holds the thread as read
    and the place, and the next start reads it."""
    import fcntl
    import termios

    from tui.store import StateStore, corpus_key

    corpus = tmp_path / "corpus.txt"
    corpus.write_bytes(b"1/ Piped words arrive here first.\n2/ Two.\n3/ Three.\n4/ Four.\n")
    pid, controller = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "tui.cli", str(corpus)], env)
    try:
        fcntl.ioctl(controller, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        assert b"unread" in read_until(controller, b"unread", 30)  # the state is applied
        os.write(controller, b"\r")
        read_until(controller, b"1/4", 10)
        os.write(controller, b"jj")
        read_until(controller, b"\0never", 1.5)  # a moment to move and write
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    finally:
        os.close(controller)
    for name, value in env.items():
        if name.startswith("XDG_"):
            monkeypatch.setenv(name, value)  # this process opens the same store
    store = StateStore.open(corpus_key([str(corpus)]))
    assert store.take_warnings() == []
    assert len(store.read) == 1
    assert store.place is not None
    assert (store.place.thread in store.read, store.place.post) == (True, 2)
