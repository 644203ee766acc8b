"""Typed searches overtaking one another on a big corpus: the search of each key waits for the
one it cancels to be kept (`SearchMemory.turn`), and whatever the keys, the list ends as a fresh
search of the final text would have it.

Every search here goes to the background worker, as on a big corpus (`SMALL` 0).
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from parsing import search as search_module
from parsing.search import ThreadSearch, threads_matching, threads_matching_slowly
from tui import search_rows

from ..parsing import test_typed_search as parsing_tests
from .helpers import (
    LIGHTHOUSE,
    RAIL,
    SEEDLIKE,
    WIDE,
    make_app,
    thread_list,
    wait_loaded,
    wait_until,
)
from .test_typed_search import (  # noqa: F401  (fixtures)
    in_the_background,
    recorded_keeps,
    recorded_starts,
    slow_chunks,
    slow_down_chunks,
)

EVERY_THREAD = list(range(7))


async def settled_past_the_search_of_q(pilot: Pilot[Any], app: Any) -> None:
    """Wait until no search holds the turn, then longer than the search of `q` (0.35 s) would
    take had it gone on."""
    memory = app.main_screen.view.searches
    await wait_until(pilot, lambda: memory.turn.acquire(blocking=False))
    memory.turn.release()
    await pilot.pause(0.5)


@pytest.fixture
def very_slow_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """One thread a chunk, each taking 300 ms: a search of the 7 threads takes two seconds, so
    one is surely running when the next key comes a tenth of a second after."""
    slow_down_chunks(monkeypatch, 0.3)


@pytest.mark.usefixtures("slow_chunks")
async def test_clearing_the_query_while_a_search_runs_lists_every_thread() -> None:
    """`quasar` typed then erased key by key, faster than the searches: the line is empty, so
    the list ends with every thread, not with what the search of `q` (still running when the
    last key erased it) found."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar", *["backspace"] * 6)
        await settled_past_the_search_of_q(pilot, app)
        assert app.main_screen.filters.search == ""
        assert thread_list(app).rows == EVERY_THREAD


@pytest.mark.usefixtures("slow_chunks")
async def test_enter_on_a_cleared_query_keeps_no_search() -> None:
    """`quasar` typed, erased and kept with enter while the search of `q` still runs: no search
    is kept, and every thread is listed."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar", *["backspace"] * 6, "enter")
        await settled_past_the_search_of_q(pilot, app)
        assert app.main_screen.filters.search == ""
        assert thread_list(app).rows == EVERY_THREAD


@pytest.mark.usefixtures("slow_chunks")
@pytest.mark.parametrize(
    "keys",
    [
        [*"quasar", "backspace", "backspace", *"rt"],
        [*"rail", *["backspace"] * 3, *"ost"],
        [*"the", "backspace", *"e", "backspace", "backspace", *"ra"],
        [*"coffee", *["backspace"] * 5, *"ast"],
    ],
)
async def test_keys_and_backspaces_typed_in_a_burst_end_with_the_fresh_answer(
    keys: list[str],
) -> None:
    """Letters and backspaces typed faster than any search ends: the list ends as a fresh search
    of the text left in the line lists it."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *keys)
        bar = app.main_screen.search_bar
        await wait_until(pilot, lambda: bar.wanted is None, timeout=10)
        await pilot.pause()
        final = bar.value
        assert app.main_screen.filters.search == final
        assert thread_list(app).rows == threads_matching(app.loader.corpus, final)


@pytest.mark.usefixtures("very_slow_chunks")
async def test_escape_while_a_search_runs_stops_it_and_lists_every_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Escape while the search of `quasar` runs: the search stops short (kept as not complete)
    and the list is every thread again, with no search applied after."""
    started, kept = recorded_starts(monkeypatch), recorded_keeps(monkeypatch)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar")
        await wait_until(pilot, lambda: "quasar" in started)
        await pilot.press("escape")
        await wait_until(pilot, lambda: ("quasar", False) in kept)
        await pilot.pause(2.5)  # longer than the rest of the search, had it gone on
        assert ("quasar", True) not in kept
        assert app.main_screen.filters.search == ""
        assert thread_list(app).rows == EVERY_THREAD


@pytest.mark.usefixtures("very_slow_chunks")
async def test_quitting_while_a_search_runs_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app ends while the search of `quasar` runs: the search stops at its next chunk
    (kept as not complete) instead of running to its end before the app can close."""
    started, kept = recorded_starts(monkeypatch), recorded_keeps(monkeypatch)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar")
        await wait_until(pilot, lambda: "quasar" in started)
        app.exit()
    assert app.main_screen.view.searches.turn.acquire(timeout=5)  # its chunk done, it is kept
    assert kept[-1] == ("quasar", False)


