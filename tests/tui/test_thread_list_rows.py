"""Which row shows a thread, as the list is loaded, filtered and shown whole again."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.thread_list import Row, ThreadList


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ThreadList(lambda thread: Row(f"thread {thread}", 1, ()))


async def test_rows_loaded_in_order_find_each_thread_at_its_number() -> None:
    """Threads appended as they load (0, 1, 2, then 3, 4) are at the row of their number,
    without a map of them kept; a thread not listed yet has no row."""
    app = ListApp()
    async with app.run_test(size=(60, 10)):
        threads = app.query_one(ThreadList)
        threads.extend_rows(range(3))
        threads.extend_rows(range(3, 5))
        assert [threads.row_of(thread) for thread in range(6)] == [0, 1, 2, 3, 4, None]
        assert threads.row_of(-1) is None
        assert threads._row_of is None


async def test_a_filtered_list_and_the_whole_one_again_find_their_threads() -> None:
    """A filtered list finds its threads at their rows and not the others; rows appended to
    it come after them; the whole list shown again finds every thread at its number."""
    app = ListApp()
    async with app.run_test(size=(60, 10)):
        threads = app.query_one(ThreadList)
        threads.set_rows([4, 1, 7])
        assert [threads.row_of(thread) for thread in (4, 1, 7, 0)] == [0, 1, 2, None]
        threads.extend_rows(range(8, 10))
        assert (threads.row_of(8), threads.row_of(9), threads.row_of(2)) == (3, 4, None)
        threads.set_rows(range(10), keep=7)
        assert threads.cursor == 7
        assert [threads.row_of(thread) for thread in (0, 9, 10)] == [0, 9, None]


async def test_rows_in_corpus_order_find_their_threads_without_a_map() -> None:
    """A search's rows in corpus order (2, 5, 9) find their threads at their rows and no
    other, with no map of them made; rows appended after them still do."""
    app = ListApp()
    async with app.run_test(size=(60, 10)):
        threads = app.query_one(ThreadList)
        threads.set_rows([2, 5, 9], keep=9, ascending=True)
        assert threads.cursor == 2
        assert [threads.row_of(thread) for thread in (2, 5, 9, 0, 3, 10)] == [
            0, 1, 2, None, None, None,
        ]  # fmt: skip
        assert threads._row_of is None
        threads.extend_rows(range(12, 14))
        assert (threads.row_of(12), threads.row_of(13), threads.row_of(11)) == (3, 4, None)
        assert threads._row_of is None
