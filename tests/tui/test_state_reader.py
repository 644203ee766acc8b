"""The reader remembers: read threads marked in the list and counted in its title, the thread and
post last open, bookmarks (`b`, `B`), read marks (`u`, `U`), the filters and the theme, across
restarts. Every test keeps its state in tmp_path (the XDG directories point there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.app import ThreadlineApp
from tui.launch import state_store
from tui.store import StateStore, corpus_key
from tui.widgets.thread_list import BOOKMARK_MARK, READ_BOOKMARK_MARK, UNREAD_MARK

from .helpers import (
    GRAIN,
    LIGHTHOUSE,
    ORCHARD,
    QUASAR,
    SEEDLIKE,
    WIDE,
    count_title,
    list_lines,
    list_title,
    notifications,
    open_thread,
    post_pane,
    thread_list,
    wait_loaded,
    wait_until,
)

pytestmark = pytest.mark.usefixtures("own_folders")


def reader(*, flags: tuple[str, ...] = (), search: str = "") -> ThreadlineApp:
    """The reader on `seedlike.txt` with the user's (temporary) store, as the command line
    starts it."""
    store = StateStore.open(corpus_key([SEEDLIKE]))
    return ThreadlineApp(paths=[SEEDLIKE], flags=flags, search=search, store=store)


async def ready(pilot: Pilot[Any], app: ThreadlineApp) -> None:
    """Loaded, indexed, and the remembered state applied."""
    await wait_loaded(pilot, app)
    await wait_until(pilot, lambda: app.remembered.known)
    await pilot.pause()


def row_of(app: ThreadlineApp, thread: int) -> str:
    return list_lines(app)[thread_list(app).row_of(thread) or 0]


async def keep_search(pilot: Pilot[Any], app: ThreadlineApp, text: str) -> None:
    """Search for `text`, keep it with enter, and wait until it leaves its one thread."""
    await pilot.press("slash", *text, "enter")
    await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")


async def test_the_title_counts_unread_threads() -> None:
    """A first visit: `7 of 7 threads · 7 unread`; opening a thread makes it 6 at once."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        assert list_title(app) == "7 of 7 threads · 7 unread"
        await open_thread(pilot, app, ORCHARD)
        assert list_title(app) == "7 of 7 threads · 6 unread"


async def test_unread_rows_are_marked() -> None:
    """Every row starts unread (•); the opened thread's row loses its mark."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        assert all(line[1] == UNREAD_MARK for line in list_lines(app)[:7])
        await open_thread(pilot, app, ORCHARD)
        assert row_of(app, ORCHARD)[1] == " "
        assert row_of(app, GRAIN)[1] == UNREAD_MARK


async def test_a_restart_is_back_on_the_thread_and_post() -> None:
    """Read a thread to its fourth post and quit: the next start opens that thread at that
    post, with one fewer unread."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("j", "j", "j")
        await wait_until(pilot, lambda: post_pane(app).current == 3)
    again = reader()
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: post_pane(again).thread == LIGHTHOUSE)
        assert post_pane(again).current == 3
        assert list_title(again) == "7 of 7 threads · 6 unread"
        assert thread_list(again).current == LIGHTHOUSE


async def test_b_toggles_a_bookmark_that_outlives_the_session() -> None:
    """`b` on the list's thread bookmarks it (★ on its row), and it is still there after a
    restart; `b` again takes it off."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        threads = thread_list(app)
        threads.focus()
        threads.cursor = threads.rows.index(GRAIN)
        await pilot.press("b")
        assert row_of(app, GRAIN)[1] == BOOKMARK_MARK
    again = reader()
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        assert row_of(again, GRAIN)[1] == BOOKMARK_MARK
        threads = thread_list(again)
        threads.focus()
        threads.cursor = threads.rows.index(GRAIN)
        await pilot.press("b")
        assert row_of(again, GRAIN)[1] == UNREAD_MARK
        assert again.store.bookmarks == set()


async def test_a_bookmarked_row_still_says_whether_it_is_unread() -> None:
    """A bookmarked thread's row shows ★ while it is unread and ☆ once it is read, so a
    bookmark never hides that a thread is unread."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        threads = thread_list(app)
        threads.focus()
        threads.cursor = threads.rows.index(GRAIN)
        await pilot.press("b")
        assert row_of(app, GRAIN)[1] == BOOKMARK_MARK
        await pilot.press("u")
        assert row_of(app, GRAIN)[1] == READ_BOOKMARK_MARK
        await pilot.press("u")
        assert row_of(app, GRAIN)[1] == BOOKMARK_MARK


async def test_u_toggles_read() -> None:
    """`u` on an unread thread marks it read (one fewer unread), and again marks it unread."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        threads = thread_list(app)
        threads.focus()
        threads.cursor = threads.rows.index(QUASAR)
        await pilot.press("u")
        assert list_title(app) == "7 of 7 threads · 6 unread"
        assert row_of(app, QUASAR)[1] == " "
        await pilot.press("u")
        assert list_title(app) == "7 of 7 threads · 7 unread"
        assert row_of(app, QUASAR)[1] == UNREAD_MARK


async def test_u_on_the_posts_acts_on_the_open_thread() -> None:
    """With the posts focused, `u` marks the open thread unread again."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, ORCHARD)
        assert app.focused is post_pane(app)
        await pilot.press("u")
        assert list_title(app) == "7 of 7 threads · 7 unread"