@pytest.mark.usefixtures("very_slow_chunks")
async def test_ids_known_while_a_query_is_typed_leave_its_search_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The threads' ids come (`Identified`) while the search of `quasar` runs, after the
    answer of `q` was applied: no search of `q` (the filters last applied) starts over it,
    and the list ends with the threads that hold `quasar`."""
    started = recorded_starts(monkeypatch)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        screen = app.main_screen
        await pilot.press("slash", "q")
        await wait_until(pilot, lambda: screen.search_bar.wanted is None)
        await pilot.press(*"uasar")
        await wait_until(pilot, lambda: "quasar" in started)
        screen.post_message(screen.Identified(screen.view.corpus.thread_ids))
        await wait_until(pilot, lambda: screen.search_bar.wanted is None, timeout=10)
        await pilot.pause()
        assert set(started[started.index("quasar") :]) == {"quasar"}
        assert screen.filters.search == "quasar"
        assert thread_list(app).rows == threads_matching(app.loader.corpus, "quasar")


async def test_a_typed_search_answer_is_shown_without_the_threads_read_meanwhile() -> None:
    """Read threads hidden (`U`) and `rail` typed: an answer worked out before a thread it
    lists was known as read (the ids came while it ran) is shown without that thread."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        screen = app.main_screen
        await wait_until(pilot, lambda: app.remembered.known)
        app.remembered.mark_read(LIGHTHOUSE)
        await pilot.press("U", "slash")
        bar = screen.search_bar
        bar.wanted = wanted = replace(screen.filters, search="rail")
        screen.post_message(bar.Found(wanted, [LIGHTHOUSE, RAIL]))
        await wait_until(pilot, lambda: bar.wanted is None)
        await pilot.pause()
        assert thread_list(app).rows == [RAIL]


async def test_keys_overtaking_a_waiting_search_start_only_the_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`quasar` typed while a search holds the turn: the searches of `q` to `quasa`, overtaken
    while they wait for it, never start; `quasar`'s does, and lists what a fresh search does."""
    started = recorded_starts(monkeypatch)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        turn = app.main_screen.view.searches.turn
        turn.acquire()  # a search still running
        try:
            await pilot.press("slash", *"quasar")
            await pilot.pause(0.2)
        finally:
            turn.release()
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        assert started == ["quasar"]
        assert thread_list(app).rows == threads_matching(app.loader.corpus, "quasar")


