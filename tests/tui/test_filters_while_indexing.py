"""Filtering the list before the words are indexed: the flag picker and the command-line filters
work at once, and a search cleared or overtaken while loading leaves the list it should."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

import parsing.index as index_module
from tui import loading, search_rows

from .helpers import (
    QUASAR,
    SEEDLIKE,
    SHARED_FLAGS,
    WIDE,
    list_lines,
    make_app,
    thread_list,
    wait_loaded,
    wait_until,
)
from .test_filters import choices, open_picker, type_text


@pytest.fixture
def words(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the index's second pass (the words) until the test sets the event; the entities
    are indexed as usual."""
    release = threading.Event()
    monkeypatch.setattr(
        index_module, "_document_frequency", held(index_module._document_frequency, release)
    )
    return release


def held(function: Callable[..., Any], release: threading.Event) -> Callable[..., Any]:
    """`function`, made to wait until `release` is set (ten seconds at most) before it runs."""

    def later(*args: Any, **options: Any) -> Any:
        release.wait(10)
        return function(*args, **options)

    return later


@pytest.mark.parametrize(
    ("flags", "search", "expected"),
    [(("CN",), "", SHARED_FLAGS), ((), "quasarcorp", [QUASAR])],
    ids=["flag", "search"],
)
async def test_filters_apply_before_the_words_are_indexed(
    words: threading.Event, flags: tuple[str, ...], search: str, expected: list[int]
) -> None:
    """A flag or a search filters the list as soon as the entities are indexed, while the
    words related threads need are still being read."""
    app = make_app(SEEDLIKE, flags=flags, search=search)
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: thread_list(app).rows == expected)
            assert app.loader.index is None
        finally:
            words.set()
        await wait_loaded(pilot, app)
        assert thread_list(app).rows == expected


async def test_the_flag_picker_works_before_the_words_are_indexed(
    words: threading.Event,
) -> None:
    """While the words are still being read, `f` lists the flags, the rows show theirs, and
    choosing China filters the list."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: app.loader.entities is not None)
            await pilot.pause(0.3)  # the loader's message on its way to the screen
            assert app.loader.index is None
            assert "🇨🇳" in " ".join(list_lines(app))
            picker = await open_picker(pilot, app)
            assert sorted(choices(picker)) == ["BR", "CN", "NO", "RU"]
            await type_text(pilot, "China")
            await wait_until(pilot, lambda: choices(picker) == ["CN"])
            await pilot.press("enter")
            await wait_until(pilot, lambda: thread_list(app).rows == SHARED_FLAGS)
            assert app.loader.index is None
        finally:
            words.set()


async def test_a_search_cleared_while_loading_leaves_every_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Threads that finish loading while a search waits for the index are listed again once
    escape clears it: the list ends with every thread of the demo corpus."""
    second_file = threading.Event()
    real_read = loading.read_item
    reads = []

    def read_slowly(item: Any, corpus: Any) -> None:
        reads.append(item)
        if len(reads) == 2:
            second_file.wait(10)
        real_read(item, corpus)

    indexing = threading.Event()
    monkeypatch.setattr(loading, "read_item", read_slowly)
    monkeypatch.setattr(loading, "build_index", held(loading.build_index, indexing))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: len(thread_list(app).rows) > 0)
        await pilot.press("slash", "x")
        second_file.set()
        await wait_until(pilot, lambda: app.loader.progress().phase != "reading")
        await pilot.pause(0.2)
        await pilot.press("escape")
        indexing.set()
        await wait_loaded(pilot, app)
        assert thread_list(app).rows == list(range(app.loader.corpus.thread_count))


async def test_a_late_background_search_does_not_undo_escape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A background search that finishes after escape is dropped: the filters stay cleared
    and every thread stays listed."""
    real_filter = search_rows.filter_threads

    def filter_slowly(*args: Any, **options: Any) -> list[int]:
        time.sleep(0.3)
        return real_filter(*args, **options)

    monkeypatch.setattr(search_rows, "SMALL", 0)  # every search runs in the background
    monkeypatch.setattr(search_rows, "filter_threads", filter_slowly)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", "x", "y", "escape")
        await pilot.pause(0.8)
        assert not app.main_screen.filters.active
        assert thread_list(app).rows == list(range(app.loader.corpus.thread_count))
