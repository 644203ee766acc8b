"""A search typed into the reader on a big corpus: each key cancels the search before it, the
list narrows as the search goes, and the last key's answer is the list that stays.

Every test here sends searches to the background worker, as on a big corpus (`SMALL` 0), or as
while a corpus is still being read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from parsing import search as search_module
from parsing.search import ThreadSearch, threads_matching
from parsing.search_memory import SearchMemory
from tui import loading, search_rows

from .helpers import (
    LIGHTHOUSE,
    QUASAR,
    RAIL,
    SEEDLIKE,
    WIDE,
    count_title,
    make_app,
    thread_list,
    wait_loaded,
    wait_until,
)


@pytest.fixture(autouse=True)
def in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_rows, "SMALL", 0)


def slow_down_chunks(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Searches go one thread a chunk, each chunk taking `seconds` longer."""
    monkeypatch.setattr(search_module, "CHUNK_THREADS", 1)
    search_chunk = ThreadSearch._search_chunk

    def slowly(self: ThreadSearch, *args: object) -> list[int]:
        time.sleep(seconds)
        return search_chunk(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ThreadSearch, "_search_chunk", slowly)


@pytest.fixture
def slow_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """One thread a chunk, each taking 50 ms: a search of the 7 threads takes a third of a
    second, long enough for keys to overtake it."""
    slow_down_chunks(monkeypatch, 0.05)


async def test_typing_fast_ends_with_the_right_list() -> None:
    """`rail` typed in one go: the list ends with the two threads that hold it."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"rail")
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        await pilot.pause()
        assert thread_list(app).rows == [LIGHTHOUSE, RAIL]
        assert count_title(app) == "2 of 7 threads"


@pytest.mark.usefixtures("slow_chunks")
async def test_typing_over_slow_searches_ends_with_the_right_list() -> None:
    """With every search slower than the keys, `quasar` then two backspaces (`quas`) ends with
    the threads that hold `quas`."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar", "backspace", "backspace")
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        await pilot.pause()
        assert thread_list(app).rows == threads_matching(app.loader.corpus, "quas") == [QUASAR]


@pytest.mark.usefixtures("slow_chunks")
async def test_a_new_key_cancels_the_search_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    """`r`, then `a` while `r`'s search runs: `r`'s stops short (it is remembered as not
    complete) and `ra`'s runs to its end."""
    kept = recorded_keeps(monkeypatch)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", "r")
        await pilot.pause(0.12)
        await pilot.press("a")
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        assert ("r", False) in kept
        assert ("r", True) not in kept
        assert kept[-1] == ("ra", True)


@pytest.mark.usefixtures("slow_chunks")
async def test_the_list_narrows_while_a_long_search_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """While `quasarcorp`'s search goes through the threads, the list shows those it has not
    ruled out yet, fewer each time, and ends with the one thread that holds it."""
    monkeypatch.setattr(search_rows, "SHOW_AFTER", 0)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        shown: list[list[int]] = []
        set_rows = thread_list(app).set_rows

        def recorded(rows: Sequence[int], *args: object, **keywords: object) -> None:
            shown.append(list(rows))
            set_rows(rows, *args, **keywords)  # type: ignore[arg-type]

        monkeypatch.setattr(thread_list(app), "set_rows", recorded)
        await pilot.press("slash")
        bar = app.main_screen.search_bar
        bar.value = "quasarcorp"  # pasted: one search
        await wait_until(pilot, lambda: bar.wanted is None and len(shown) > 0)
        assert shown[-1] == [QUASAR]
        sizes = [len(rows) for rows in shown]
        assert sizes == sorted(sizes, reverse=True)
        assert any(1 < size < 7 for size in sizes)
        assert all(QUASAR in rows for rows in shown)


def two_files(folder: Path) -> str:
    """A folder of two files, two threads each: threads 0 (first file) and 2 (second) say
    "amber", in other letters."""
    (folder / "a.txt").write_text(
        "1/ Amber light at dusk.\n2/ It fades.\n\n1/ Orbit of the moon.\n2/ Slow.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "1/ An AMBER moon.\n2/ Late.\n\n1/ Kettle on.\n2/ Tea.\n", encoding="utf-8"
    )
    return str(folder)