def test_a_search_that_raises_leaves_the_turn_to_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search that raises gives up its turn: the next key's search runs, and finds what a
    fresh search finds."""
    from tui.remembered import Remembered
    from tui.state import Filters
    from tui.store import StateStore
    from tui.views import CorpusView

    from ..parsing.helpers import parse_text

    corpus = parse_text("1/ Nothing.\n1/ An amber.\n1/ Amber too.\n")
    view = CorpusView(corpus)
    remembered = Remembered(StateStore.in_memory("demo"))
    run = ThreadSearch.run

    def broken(self: ThreadSearch, *args: object, **keywords: object) -> bool:
        raise RuntimeError("the search broke")

    monkeypatch.setattr(ThreadSearch, "run", broken)
    with pytest.raises(RuntimeError, match="the search broke"):
        search_rows.search_rows(view, remembered, Filters(search="amb"), never, ignore)
    monkeypatch.setattr(ThreadSearch, "run", run)
    answer: list[list[int] | None] = []
    after = threading.Thread(
        target=lambda: answer.append(
            search_rows.search_rows(view, remembered, Filters(search="ambe"), never, ignore)
        ),
        daemon=True,
    )
    after.start()
    after.join(5)
    assert answer == [[1, 2]]


def test_a_search_cancelled_while_it_waits_for_its_turn_starts_no_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The search of a key overtaken while it waits for the one before to be kept never starts:
    it gives its turn up at once, with no answer."""
    from tui.remembered import Remembered
    from tui.state import Filters
    from tui.store import StateStore
    from tui.views import CorpusView

    from ..parsing.helpers import parse_text

    view = CorpusView(parse_text("1/ Nothing.\n1/ An amber.\n"))
    remembered = Remembered(StateStore.in_memory("demo"))
    started: list[str] = []
    start = view.searches.start

    def recorded(query: str) -> ThreadSearch:
        started.append(query)
        return start(query)

    monkeypatch.setattr(view.searches, "start", recorded)
    overtaken = threading.Event()
    answer: list[list[int] | None] = []
    view.searches.turn.acquire()  # the search before, still running
    waiting = threading.Thread(
        target=lambda: answer.append(
            search_rows.search_rows(
                view, remembered, Filters(search="amb"), overtaken.is_set, ignore
            )
        ),
        daemon=True,
    )
    waiting.start()
    overtaken.set()
    view.searches.turn.release()
    waiting.join(5)
    assert answer == [None]
    assert started == []
    assert view.searches.turn.acquire(blocking=False)


keys = st.lists(st.sampled_from([*"ambeorlitk", "backspace"]), min_size=1, max_size=10)
pauses = st.lists(st.sampled_from([0.0, 0.002, 0.006]), min_size=10, max_size=10)


@settings(max_examples=60, deadline=None)
@given(parsing_tests.threads, keys, pauses)
def test_searches_overtaken_in_worker_threads_end_with_the_fresh_answer(
    threads: list[list[str]], typed: list[str], waits: list[float]
) -> None:
    """Keys typed as the reader's workers run them: each key's search in a thread of its own,
    cancelled when the next key comes, the keys a moment apart or none. Every search that ends
    finds what a fresh search finds, and the last key's search ends."""
    from tui.remembered import Remembered
    from tui.state import Filters
    from tui.store import StateStore
    from tui.views import CorpusView

    corpus = parsing_tests.corpus_of(threads)
    view = CorpusView(corpus)
    remembered = Remembered(StateStore.in_memory("demo"))
    answers: dict[int, list[int] | None] = {}
    queries: list[str] = []
    workers: list[threading.Thread] = []
    cancels: list[threading.Event] = []

    def searched(key: int, query: str, cancel: threading.Event) -> None:
        filters = Filters(search=query)
        answers[key] = search_rows.search_rows(view, remembered, filters, cancel.is_set, ignore)

    search_chunk = ThreadSearch._search_chunk

    def slowly(self: ThreadSearch, *args: object) -> list[int]:
        time.sleep(0.001)  # so that keys a moment apart cancel searches halfway
        return search_chunk(self, *args)  # type: ignore[arg-type]

    text = ""
    with (
        patch.object(search_module, "CHUNK_THREADS", 1),
        patch.object(ThreadSearch, "_search_chunk", slowly),
    ):
        for key, pressed in enumerate(typed):
            text = text[:-1] if pressed == "backspace" else text + pressed
            if cancels:
                cancels[-1].set()  # as a worker of the same group is, when the next starts
            if not text:  # searched in place
                continue
            cancel = threading.Event()
            worker = threading.Thread(target=searched, args=(len(queries), text, cancel))
            queries.append(text)
            cancels.append(cancel)
            workers.append(worker)
            worker.start()
            time.sleep(waits[key])
        for worker in workers:
            worker.join(10)
    assert not any(worker.is_alive() for worker in workers)
    for key, answer in answers.items():
        if answer is not None:
            assert answer == threads_matching_slowly(corpus, queries[key]), queries[key]
    if text:
        assert answers[len(queries) - 1] == threads_matching_slowly(corpus, text)


def never() -> bool:
    return False


def ignore(rows: list[int]) -> None:
    pass
