"""Starting the reader: what it shows first, odd inputs, help, focus and quitting."""

from __future__ import annotations

import re
from pathlib import Path

from tui.app import ThreadlineApp
from tui.loading import CorpusLoader
from tui.screens.help_screen import HelpScreen

from .helpers import (
    EMPTY,
    LIGHTHOUSE,
    SEEDLIKE,
    SMALL,
    WIDE,
    count_title,
    focused,
    header_text,
    list_lines,
    make_app,
    marked_lines,
    notifications,
    open_thread,
    placeholder_texts,
    post_pane,
    related_pane,
    screen_text,
    thread_list,
    wait_loaded,
    wait_until,
)


async def test_startup_counts_all_threads() -> None:
    """Once loaded, the list's title and the header both say `7 of 7 threads`."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert count_title(app) == "7 of 7 threads"
        assert "7 of 7 threads" in header_text(app)


async def test_startup_lists_titles_in_file_order() -> None:
    """Every thread has a row; the rows show the threads' titles in file order."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert thread_list(app).rows == list(range(7))
        lines = list_lines(app)
        assert "Seventeen notes" in lines[0]
        assert "The orchard co-op" in lines[1]
        assert "Quasarcorp" in lines[6]


async def test_startup_header_names_the_corpus() -> None:
    """The header line names the corpus file."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert "seedlike.txt" in header_text(app)


async def test_startup_focuses_the_list_with_cursor_on_first_thread() -> None:
    """The thread list has focus and its cursor is on the first thread; nothing is open yet."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert focused(app) is thread_list(app)
        assert thread_list(app).current == LIGHTHOUSE
        assert post_pane(app).thread is None
        assert thread_list(app).opened is None


async def test_demo_corpus_loads_without_paths() -> None:
    """With no paths the bundled demo corpus loads and is named in the header."""
    app = ThreadlineApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        total = app.loader.corpus.thread_count
        assert total > 0
        assert count_title(app) == f"{total} of {total} threads"
        assert "demo corpus" in header_text(app)


async def test_empty_corpus_shows_friendly_state() -> None:
    """An empty file loads without a crash: `0 of 0 threads`, a notification saying no threads
    were found, and keys that need a thread do nothing harmful."""
    app = make_app(EMPTY)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: bool(notifications(app)))
        assert count_title(app) == "0 of 0 threads"
        assert any("No threads found" in message for message in notifications(app))
        for key in ("enter", "j", "k", "n", "p", "o", "f", "r", "backspace", "escape"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert post_pane(app).thread is None
        assert placeholder_texts(app) == []  # there is no thread to open with enter


async def test_unreadable_path_is_reported_and_good_file_loads() -> None:
    """A path that does not exist gives a notification; the good file beside it still loads."""
    app = make_app("/nonexistent/threadline/nowhere", SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: bool(notifications(app)))
        assert any("nowhere" in message for message in notifications(app))
        assert count_title(app) == "7 of 7 threads"


async def test_help_lists_flag_search_and_related_keys() -> None:
    """`?` opens the help screen, which names `f` (flags), `/` (search) and `r` (related)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        text = screen_text(app)
        assert re.search(r"(?m)(^|[\s│])f\s{2,}flag", text), text
        assert re.search(r"(?m)(^|[\s│])/\s{2,}search", text), text
        assert re.search(r"(?m)(^|[\s│])r\s{2,}.*related", text), text


async def test_help_closes_with_escape() -> None:
    """escape on the help screen returns to the main screen."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert len(app.screen_stack) == 1


async def test_q_quits_with_return_code_zero() -> None:
    """`q` exits the app with return code 0."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_tab_cycles_focus_through_the_panes() -> None:
    """tab moves focus list → posts → related → list."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert focused(app) is thread_list(app)
        await pilot.press("tab")
        assert focused(app) is post_pane(app)
        await pilot.press("tab")
        assert focused(app) is related_pane(app)
        await pilot.press("tab")
        assert focused(app) is thread_list(app)


async def test_shift_tab_moves_focus_backwards() -> None:
    """shift+tab from the list goes to the last pane (related) at 120 columns."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("shift+tab")
        assert focused(app) is related_pane(app)


async def test_small_terminal_is_usable() -> None:
    """At 80x24 enter opens a thread and j moves to the next post, without a crash."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("j")
        await pilot.pause()
        assert post_pane(app).current == 1
        assert marked_lines(app)[0].startswith("2/")
        assert not related_pane(app).display
        assert post_pane(app).region.width > 20
        assert thread_list(app).region.width >= 24


def test_the_loader_reads_a_file_named_twice_once(tmp_path: Path) -> None:
    """A folder and a file inside it, both named, give each file one source in the reader,
    as they do for `threadline export`."""
    (tmp_path / "a.txt").write_text("1/ one\n2/ two\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1/ three\n", encoding="utf-8")
    loader = CorpusLoader([str(tmp_path), str(tmp_path / "a.txt")])
    loader.prepare()
    loader.run(lambda message: None)
    assert [Path(source.name).name for source in loader.corpus.sources] == ["a.txt", "b.txt"]
    assert loader.corpus.thread_count == 2
