"""Search hits in the reader: a thread opens at its first hit, the brackets step through hits
across threads, and the hits are marked in the posts."""

from __future__ import annotations

import pytest

from tui.app import ThreadlineApp

from .helpers import (
    QUASAR,
    WIDE,
    count_title,
    open_thread,
    post_pane,
    thread_list,
    wait_until,
)
from .test_state_reader import keep_search, reader, ready

pytestmark = pytest.mark.usefixtures("own_folders")


async def test_a_thread_opens_at_its_first_search_hit() -> None:
    """With a search active, enter opens the thread at the first post holding the words."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await keep_search(pilot, app, "quasarcorp")
        await open_thread(pilot, app, QUASAR)
        pane = post_pane(app)
        assert pane.current == app.view.hits(QUASAR, "quasarcorp")[0]
        assert "quasarcorp" in pane.posts[pane.current].text.casefold()


async def test_brackets_step_through_hits_across_threads() -> None:
    """`]` goes to the next post holding the search text, on into the next thread of the
    list; `[` comes back."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await pilot.press("slash", *"the", "enter")
        await wait_until(pilot, lambda: app.main_screen.filters.search == "the")
        rows = list(thread_list(app).rows)
        expected = [(thread, hit) for thread in rows for hit in app.view.hits(thread, "the")]
        assert len(expected) > len(rows) >= 2  # several hits in some threads
        await pilot.press("right_square_bracket")
        seen = [(post_pane(app).thread, post_pane(app).current)]
        for _ in range(len(expected) - 1):
            await pilot.press("right_square_bracket")
            seen.append((post_pane(app).thread, post_pane(app).current))
        assert seen == expected
        await pilot.press("left_square_bracket")
        assert (post_pane(app).thread, post_pane(app).current) == expected[-2]


def hit_texts(app: ThreadlineApp) -> list[str]:
    """The pieces of the open thread's posts drawn in the hit style."""
    from tui.highlight import HIT_STYLE

    found = []
    for block in post_pane(app).blocks:
        content = block.content
        found += [content.plain[s.start : s.end] for s in content.spans if s.style == HIT_STYLE]
    return found


async def test_search_hits_are_marked_in_the_posts() -> None:
    """With a search active, every place the words appear in the open thread is marked, in
    whatever case they are written; clearing the search takes the marks away."""
    app = reader()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await pilot.press("slash", *"QUASARCORP", "enter")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        await open_thread(pilot, app, QUASAR)
        marked = hit_texts(app)
        assert marked
        assert {text.casefold() for text in marked} == {"quasarcorp"}
        text = " ".join(block.text for block in post_pane(app).blocks).casefold()
        assert len(marked) == text.count("quasarcorp")
        await pilot.press("escape")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        assert hit_texts(app) == []
