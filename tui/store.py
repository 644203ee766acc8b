"""What the reader remembers between runs, per corpus: the threads read, the bookmarks, the
thread and post last open with the filters and the list's order then in use, and the theme.

Two SQLite files in write-ahead-log mode: `state.sqlite3` under the XDG state directory (read
threads, places, the theme) and `bookmarks.sqlite3` under the XDG data directory (bookmarks are
the user's own data, not state to throw away). Every change is its own transaction, committed at
once: a reader killed the moment after leaves it on disk, and two readers writing at once wait
for each other (the busy timeout) instead of corrupting anything. Threads are known by their
stable id (`Corpus.thread_ids`), so a corpus re-ordered or grown keeps its marks.

A file that cannot be opened, read or written is reported once (`take_warnings`) and the
reader goes on with what it holds in memory. `StateStore.in_memory()` reads and writes nothing
(`--no-state`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from parsing.sources import STDIN

APP_NAME = "threadline"
BUSY_SECONDS = 5.0
"""How long a write waits for another reader's write to finish."""

_STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS read (corpus TEXT, thread TEXT, at REAL, PRIMARY KEY (corpus, thread));
CREATE TABLE IF NOT EXISTS place (corpus TEXT PRIMARY KEY, thread TEXT, post INTEGER,
                                  filters TEXT, at REAL);
CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT);
"""
_BOOKMARK_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmark (corpus TEXT, thread TEXT, at REAL,
                                     PRIMARY KEY (corpus, thread));
"""


