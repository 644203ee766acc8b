"""A search typed key by key: chunks, cancelling, narrowing within an earlier search's threads
(by property: test_typed_search_properties)."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from parsing.corpus import Corpus
from parsing.search import (
    ThreadSearch,
    threads_matching_slowly,
)
from parsing.search_memory import SearchMemory

from .helpers import parse_text

WORDS = ["amber", "Amberly", "ember", "ÉMILE", "émile", "orbit", "orb", "Kite", "kettle", "na"]
"""Words that share parts, in both cases, with and without accents."""


def corpus_of(threads: list[list[str]]) -> Corpus:
    """A corpus whose thread i has the posts `threads[i]`, numbered 1/, 2/, …"""
    lines = [f"{number}/ {post}" for posts in threads for number, post in enumerate(posts, 1)]
    return parse_text("\n".join(lines) + "\n")


FIVE = corpus_of([
    ["Amber light at dawn.", "Then ember."],
    ["Nothing here."],
    ["The orbit of an amber moon."],
    ["Kettle on.", "émile wrote AMBERLY."],
    ["Orb weaver."],
])  # fmt: skip


posts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
threads = st.lists(st.lists(posts, min_size=1, max_size=4), min_size=1, max_size=12)


@pytest.mark.usefixtures("one_thread_chunks")
def test_a_cancelled_search_stops_at_the_next_chunk() -> None:
    """Cancelled after its second chunk, a search has decided two threads, looks at no more,
    and says it did not finish."""
    asked: list[int] = []
    search = ThreadSearch(FIVE, "amber")

    def cancelled() -> bool:
        asked.append(search.checked)
        return search.checked >= 2

    assert search.run(cancelled) is False
    assert (search.checked, search.found, search.complete) == (2, [0], False)
    assert asked == [0, 1, 2]


@pytest.mark.usefixtures("one_thread_chunks")
def test_a_cancelled_search_still_bounds_the_answer() -> None:
    """What a cancelled search found plus what it had not checked holds every match."""
    search = ThreadSearch(FIVE, "amber")
    search.run(lambda: search.checked >= 2)
    assert search.superset() == [0, 2, 3, 4]
    assert set(threads_matching_slowly(FIVE, "amber")) <= set(search.superset())


def test_a_search_among_candidates_looks_only_at_them() -> None:
    """Among threads 1, 3 and 4, `amber` is in thread 3 alone (0 and 2 are not asked about)."""
    search = ThreadSearch(FIVE, "amber", [1, 3, 4])
    assert search.run() is True
    assert search.found == [3]


def test_memory_reuses_a_complete_search_for_the_same_text() -> None:
    """A search for `AMBER` after a complete one for `amber` is that one, already done."""
    memory = SearchMemory(FIVE)
    memory.find("amber")
    again = memory.start("AMBER")
    assert again.complete
    assert again.found == [0, 2, 3]


def test_memory_narrows_a_longer_query_within_the_shorter_ones_threads() -> None:
    """After `amber`, a search for `amberly` looks only among `amber`'s threads."""
    memory = SearchMemory(FIVE)
    memory.find("amber")
    assert list(memory.start("amberly").candidates) == [0, 2, 3]


@pytest.mark.usefixtures("one_thread_chunks")
def test_a_longer_query_takes_over_where_a_cancelled_search_stopped() -> None:
    """`amber` cancelled after two threads (it found thread 0): `amberly` looks first at
    threads 2, 3 and 4, which no search has looked at, then at thread 0 again; thread 1,
    known not to hold `amber`, not at all."""
    memory = SearchMemory(FIVE)
    first = memory.start("amber")
    first.run(lambda: first.checked >= 2)
    memory.keep(first)
    longer = memory.start("amberly")
    assert list(longer.candidates) == [2, 3, 4, 0]
    assert longer.run() is True
    assert longer.found == [3]


@pytest.mark.usefixtures("one_thread_chunks")
def test_a_cancelled_takeover_keeps_what_it_checked() -> None:
    """`amberly` taking over a cancelled `amber`, itself cancelled after one more thread
    (thread 2, which lacks `amberly`), leaves the next key threads 3 and 4 unchecked and
    thread 0 to check again; the first thread it checked is settled."""
    memory = SearchMemory(FIVE)
    first = memory.start("amber")
    first.run(lambda: first.checked >= 2)
    memory.keep(first)
    longer = memory.start("amberly")
    longer.run(lambda: longer.checked >= 1)
    memory.keep(longer)
    assert (list(longer.unchecked()), longer.possible()) == ([3, 4], [0])
    assert list(memory.start("amberly.").candidates) == [3, 4, 0]


@pytest.mark.usefixtures("one_thread_chunks")
def test_a_takeover_checks_first_what_the_cancelled_one_did_not_reach() -> None:
    """`amb` finds threads 0, 2 and 3; `ambe`, cancelled after thread 0, leaves 2 and 3
    unsettled: `amber` checks them before thread 0, which `ambe` already narrowed to."""
    memory = SearchMemory(FIVE)
    assert memory.find("amb") == [0, 2, 3]
    cut = memory.start("ambe")
    cut.run(lambda: cut.checked >= 1)
    memory.keep(cut)
    assert (cut.found, cut.unsettled()) == ([0], [2, 3])
    longer = memory.start("amber")
    assert list(longer.candidates) == [2, 3, 0]
    assert longer.run() is True
    assert longer.found == [0, 2, 3]


def test_threads_added_after_a_search_are_the_next_ones_looked_at() -> None:
    """Threads added after a complete search were never searched: the same query looks at
    them alone, and finds what a fresh search finds."""
    corpus = corpus_of([["Amber."], ["Orb."]])
    memory = SearchMemory(corpus)
    memory.find("amber")
    corpus.add_source("more.txt", b"1/ Amber again.\n2/ Orb.\n3/ Amber.\n\n1/ Orb.\n")
    search = memory.start("amber")
    assert list(search.candidates) == [2, 3, 0]
    search.run()
    assert search.found == [0, 2]


def test_a_search_that_began_before_the_corpus_grew_is_kept_with_the_new_threads_unchecked() -> (
    None
):
    """A search started before threads were added, and kept after a later search noticed
    them, answers only for the threads it knew: the new ones are still to be searched."""
    corpus = corpus_of([["Amber."], ["Orb."]])
    memory = SearchMemory(corpus)
    early = memory.start("amber")
    corpus.add_source("more.txt", b"1/ Amber again.\n")
    memory.find("orb")
    early.run()
    memory.keep(early)
    assert memory.find("amber") == [0, 2]


def test_a_search_cancelled_before_the_corpus_grew_bounds_only_the_threads_it_knew() -> None:
    """What a search cancelled before threads were added left possible is no bound on the
    new threads: a longer query still finds a match in them."""
    corpus = corpus_of([["Amber."], ["Orb."]])
    memory = SearchMemory(corpus)
    early = memory.start("amber")
    corpus.add_source("more.txt", b"1/ Amber again.\n")
    memory.find("orb")
    early.run(lambda: True)
    memory.keep(early)
    assert memory.find("amber again") == [2]
