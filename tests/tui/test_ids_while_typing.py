"""The threads' ids come (`Identified`) while the search line is open: the query being typed
stays what the list shows, and the last session's filters do not replace it."""

from __future__ import annotations

import pytest

from tui.app import ThreadlineApp
from tui.screens.loading_screen import LoadingScreen
from tui.store import StateStore, corpus_key

from .helpers import (
    LIGHTHOUSE,
    QUASAR,
    RAIL,
    SEEDLIKE,
    WIDE,
    focused,
    open_thread,
    thread_list,
    wait_loaded,
    wait_until,
)

pytestmark = pytest.mark.usefixtures("own_folders")


def reader() -> ThreadlineApp:
    """The reader on `seedlike.txt` with the user's (temporary) store."""
    return ThreadlineApp(paths=[SEEDLIKE], store=StateStore.open(corpus_key([SEEDLIKE])))


async def test_a_query_searched_in_place_is_not_replaced_by_the_last_sessions_filters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`quasarcorp` kept in the last session; in this one `rail` is typed (searched in place)
    before the ids are known: when they come, the list still holds the threads with `rail`."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: app.remembered.known)
        await pilot.press("slash", *"quasarcorp", "enter")
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
    monkeypatch.setattr(LoadingScreen, "_identify", lambda screen: None)  # the ids come late
    again = reader()
    async with again.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: again.main_screen.indexed)
        screen = again.main_screen
        await pilot.press("slash", *"rail")
        await wait_until(pilot, lambda: thread_list(again).rows == [LIGHTHOUSE, RAIL])
        screen.post_message(screen.Identified(screen.view.corpus.thread_ids))
        await wait_until(pilot, lambda: again.remembered.known)
        await pilot.pause()
        assert screen.filters.search == "rail"
        assert thread_list(again).rows == [LIGHTHOUSE, RAIL]


async def test_the_keys_typed_after_the_ids_come_still_go_to_the_search_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A thread open when the last session ended; in this one `ra` is typed before the ids are
    known: when they come, the line keeps the focus, and `il` typed after goes on the query."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
    monkeypatch.setattr(LoadingScreen, "_identify", lambda screen: None)  # the ids come late
    again = reader()
    async with again.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: again.main_screen.indexed)
        screen = again.main_screen
        await pilot.press("slash", *"ra")
        screen.post_message(screen.Identified(screen.view.corpus.thread_ids))
        await wait_until(pilot, lambda: again.remembered.known)
        await pilot.press(*"il")
        await pilot.pause()
        assert focused(again) is screen.search_bar
        assert screen.search_bar.value == "rail"