def corpus_key(paths: Sequence[str]) -> str:
    """The name a corpus is remembered by: `demo`, `stdin` (what is piped in is one corpus that
    grows), or a hash of the real paths, so `./a` and `/home/me/a` are the same corpus."""
    if not paths:
        return "demo"
    parts = sorted({"stdin" if path == STDIN else os.path.realpath(path) for path in paths})
    if parts == ["stdin"]:
        return "stdin"
    joined = "\0".join(parts).encode("utf-8", "surrogateescape")
    return hashlib.sha256(joined).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader was: the open thread's id (None for none), the post's index in it, and
    the filters (plain JSON values, as the reader gives them)."""

    thread: str | None = None
    post: int = 0
    filters: Mapping[str, Any] = field(default_factory=dict)


class _Database:
    """One SQLite file; after the first failure it is dropped and the failure is reported."""

    def __init__(self, path: str | None, schema: str, warnings: list[str]) -> None:
        self.path = path
        self._warnings = warnings
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        if path is not None:
            try:
                self._connection = _connect(path, schema)
            except (sqlite3.Error, OSError) as error:
                self._fail(error, "cannot be opened")

    def query(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._connection is None:
                return []
            try:
                return self._connection.execute(sql, args).fetchall()
            except sqlite3.Error as error:
                self._fail(error, "cannot be read")
                return []

    def write(self, sql: str, *args: object) -> None:
        with self._lock:
            if self._connection is None:
                return
            try:
                self._connection.execute(sql, args)
            except sqlite3.Error as error:
                self._fail(error, "cannot be written")

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _fail(self, error: Exception, what: str) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        self._warnings.append(
            f"{self.path} {what} ({reason}): this session is remembered only until it ends"
        )


def _connect(path: str, schema: str) -> sqlite3.Connection:
    """Open and set up the file, trying again while another reader holds it: switching a new
    file to WAL and creating its tables need a lock that SQLite does not wait for (it answers
    "locked" at once, to avoid a deadlock), so two readers starting together must take turns."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            return _connect_once(path, schema)
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _connect_once(path: str, schema: str) -> sqlite3.Connection:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # Autocommit (isolation_level None): each statement is a transaction, durable once it
    # returns. NORMAL synchronisation keeps WAL commits safe from a killed process.
    connection = sqlite3.connect(
        path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise sqlite3.DatabaseError("damaged; delete it to start afresh")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(schema)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


class StateStore:
    """The remembered state of one corpus, held in memory and written through to disk."""

    def __init__(self, corpus: str, state_path: str | None, bookmarks_path: str | None) -> None:
        self.corpus = corpus
        self._warnings: list[str] = []
        self._state = _Database(state_path, _STATE_SCHEMA, self._warnings)
        self._bookmarks = _Database(bookmarks_path, _BOOKMARK_SCHEMA, self._warnings)
        self.read: set[str] = {
            row[0] for row in self._state.query("SELECT thread FROM read WHERE corpus=?", corpus)
        }
        self.bookmarks: set[str] = {
            row[0]
            for row in self._bookmarks.query("SELECT thread FROM bookmark WHERE corpus=?", corpus)
        }
        self.place = _place(
            self._state.query("SELECT thread, post, filters FROM place WHERE corpus=?", corpus)
        )
        themes = self._state.query("SELECT value FROM setting WHERE name='theme'")
        self.theme: str | None = themes[0][0] if themes else None

    @classmethod
    def open(cls, corpus: str) -> StateStore:
        """The store of `corpus` in the user's XDG state and data directories."""
        import platformdirs

        state = platformdirs.user_state_dir(APP_NAME, appauthor=False)
        data = platformdirs.user_data_dir(APP_NAME, appauthor=False)
        return cls(
            corpus,
            os.path.join(state, "state.sqlite3"),
            os.path.join(data, "bookmarks.sqlite3"),
        )

    @classmethod
    def in_memory(cls, corpus: str = "") -> StateStore:
        """A store that reads and writes no file."""
        return cls(corpus, None, None)

    def take_warnings(self) -> list[str]:
        """What went wrong with the files since the last call, one line each."""
        taken = list(self._warnings)
        self._warnings.clear()
        return taken

    def set_read(self, thread: str, read: bool = True) -> None:
        if read == (thread in self.read):
            return
        if read:
            self.read.add(thread)
            self._state.write(
                "INSERT OR REPLACE INTO read VALUES (?, ?, ?)", self.corpus, thread, time.time()
            )
        else:
            self.read.discard(thread)
            self._state.write("DELETE FROM read WHERE corpus=? AND thread=?", self.corpus, thread)

    def set_bookmark(self, thread: str, marked: bool) -> None:
        if marked == (thread in self.bookmarks):
            return
        if marked:
            self.bookmarks.add(thread)
            self._bookmarks.write(
                "INSERT OR REPLACE INTO bookmark VALUES (?, ?, ?)", self.corpus, thread, time.time()
            )
        else:
            self.bookmarks.discard(thread)
            self._bookmarks.write(
                "DELETE FROM bookmark WHERE corpus=? AND thread=?", self.corpus, thread
            )

    def save_place(self, place: Place) -> None:
        if place == self.place:
            return
        self.place = place
        self._state.write(
            "INSERT OR REPLACE INTO place VALUES (?, ?, ?, ?, ?)",
            self.corpus,
            place.thread,
            place.post,
            json.dumps(dict(place.filters), ensure_ascii=False),
            time.time(),
        )

    def save_theme(self, theme: str) -> None:
        if theme == self.theme:
            return
        self.theme = theme
        self._state.write("INSERT OR REPLACE INTO setting VALUES ('theme', ?)", theme)

    def close(self) -> None:
        self._state.close()
        self._bookmarks.close()


def _place(rows: list[tuple[Any, ...]]) -> Place | None:
    """The saved place, or None; a row that does not parse is as good as none."""
    if not rows:
        return None
    thread, post, filters = rows[0]
    try:
        decoded = json.loads(filters) if filters else {}
    except ValueError:
        decoded = {}
    return Place(
        thread if isinstance(thread, str) else None,
        post if isinstance(post, int) and post >= 0 else 0,
        decoded if isinstance(decoded, dict) else {},
    )
