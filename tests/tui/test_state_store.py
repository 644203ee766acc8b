"""The remembered state (`tui.store`), apart from the reader: what is kept per corpus, where it
is written, and what happens when the files are damaged, unwritable, killed mid-session or
written by two readers at once. Every test points the XDG directories at tmp_path."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.store import Place, StateStore, corpus_key


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """XDG state and data directories in tmp_path (HOME too, so nothing can reach the real one)."""
    state, data = tmp_path / "state", tmp_path / "data"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return state, data


def child_env(dirs: tuple[Path, Path]) -> dict[str, str]:
    return {**os.environ, "XDG_STATE_HOME": str(dirs[0]), "XDG_DATA_HOME": str(dirs[1])}


def test_a_new_store_is_empty(dirs: tuple[Path, Path]) -> None:
    """A corpus never seen has nothing read, no bookmarks, no place and no theme."""
    store = StateStore.open("demo")
    assert (store.read, store.bookmarks, store.place, store.theme) == (set(), set(), None, None)
    assert store.take_warnings() == []


def test_everything_is_back_on_the_next_open(dirs: tuple[Path, Path]) -> None:
    """Read threads, bookmarks, the place with its filters and the theme survive a restart."""
    store = StateStore.open("demo")
    store.set_read("aaa")
    store.set_read("bbb")
    store.set_bookmark("bbb", True)
    place = Place("bbb", 3, {"flags": ["RU"], "search": "water"})
    store.save_place(place)
    store.save_theme("gruvbox")
    store.close()
    again = StateStore.open("demo")
    assert again.read == {"aaa", "bbb"}
    assert again.bookmarks == {"bbb"}
    assert again.place == place
    assert again.theme == "gruvbox"


def test_marks_can_be_taken_back(dirs: tuple[Path, Path]) -> None:
    """Marking a thread unread and removing a bookmark are remembered too."""
    store = StateStore.open("demo")
    store.set_read("aaa")
    store.set_bookmark("aaa", True)
    store.set_read("aaa", False)
    store.set_bookmark("aaa", False)
    store.close()
    again = StateStore.open("demo")
    assert (again.read, again.bookmarks) == (set(), set())


def test_corpora_are_kept_apart(dirs: tuple[Path, Path]) -> None:
    """A thread read in one corpus is unread in another; the theme is the user's, everywhere."""
    one = StateStore.open("one")
    one.set_read("aaa")
    one.set_bookmark("aaa", True)
    one.save_place(Place("aaa", 1))
    one.save_theme("nord")
    other = StateStore.open("other")
    assert (other.read, other.bookmarks, other.place) == (set(), set(), None)
    assert other.theme == "nord"


def test_files_are_under_the_xdg_directories(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    """State goes under $XDG_STATE_HOME/threadline, bookmarks under $XDG_DATA_HOME/threadline,
    and nothing under $HOME."""
    store = StateStore.open("demo")
    store.set_read("aaa")
    store.set_bookmark("aaa", True)
    store.close()
    state, data = dirs
    assert (state / "threadline" / "state.sqlite3").is_file()
    assert (data / "threadline" / "bookmarks.sqlite3").is_file()
    assert not (tmp_path / "home").exists()


def test_in_memory_writes_no_file(dirs: tuple[Path, Path]) -> None:
    """`--no-state`: marks hold for the session and no file is read or written."""
    store = StateStore.in_memory("demo")
    store.set_read("aaa")
    store.set_bookmark("aaa", True)
    store.save_place(Place("aaa", 2))
    assert (store.read, store.bookmarks, store.place) == ({"aaa"}, {"aaa"}, Place("aaa", 2))
    assert not dirs[0].exists()
    assert not dirs[1].exists()


def test_a_corrupt_state_file_is_reported_once(dirs: tuple[Path, Path]) -> None:
    """A state file that is not a database: one warning naming it, the session still keeps
    marks in memory, and bookmarks (another file) still reach the disk."""
    path = dirs[0] / "threadline" / "state.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, only some words " * 50)
    store = StateStore.open("demo")
    warnings = store.take_warnings()
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    store.set_read("aaa")
    store.set_bookmark("aaa", True)
    assert store.read == {"aaa"}
    assert store.take_warnings() == []
    store.close()
    assert StateStore.open("demo").bookmarks == {"aaa"}
    assert path.read_bytes().startswith(b"this is not a database")  # left for the user to see


