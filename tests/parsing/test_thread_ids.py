"""The threads' ids held as one string (`ThreadIds`) answer as the list of them would."""

from __future__ import annotations

import gc
import pickle

from hypothesis import given
from hypothesis import strategies as st

from parsing.thread_ids import ThreadIds

AN_ID = st.from_regex(r"[0-9a-f]{12}(-[2-9])?", fullmatch=True)


@given(st.lists(AN_ID, max_size=40))
def test_the_ids_read_as_the_list(ids: list[str]) -> None:
    """Length, each id by position (negative too), slices and iteration are the list's."""
    held = ThreadIds(ids)
    assert len(held) == len(ids)
    assert [held[thread] for thread in range(len(ids))] == ids
    assert [held[-n] for n in range(1, len(ids) + 1)] == [ids[-n] for n in range(1, len(ids) + 1)]
    assert list(held) == ids
    assert held[1:-1] == ids[1:-1]
    assert held == ids


@given(st.lists(AN_ID, max_size=40), AN_ID)
def test_an_id_is_found_where_the_list_has_it_first(ids: list[str], other: str) -> None:
    """`index` gives the first thread with the id, and raises ValueError for an id not held
    (a shorter id is not found inside a longer one)."""
    held = ThreadIds(ids)
    for thread_id in ids:
        assert held.index(thread_id) == ids.index(thread_id)
    if other not in ids:
        try:
            held.index(other)
        except ValueError:
            pass
        else:
            raise AssertionError(f"{other!r} found in {ids!r}")


def test_an_id_inside_another_is_not_found() -> None:
    """`0123456789ab` is not found inside `0123456789ab-2`, nor `-2` alone."""
    held = ThreadIds(["0123456789ab-2"])
    for part in ("0123456789ab", "2", "-2", ""):
        try:
            held.index(part)
        except ValueError:
            continue
        raise AssertionError(part)


@given(st.lists(AN_ID, max_size=40))
def test_the_ids_pickle_and_come_back_the_same(ids: list[str]) -> None:
    """Pickled (as the cache and the other process do), the ids come back equal."""
    held = ThreadIds(ids)
    again = pickle.loads(pickle.dumps(held, protocol=5))
    assert again == held and list(again) == ids


def test_no_object_is_kept_per_thread() -> None:
    """A million threads' ids are a few objects, not a string each (about 60 bytes each)."""
    held = ThreadIds(f"{thread:012x}" for thread in range(10_000))
    kept = [each for each in gc.get_referents(held) if each is not ThreadIds]
    assert len(kept) <= 2


@given(st.lists(AN_ID, min_size=1, max_size=40), st.data())
def test_the_ids_of_chosen_threads_are_the_lists(ids: list[str], data: st.DataObject) -> None:
    """`take` gives the ids of the threads asked, in their order, as the list indexed would."""
    held = ThreadIds(ids)
    rows = data.draw(st.lists(st.integers(0, len(ids) - 1), max_size=60))
    assert list(held.take(rows)) == [ids[thread] for thread in rows]