def second_file_held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The second file is read only once the event returned is set (ten seconds at most)."""
    release = threading.Event()
    real_read = loading.read_item
    reads: list[Any] = []

    def read_second_late(item: Any, corpus: Any) -> None:
        reads.append(item)
        if len(reads) == 2:
            release.wait(10)
        real_read(item, corpus)

    monkeypatch.setattr(loading, "read_item", read_second_late)
    return release


async def test_a_search_typed_while_loading_narrows_the_threads_read_so_far(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Typed while the second file is still being read (no index yet), `amber` lists the
    thread of the first file that holds it at once; once the second is read, the threads of
    both files that hold it."""
    release = second_file_held(monkeypatch)
    app = make_app(two_files(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: len(thread_list(app).rows) == 2)
            await pilot.press("slash", *"amber")
            await wait_until(pilot, lambda: thread_list(app).rows == [0])
            assert app.loader.progress().phase == "reading"
            assert app.main_screen.view.filter_index is None
        finally:
            release.set()
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        assert thread_list(app).rows == [0, 2]


async def test_a_search_kept_while_loading_takes_in_the_threads_read_after(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`amber` typed and kept with enter while the second file is still being read: the
    threads read later that hold it join the list as they come, the others do not."""
    release = second_file_held(monkeypatch)
    app = make_app(two_files(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: len(thread_list(app).rows) == 2)
            await pilot.press("slash", *"amber", "enter")
            await wait_until(pilot, lambda: thread_list(app).rows == [0])
        finally:
            release.set()
        await wait_until(pilot, lambda: thread_list(app).rows == [0, 2])
        await wait_loaded(pilot, app)
        assert app.main_screen.filters.search == "amber"
        assert thread_list(app).rows == [0, 2]


async def test_a_search_typed_while_loading_gives_no_notice_that_filters_wait(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A search needs no index: typing one while the corpus is read says nothing of filters
    waiting for it."""
    release = second_file_held(monkeypatch)
    app = make_app(two_files(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        try:
            await wait_until(pilot, lambda: len(thread_list(app).rows) == 2)
            await pilot.press("slash", *"amber")
            await wait_until(pilot, lambda: thread_list(app).rows == [0])
            notices = [notification.message for notification in app._notifications]
            assert not any("apply once" in notice for notice in notices)
        finally:
            release.set()
        await wait_loaded(pilot, app)


def test_the_next_keys_search_starts_from_what_the_cancelled_one_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`amb` is cancelled after checking thread 0 (which lacks it) while `ambe` is asked for:
    the search for `ambe` waits for `amb` to be kept, and so never looks at thread 0 again."""
    from parsing.corpus import Corpus
    from tui.remembered import Remembered
    from tui.state import Filters
    from tui.store import StateStore
    from tui.views import CorpusView

    from ..parsing.helpers import parse_text

    monkeypatch.setattr(search_module, "CHUNK_THREADS", 1)
    corpus: Corpus = parse_text("1/ Nothing.\n1/ An amber.\n1/ Amber too.\n1/ Ambers.\n")
    view = CorpusView(corpus)
    remembered = Remembered(StateStore.in_memory("demo"))
    looked_at: dict[str, list[int]] = {}
    started: dict[str, ThreadSearch] = {}
    start = view.searches.start

    def recorded(query: str) -> ThreadSearch:
        search = started[query] = start(query)
        looked_at[query] = list(search.candidates)
        return search

    monkeypatch.setattr(view.searches, "start", recorded)
    in_flight = threading.Event()

    def cancelled_after_one_chunk() -> bool:
        if "amb" not in started or started["amb"].checked < 1:
            return False
        in_flight.set()
        time.sleep(0.3)  # the next key's search is asked for meanwhile
        return True

    def first() -> None:
        search_rows.search_rows(
            view, remembered, Filters(search="amb"), cancelled_after_one_chunk, lambda rows: None
        )

    typed = threading.Thread(target=first)
    typed.start()
    assert in_flight.wait(5)
    rows = search_rows.search_rows(
        view, remembered, Filters(search="ambe"), lambda: False, lambda rows: None
    )
    typed.join()
    assert rows == [1, 2, 3]
    assert looked_at["ambe"] == [1, 2, 3]


def recorded_starts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The query of each search started from now on."""
    started: list[str] = []
    start = SearchMemory.start

    def recorded(self: SearchMemory, query: str) -> ThreadSearch:
        started.append(query)
        return start(self, query)

    monkeypatch.setattr(SearchMemory, "start", recorded)
    return started


def recorded_keeps(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each search kept from now on, as its query and whether it ran to its end."""
    kept: list[tuple[str, bool]] = []
    keep = SearchMemory.keep

    def recorded(self: SearchMemory, search: ThreadSearch) -> None:
        kept.append((search.query, search.complete))
        keep(self, search)

    monkeypatch.setattr(SearchMemory, "keep", recorded)
    return kept
