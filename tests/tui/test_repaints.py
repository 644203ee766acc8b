"""What one `n`/`p` repaints: the frame it needs, and nothing more (the footer, scrollbars)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from .helpers import (
    LIGHTHOUSE,
    ORCHARD,
    SEEDLIKE,
    WIDE,
    make_app,
    many_threads,
    open_thread,
    post_pane,
    thread_list,
    thread_open,
    wait_loaded,
    wait_until,
)


async def test_n_keeps_the_footer_keys() -> None:
    """`n` opens the next thread without rebuilding the footer: its key widgets stay the same
    objects (the footer rebuilt every key on every `n`, a good part of its cost)."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        before = list(app.query_one(Footer).query(FooterKey))
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread != LIGHTHOUSE)
        await pilot.pause()
        assert before and list(app.query_one(Footer).query(FooterKey)) == before


async def test_n_repaints_only_the_list_rows_that_change(tmp_path: Path) -> None:
    """`n` draws again only the two rows of the thread list whose marks move (the thread left
    and the thread opened); the other rows on screen keep their drawn lines."""
    app = make_app(many_threads(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        threads = thread_list(app)
        drawn: list[int] = []
        original = threads.render_line
        threads.render_line = lambda y: drawn.append(y) or original(y)  # type: ignore[method-assign]
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == 1)
        await pilot.pause()
        assert sorted(set(drawn)) == [0, 1]


async def test_backspace_appears_in_the_footer_once_there_is_history() -> None:
    """The footer still follows what applies: after going to a thread from the command palette
    (which backspace undoes) its `Back` key is enabled."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):

        def back_enabled() -> bool:
            keys = app.query_one(Footer).query(FooterKey)
            return any(key.action == "go_back" and not key._disabled for key in keys)

        assert not back_enabled()
        app.main_screen.go_to_thread(ORCHARD)
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        await wait_until(pilot, back_enabled)


async def test_a_layout_pass_does_not_repaint_the_lists_scrollbar(tmp_path: Path) -> None:
    """When the screen is laid out again and nothing about the scrolled thread list changed,
    its rows (and the scrollbar drawn in them) are not drawn again (the scrollbar was, after
    every layout pass: an extra frame per `n`)."""
    app = make_app(many_threads(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        threads = thread_list(app)
        assert threads.scrollbar_region()
        await pilot.pause()
        drawn: list[int] = []
        original = threads.render_line
        threads.render_line = lambda y: drawn.append(y) or original(y)  # type: ignore[method-assign]
        app.screen.refresh(layout=True)
        await pilot.pause()
        await pilot.pause()
        assert drawn == []


async def test_the_list_scrollbar_follows_new_rows(tmp_path: Path) -> None:
    """A filter that leaves a few rows hides the list's scrollbar; clearing it shows it again
    (its own virtual size changed, so a layout pass does update it)."""
    app = make_app(many_threads(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        threads = thread_list(app)
        assert threads.show_vertical_scrollbar
        threads.set_rows(range(3))
        await pilot.pause()
        await pilot.pause()
        assert not threads.show_vertical_scrollbar
        threads.set_rows(range(120))
        await pilot.pause()
        await pilot.pause()
        assert threads.show_vertical_scrollbar


async def test_the_indexed_corpus_is_frozen_out_of_the_cycle_collector() -> None:
    """Once indexing is done, the reader freezes what it holds (the corpus and its index live
    as long as it does), so full collections no longer walk them while keys are pressed."""
    gc.unfreeze()
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: app.main_screen.indexed)
        assert gc.get_freeze_count() > 0


class _Drawn:
    """A drawn line as the interface's often are: in a reference cycle."""

    def __init__(self) -> None:
        self.itself = self


async def test_what_is_let_go_once_indexed_is_not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows drawn before the whole index came in, let go once it has (drawn again with it),
    are collected before what the reader holds is frozen: not kept for as long as it runs.
    (The rows on screen when loading itself ends are frozen with the corpus there, a screenful
    kept; so the index's arrival is replayed here on rows drawn after that.)"""
    from tui.loading import CorpusLoader
    from tui.widgets.thread_list import ThreadList

    drawn: list[_Drawn] = []
    made: list[weakref.ref[_Drawn]] = []
    forget = ThreadList.forget_rendering

    def forget_and_draw_again(self: ThreadList) -> None:
        drawn.clear()
        drawn.append(_Drawn())
        made.append(weakref.ref(drawn[0]))
        forget(self)

    monkeypatch.setattr(ThreadList, "forget_rendering", forget_and_draw_again)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: app.main_screen.indexed)
        await pilot.pause()
        screen = app.main_screen
        gc.unfreeze()
        screen.thread_list.forget_rendering()  # rows drawn before the index (again) comes in
        before_the_index, drawings = made[-1], len(made)
        assert screen.view.index is not None
        screen.post_message(CorpusLoader.FullyIndexed(screen.view.index))
        await wait_until(pilot, lambda: len(made) > drawings)
        await pilot.pause()
        assert gc.get_freeze_count() > 0
        gc.collect()
        assert before_the_index() is None
