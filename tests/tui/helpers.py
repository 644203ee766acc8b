"""Helpers for the reader's Pilot and snapshot tests (its fixtures are in `conftest.py`).

The corpora live in `fixtures/` (invented text; `fixtures/make_fixtures.py` writes them):

- `seedlike.txt`: 7 threads. Thread 0 has posts 1-12 and 14-17 (13 missing) and one link in
  post 9; thread 1 starts at `2/` after end-of-thread chrome; threads 2-5 all carry 🇨🇳 and 🇷🇺;
  thread 6 is the only one that says "Quasarcorp".
- `hostile.txt`: one thread whose posts hold markup-looking text and terminal escape sequences.
- `empty.txt`: nothing at all.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerState

from tui.app import ThreadlineApp
from tui.widgets.post_pane import PostPane
from tui.widgets.related_pane import RelatedPane
from tui.widgets.thread_list import ThreadList

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDLIKE = str(FIXTURES / "seedlike.txt")
HOSTILE = str(FIXTURES / "hostile.txt")
EMPTY = str(FIXTURES / "empty.txt")

WIDE = (120, 40)
NARROW = (90, 30)
SMALL = (80, 24)

LIGHTHOUSE, ORCHARD, RAIL, GRAIN, TIMBER, PIPELINE, QUASAR = range(7)
"""The threads of `seedlike.txt`, in file order."""
SHARED_FLAGS = [RAIL, GRAIN, TIMBER, PIPELINE]
LOAD_TIMEOUT = 10.0


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 5.0
) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        failed = [worker for worker in pilot.app.workers if worker.state == WorkerState.ERROR]
        if failed:
            raise AssertionError(f"a worker failed: {failed[0].error!r}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        await pilot.pause(0.05)


async def wait_loaded(pilot: Pilot[Any], app: ThreadlineApp) -> None:
    """Wait until the corpus is read and indexed, the app has taken the index in, and the
    threads' ids are known (the rows' read marks are drawn)."""
    await wait_until(
        pilot,
        lambda: app.main_screen.indexed and app.remembered.known,
        timeout=LOAD_TIMEOUT,
    )
    await pilot.pause()


def many_threads(folder: Path, count: int = 120) -> str:
    """A corpus of `count` two-post threads: more than the thread list shows, so it scrolls."""
    path = folder / "many.txt"
    path.write_text(
        "".join(f"1/ Thread {n} opens here.\n2/ And goes on.\n" for n in range(count)),
        encoding="utf-8",
    )
    return str(path)


def layout_passes(app: ThreadlineApp) -> list[None]:
    """Count the screen's layout passes from now on: one item per pass."""
    passes: list[None] = []
    refresh_layout = app.screen._refresh_layout

    def counted(*args: Any, **kwargs: Any) -> None:
        passes.append(None)
        refresh_layout(*args, **kwargs)

    app.screen._refresh_layout = counted  # type: ignore[method-assign]
    return passes


def make_app(*paths: str, flags: tuple[str, ...] = (), search: str = "") -> ThreadlineApp:
    return ThreadlineApp(paths=list(paths), flags=list(flags), search=search)


@asynccontextmanager
async def thread_open(thread: int) -> AsyncIterator[tuple[Pilot[Any], ThreadlineApp]]:
    """The reader on `seedlike.txt` at the wide size, loaded, with `thread` open."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, thread)
        yield pilot, app


async def open_thread(pilot: Pilot[Any], app: ThreadlineApp, thread: int) -> None:
    """Put the list's cursor on `thread` and press enter, as a user would."""
    threads = thread_list(app)
    threads.focus()
    threads.cursor = threads.rows.index(thread)
    await pilot.press("enter")
    await wait_until(pilot, lambda: post_pane(app).thread == thread and bool(post_pane(app).posts))
    await pilot.pause()


def focused(app: ThreadlineApp) -> Widget | None:
    """The focused widget (typed loosely, so identity checks against any pane type-check)."""
    return app.focused


