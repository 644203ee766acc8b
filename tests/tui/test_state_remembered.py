"""The remembered state seen by thread number (`tui.remembered`) and the filters as kept
(`Filters.as_json`/`from_json`): no files (an in-memory store), no UI."""

from __future__ import annotations

from collections.abc import Iterable

from tui.remembered import Remembered, Resumed, list_title
from tui.state import Filters
from tui.store import Place, StateStore

IDS = ["id-a", "id-b", "id-c", "id-d"]


def remembered(read: Iterable[str] = (), marked: Iterable[str] = ()) -> Remembered:
    store = StateStore.in_memory("demo")
    for thread_id in read:
        store.set_read(thread_id)
    for thread_id in marked:
        store.set_bookmark(thread_id, True)
    memory = Remembered(store)
    memory.identify(IDS)
    return memory


def test_list_title_wording() -> None:
    """`N of M threads · K unread`, singular for one thread, no unread part before ids."""
    assert list_title(7, 7, 7) == "7 of 7 threads · 7 unread"
    assert list_title(1, 1, 0) == "1 of 1 thread · 0 unread"
    assert list_title(0, 7, None) == "0 of 7 threads"


def test_nothing_is_marked_before_the_ids_are_known() -> None:
    """While the corpus loads, no thread is unread or bookmarked and filters let all through."""
    memory = Remembered(StateStore.in_memory("demo"))
    assert not memory.is_unread(0)
    assert memory.unread_among([0, 1]) is None
    assert memory.toggle_read(0) is None
    assert list(memory.keep([0, 1], Filters(unread_only=True))) == [0, 1]


def test_unread_count_follows_the_read_marks() -> None:
    """Opening a thread makes one fewer unread; `u` flips it back."""
    memory = remembered()
    assert memory.unread_among(range(4)) == 4
    memory.mark_read(1)
    assert memory.unread_among(range(4)) == 3
    assert memory.unread_among([0, 2]) == 2
    assert memory.toggle_read(1) is False
    assert memory.unread_among(range(4)) == 4


def test_keep_hides_read_and_keeps_bookmarked() -> None:
    """`unread_only` drops read threads; `bookmarked_only` keeps bookmarked ones; together,
    both hold."""
    memory = remembered(read={"id-a", "id-c"}, marked={"id-a", "id-b"})
    rows = range(4)
    assert list(memory.keep(rows, Filters(unread_only=True))) == [1, 3]
    assert list(memory.keep(rows, Filters(bookmarked_only=True))) == [0, 1]
    assert list(memory.keep(rows, Filters(unread_only=True, bookmarked_only=True))) == [1]


def test_the_place_is_kept_by_id_and_found_by_number() -> None:
    """A place saved on thread 2 resumes on the thread with that id, wherever it now is."""
    memory = remembered()
    memory.save_place(2, 3, Filters(("RU",), (), "water"))
    again = Remembered(memory.store)
    again.identify(["id-c", "id-a"])  # the corpus changed: id-c is now first
    assert again.resumed() == Resumed(0, 3, Filters(("RU",), (), "water"), "source")


def test_a_thread_gone_from_the_corpus_resumes_nowhere() -> None:
    """The thread last open is gone: no thread, but the filters are still back."""
    memory = remembered()
    memory.store.save_place(Place("id-gone", 5, {"search": "x"}))
    assert memory.resumed() == Resumed(None, 5, Filters(search="x"))


def test_filters_round_trip() -> None:
    """Every field of the filters survives being kept."""
    filters = Filters(("RU", "CN"), (("mention", "bob"),), "gas", True, True, "@ann")
    assert Filters.from_json(filters.as_json()) == filters


def test_filters_from_a_damaged_file() -> None:
    """Values of the wrong shape are left out, the rest is kept."""
    data = {
        "flags": ["RU", 3, None],
        "features": [["mention", "bob"], ["hashtag"], "x", [1, 2]],
        "search": 12,
        "unread_only": "yes",
        "bookmarked_only": True,
    }
    assert Filters.from_json(data) == Filters(("RU",), (("mention", "bob"),), "", False, True)
    assert Filters.from_json({"flags": "RU"}) == Filters()


def test_the_order_is_kept_with_the_place() -> None:
    """The list's order saved with the place comes back; one the reader does not know (an
    edited file) comes back as none."""
    memory = remembered()
    memory.save_place(1, 0, Filters(), "length")
    assert memory.resumed() == Resumed(1, 0, Filters(), "length")
    memory.store.save_place(Place("id-b", 0, {"sort": "by mood"}))
    assert memory.resumed() == Resumed(1, 0, Filters(), None)


def test_a_chip_takes_away_its_own_filter() -> None:
    """`Filters.without` drops only the filter a chip stands for."""
    filters = Filters(
        ("RU", "CN"), (("mention", "bob"), ("hashtag", "gas")), "oil", True, True, "ann"
    )
    assert filters.without("flag", "RU").flags == ("CN",)
    assert filters.without("mention", "bob").features == (("hashtag", "gas"),)
    assert filters.without("search") == Filters(
        ("RU", "CN"), (("mention", "bob"), ("hashtag", "gas")), "", True, True, "ann"
    )
    assert filters.without("author").author == ""
    assert not filters.without("unread").unread_only
    assert not filters.without("bookmarked").bookmarked_only
    assert filters.without("flag", "BR") == filters