async def test_shift_b_shows_only_bookmarked_threads() -> None:
    """`B` lists only bookmarked threads (2 of 7), and `B` again all of them."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        threads = thread_list(app)
        threads.focus()
        for thread in (ORCHARD, QUASAR):
            threads.cursor = threads.rows.index(thread)
            await pilot.press("b")
        await pilot.press("B")
        assert count_title(app) == "2 of 7 threads"
        assert threads.rows == [ORCHARD, QUASAR]
        await pilot.press("B")
        assert count_title(app) == "7 of 7 threads"


async def test_shift_u_hides_read_threads() -> None:
    """`U` hides the threads already read: after reading one, 6 of 7 are listed."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, GRAIN)
        thread_list(app).focus()
        await pilot.press("U")
        assert count_title(app) == "6 of 7 threads"
        assert GRAIN not in thread_list(app).rows
        await pilot.press("U")
        assert count_title(app) == "7 of 7 threads"


async def test_the_filters_are_back_after_a_restart() -> None:
    """A search kept with enter is active again on the next start."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await keep_search(pilot, app, "quasarcorp")
    again = reader()
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: count_title(again) == "1 of 7 threads")
        assert again.main_screen.filters.search == "quasarcorp"


async def test_filters_given_at_start_win_over_remembered_ones() -> None:
    """`--flag CN` on the command line replaces the search kept from the last session."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await keep_search(pilot, app, "quasarcorp")
    again = reader(flags=("CN",))
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: count_title(again) == "4 of 7 threads")
        assert again.main_screen.filters.search == ""


async def test_the_theme_is_back_after_a_restart() -> None:
    """A theme chosen (in the palette, say) is the theme of the next start."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        app.theme = "nord"
        await pilot.pause()
    again = reader()
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        assert again.theme == "nord"


async def test_no_state_reads_and_writes_nothing(own_folders: Path) -> None:
    """`--no-state`: marks work within the session, and no file appears in the XDG folders
    (nor is one read: a thread read before shows as unread)."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, ORCHARD)
    files_before = sorted(own_folders.rglob("*"))
    store = state_store([SEEDLIKE], remember=False)
    quiet = ThreadlineApp(paths=[SEEDLIKE], store=store)
    async with quiet.run_test(size=WIDE) as pilot:
        await ready(pilot, quiet)
        assert list_title(quiet) == "7 of 7 threads · 7 unread"
        await open_thread(pilot, quiet, GRAIN)
        assert list_title(quiet) == "7 of 7 threads · 6 unread"
    assert sorted(own_folders.rglob("*")) == files_before
    assert StateStore.open(corpus_key([SEEDLIKE])).read == {app.remembered.id_of(ORCHARD)}


async def test_a_corrupt_state_file_is_reported_and_the_reader_runs(own_folders: Path) -> None:
    """A damaged state file: one notification naming it, and the reader reads and marks as
    usual for the session."""
    path = own_folders / "state" / "threadline" / "state.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all " * 100)
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, ORCHARD)
        warnings = [text for text in notifications(app) if str(path) in text]
        assert len(warnings) == 1
        assert list_title(app) == "7 of 7 threads · 6 unread"


async def test_marks_follow_the_thread_when_the_corpus_changes(tmp_path: Path) -> None:
    """Threads are remembered by id: the same thread, moved to another place in a grown file,
    is still read."""
    path = tmp_path / "corpus.txt"
    first = "1/ The first thread here.\n2/ Its end.\n"
    second = "1/ Another thread entirely.\n2/ Its end too.\n"
    path.write_text(first + "\n" + second, encoding="utf-8")
    app = ThreadlineApp(paths=[str(path)], store=StateStore.open(corpus_key([str(path)])))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, 1)
    path.write_text("1/ A new thread on top.\n2/ Done.\n\n" + second + "\n" + first, "utf-8")
    again = ThreadlineApp(paths=[str(path)], store=StateStore.open(corpus_key([str(path)])))
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        assert list_title(again) == "3 of 3 threads · 2 unread"
        assert not again.remembered.is_unread(1)
        assert post_pane(again).thread == 1


async def test_an_empty_list_says_why_and_how_out() -> None:
    """A search that matches nothing: the list says so and that escape clears the filters."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await pilot.press("slash", *"zzqxnothing", "enter")
        await wait_until(pilot, lambda: count_title(app) == "0 of 7 threads")
        shown = " ".join(line.strip() for line in list_lines(app)[:3])
        assert "No thread matches — esc clears the filters" in shown
        threads = thread_list(app)
        width = threads.scrollable_content_region.width
        for y in range(3):  # each line drawn exactly as wide as the list, no line break in it
            strip = threads.render_line(y)
            assert (strip.cell_length, "\n" in strip.text) == (width, False)
        await pilot.press("escape")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        assert "No thread matches" not in " ".join(list_lines(app))


def test_counts_are_worded_in_the_singular_for_one(tmp_path: Path) -> None:
    """`1 of 1 thread`, and the stats line's `1 thread, 1 post … 1 file`."""
    from parsing.stats import corpus_stats
    from tui.commands import format_stats
    from tui.remembered import list_title as title
    from tui.sources import load

    single = tmp_path / "single.txt"
    single.write_text("1/ Only one post here.\n", encoding="utf-8")
    assert title(1, 1, 1) == "1 of 1 thread · 1 unread"
    report = format_stats(corpus_stats(load([str(single)])))
    assert report.startswith("1 thread, 1 post (0 missing) in 1 file;")


async def test_the_unread_count_follows_each_thread_opened() -> None:
    """`n` through three threads: the title counts 4 unread, as a count from scratch does,
    and `u` on the open thread brings it to 5."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("n", "n")
        await wait_until(pilot, lambda: post_pane(app).thread == 2)
        assert list_title(app) == "7 of 7 threads · 4 unread"
        assert app.remembered.unread_among(thread_list(app).rows) == 4
        await pilot.press("u")
        assert list_title(app) == "7 of 7 threads · 5 unread"
