"""The corpus loader reports with messages: batches of threads, the two indexes, warnings."""

from __future__ import annotations

import threading
import traceback
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message

from tui import loading
from tui.loading import CorpusLoader

from .helpers import SEEDLIKE, WIDE, make_app, many_threads, thread_list, wait_loaded, wait_until


def run_loader(*paths: str) -> tuple[CorpusLoader, list[Message]]:
    """Run a loader on `paths` in this thread; what it posted, in order."""
    messages: list[Message] = []
    loader = CorpusLoader(list(paths))
    loader.prepare()
    loader.run(messages.append)
    return loader, messages


def kinds(messages: list[Message]) -> list[str]:
    """The messages' class names, each run of the same one shown once."""
    names: list[str] = []
    for message in messages:
        name = type(message).__name__
        if not names or names[-1] != name:
            names.append(name)
    return names


def test_the_loader_posts_batches_then_the_entities_then_the_whole_index() -> None:
    """Reading posts `BatchLoaded`, the last with every thread and all of the file read;
    indexing follows, entities first, and `FullyIndexed` closes, with the loader's index."""
    loader, messages = run_loader(SEEDLIKE)
    assert kinds(messages) == ["BatchLoaded", "Indexing", "EntitiesIndexed", "FullyIndexed"]
    last_batch = [m for m in messages if isinstance(m, CorpusLoader.BatchLoaded)][-1]
    assert last_batch.threads == 7
    assert last_batch.progress.fraction == 1.0
    final = messages[-1]
    assert isinstance(final, CorpusLoader.FullyIndexed)
    assert final.index is loader.index


def test_a_path_that_cannot_be_read_is_one_warning_first() -> None:
    """A missing path is a `Warning` naming it, posted before the threads of the good file."""
    _, messages = run_loader("/nonexistent/threadline/nowhere", SEEDLIKE)
    first = messages[0]
    assert isinstance(first, CorpusLoader.Warning)
    assert "nowhere" in first.text
    assert sum(isinstance(m, CorpusLoader.Warning) for m in messages) == 1


def test_threads_are_reported_in_batches_not_one_by_one(tmp_path: Path) -> None:
    """Two thousand threads in one file come in a handful of `BatchLoaded`, not one each."""
    _, messages = run_loader(many_threads(tmp_path, 2000))
    batches = [m for m in messages if isinstance(m, CorpusLoader.BatchLoaded)]
    assert batches[-1].threads == 2000
    assert len(batches) < 100
    counts = [batch.threads for batch in batches]
    assert counts == sorted(counts)


async def test_the_screen_lists_the_threads_the_loader_reports() -> None:
    """In the reader the screen hears `BatchLoaded` before `FullyIndexed`, and then lists
    every thread and is indexed."""
    heard: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, CorpusLoader.BatchLoaded | CorpusLoader.FullyIndexed):
            heard.append(message)

    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE, message_hook=hook) as pilot:
        await wait_loaded(pilot, app)
        assert kinds(heard) == ["BatchLoaded", "FullyIndexed"]
        assert thread_list(app).rows == list(range(7))
        assert app.main_screen.indexed


async def test_the_first_file_is_listed_while_the_next_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The threads of a file read show in the list while the next file is still being read."""
    held = threading.Event()
    real_read = loading.read_item
    reads: list[Any] = []

    def read_second_slowly(item: Any, corpus: Any) -> None:
        reads.append(item)
        if len(reads) == 2:
            held.wait(10)
        real_read(item, corpus)

    monkeypatch.setattr(loading, "read_item", read_second_slowly)
    (tmp_path / "a.txt").write_text("1/ First file.\n2/ Its end.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1/ Second file.\n", encoding="utf-8")
    app = make_app(str(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: thread_list(app).rows == [0])
            assert app.loader.progress().phase == "reading"
        finally:
            held.set()
        await wait_loaded(pilot, app)
        assert thread_list(app).rows == [0, 1]


async def test_a_fault_while_reading_ends_the_app_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error the reading thread raises (a fault of the reader's own, not a bad file) is
    raised again in the app, which ends with it rather than waiting on a read that stopped."""

    def broken(self: CorpusLoader, post: Any) -> None:
        raise RuntimeError("the reading broke")

    monkeypatch.setattr(CorpusLoader, "run", broken)
    app = make_app(str(SEEDLIKE))
    with pytest.raises(RuntimeError, match="the reading broke"):
        async with app.run_test(size=WIDE) as pilot:
            await wait_until(pilot, lambda: not app.is_running, timeout=10)


async def test_a_fault_while_reading_is_reported_without_the_loaders_locals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app's report of a fault prints the locals of each frame the error went through: the
    reading's frames hold the corpus's buffers (hundreds of megabytes at a million posts, whose
    repr took minutes), so they reach the report cleared."""

    def broken(self: CorpusLoader, post: Any) -> None:
        buffer = bytearray(b"x" * 1000)  # what a reading frame holds
        raise RuntimeError(f"the reading broke with {len(buffer)} bytes")

    monkeypatch.setattr(CorpusLoader, "run", broken)
    app = make_app(str(SEEDLIKE))
    with pytest.raises(RuntimeError, match="the reading broke") as raised:
        async with app.run_test(size=WIDE) as pilot:
            await wait_until(pilot, lambda: not app.is_running, timeout=10)
    frames = [frame for frame, _ in traceback.walk_tb(raised.value.__traceback__)]
    reading = [frame for frame in frames if frame.f_code is broken.__code__]
    assert reading, "the error went through the reading's frame"
    assert all("buffer" not in frame.f_locals for frame in reading)


async def test_a_fault_raised_over_another_is_reported_without_either_ones_locals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fault raised while handling another (or from it) is reported with the other one too:
    the frames the other went through, deeper in the reading, reach the report cleared as well,
    and the report still says what each one was."""

    def deeper(buffer: bytearray) -> None:
        raise ValueError(f"a step broke with {len(buffer)} bytes")

    def broken(self: CorpusLoader, post: Any) -> None:
        try:
            deeper(bytearray(b"x" * 1000))  # what a reading frame holds
        except ValueError as step:
            raise RuntimeError("the reading broke") from step

    monkeypatch.setattr(CorpusLoader, "run", broken)
    app = make_app(str(SEEDLIKE))
    with pytest.raises(RuntimeError, match="the reading broke") as raised:
        async with app.run_test(size=WIDE) as pilot:
            await wait_until(pilot, lambda: not app.is_running, timeout=10)
    cause = raised.value.__cause__
    assert isinstance(cause, ValueError)
    assert str(cause) == "a step broke with 1000 bytes"
    frames = [frame for frame, _ in traceback.walk_tb(cause.__traceback__)]
    deepest = [frame for frame in frames if frame.f_code is deeper.__code__]
    assert deepest, "the cause went through the deeper frame"
    assert all("buffer" not in frame.f_locals for frame in deepest)