def thread_list(app: ThreadlineApp) -> ThreadList:
    return app.main_screen.thread_list


def post_pane(app: ThreadlineApp) -> PostPane:
    return app.main_screen.post_pane


def related_pane(app: ThreadlineApp) -> RelatedPane:
    return app.main_screen.related_pane


def count_title(app: ThreadlineApp) -> str:
    """The list's border title without its unread count: `N of M threads`."""
    return list_title(app).split(" · ")[0]


def list_title(app: ThreadlineApp) -> str:
    """The list's whole border title: `N of M threads · K unread`."""
    return str(thread_list(app).border_title)


def header_text(app: ThreadlineApp) -> str:
    return plain_text(app.main_screen.header_bar)


def plain_text(widget: Widget) -> str:
    """The plain text a Static-like widget was given to show (its `Content`)."""
    visual = widget.visual  # type: ignore[attr-defined]
    return str(getattr(visual, "plain", visual))


def rendered_text(widget: Widget) -> str:
    """What the widget actually draws on screen, line by line, without styles."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(strip.text for strip in strips)


def screen_text(app: ThreadlineApp) -> str:
    """Everything the active screen draws, as lines of plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def list_lines(app: ThreadlineApp) -> list[str]:
    """The thread list's visible rows as text."""
    threads = thread_list(app)
    height = threads.scrollable_content_region.height
    return [threads.render_line(y).text for y in range(height)]


def notifications(app: ThreadlineApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def post_numbers(app: ThreadlineApp) -> list[int | None]:
    """The numbers of the open thread's posts, in the order shown."""
    return [post.number for post in post_pane(app).posts]


def index_of(app: ThreadlineApp, number: int) -> int:
    """Where post `number` stands among the open thread's posts."""
    return post_numbers(app).index(number)


def post_text(app: ThreadlineApp, number: int) -> str:
    """What the pane shows for post `number` (its `n/total` label, then its text), unwrapped."""
    pane = post_pane(app)
    index = index_of(app, number)
    return next(block.text for block in pane.blocks if block.post == index)


def placeholder_texts(app: ThreadlineApp) -> list[str]:
    """The placeholders of missing posts, in order."""
    return [block.text for block in post_pane(app).blocks if block.post is None]


def shown_blocks(app: ThreadlineApp) -> list[int | str | None]:
    """What the pane shows, in order: each post's number, each placeholder's text."""
    pane = post_pane(app)
    return [
        block.text if block.post is None else pane.posts[block.post].number for block in pane.blocks
    ]


def pane_lines(app: ThreadlineApp) -> list[str]:
    """The post pane's lines on screen, as text."""
    pane = post_pane(app)
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def marked_lines(app: ThreadlineApp) -> list[str]:
    """The lines on screen drawn with the current post's mark."""
    return [line[1:].strip() for line in pane_lines(app) if line.startswith("\u258c")]


async def click_text(pilot: Pilot[Any], app: ThreadlineApp, needle: str, skip: int = 0) -> bool:
    """Click the post pane `skip` characters into the first `needle` on screen."""
    lines = pane_lines(app)
    y = next(i for i, line in enumerate(lines) if needle in line)
    region = post_pane(app).scrollable_content_region
    offset = (region.x + lines[y].index(needle) + skip, region.y + y)
    return await pilot.click(offset=offset)


def visible_in(widget: Widget, container: Widget) -> bool:
    """The widget is laid out and at least partly inside the container's viewport."""
    region = widget.region
    return bool(region) and region.overlaps(container.scrollable_content_region)


def run_snapshot_setup(*keys: str) -> Callable[[Pilot[Any]], object]:
    """A `run_before` for snap_compare: wait for the corpus, then press `keys`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ThreadlineApp)
        await wait_loaded(pilot, app)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await asyncio.sleep(0)
        await pilot.pause()

    return run_before