def test_an_unwritable_state_directory_is_reported_once(dirs: tuple[Path, Path]) -> None:
    """The state directory cannot be made (a file is in the way): one warning, marks in memory."""
    dirs[0].mkdir(parents=True)
    (dirs[0] / "threadline").write_text("a file where the folder should be")
    store = StateStore.open("demo")
    store.set_read("aaa")
    store.save_place(Place("aaa", 1))
    assert store.read == {"aaa"}
    assert store.place == Place("aaa", 1)
    warnings = store.take_warnings()
    assert len(warnings) == 1
    assert "threadline" in warnings[0]


def test_a_write_that_fails_midway_is_reported_once(dirs: tuple[Path, Path]) -> None:
    """A file that stops taking writes during the session: one warning, then memory only."""
    store = StateStore.open("demo")
    connection = store._state._connection
    assert connection is not None
    connection.execute("PRAGMA query_only=ON")  # every write now fails as on a read-only disk
    store.set_read("aaa")
    store.set_read("bbb")
    store.save_theme("nord")
    assert store.read == {"aaa", "bbb"}
    warnings = store.take_warnings()
    assert len(warnings) == 1
    assert "cannot be written" in warnings[0]


def test_a_damaged_place_row_is_no_place(dirs: tuple[Path, Path]) -> None:
    """Filters that are not JSON, or a negative post, do not stop the reader from starting."""
    store = StateStore.open("demo")
    store.save_place(Place("aaa", 1))
    store.close()
    path = dirs[0] / "threadline" / "state.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE place SET filters='{not json', post=-4")
    connection.close()
    assert StateStore.open("demo").place == Place("aaa", 0, {})


WRITER = textwrap.dedent(
    """
    import sys
    from tui.store import Place, StateStore
    store = StateStore.open("demo")
    name, count = sys.argv[1], int(sys.argv[2])
    for n in range(count):
        store.set_read(f"{name}-{n}")
        store.save_place(Place(f"{name}-{n}", n))
    print("\\n".join(store.take_warnings()) or "written", flush=True)
    if len(sys.argv) > 3:
        sys.stdin.read()  # wait to be killed
    """
)


def test_a_killed_reader_leaves_what_it_wrote(dirs: tuple[Path, Path]) -> None:
    """A process killed with SIGKILL right after its writes leaves a state file that the next
    start reads, with every mark."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, "killed", "5", "wait"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=child_env(dirs),
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "written"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    store = StateStore.open("demo")
    assert store.take_warnings() == []
    assert store.read == {f"killed-{n}" for n in range(5)}
    assert store.place == Place("killed-4", 4)


def test_two_readers_writing_at_once(dirs: tuple[Path, Path]) -> None:
    """Two processes writing the same files at the same time both succeed, and every mark of
    both is there afterwards in a sound database."""
    count = 150
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(count)],
            stdout=subprocess.PIPE,
            env=child_env(dirs),
            text=True,
        )
        for name in ("left", "right")
    ]
    outputs = [child.communicate(timeout=120)[0].strip() for child in children]
    assert outputs == ["written", "written"]
    store = StateStore.open("demo")
    assert store.read == {f"{name}-{n}" for name in ("left", "right") for n in range(count)}
    path = dirs[0] / "threadline" / "state.sqlite3"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_corpus_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo and standard input have names of their own; named paths are the same corpus
    whatever their order or spelling, and another path is another corpus."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("1/ a\n")
    (tmp_path / "b.txt").write_text("1/ b\n")
    assert corpus_key([]) == "demo"
    assert corpus_key(["-"]) == "stdin"
    same = corpus_key(["a.txt", "b.txt"])
    assert corpus_key([str(tmp_path / "b.txt"), "./a.txt"]) == same
    assert corpus_key(["a.txt"]) != same
    assert corpus_key(["a.txt", "-"]) not in (same, corpus_key(["a.txt"]), "stdin")
