"""A search typed key by key, by property: narrowing, the posts that match, a search among
candidates, any stretch of the text, searches cancelled anywhere or typed while the corpus
grows, all give what a fresh search or the reference gives."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing import search as search_module
from parsing import search_scan
from parsing.corpus import Corpus
from parsing.search import (
    ThreadSearch,
    posts_matching,
    threads_matching,
    threads_matching_slowly,
)
from parsing.search_memory import SearchMemory
from parsing.search_scan import contains

from .helpers import parse_text
from .test_properties import PROPERTY, texts
from .test_typed_search import WORDS, corpus_of, threads


@settings(max_examples=200, deadline=None)
@given(threads, st.data())
def test_narrowing_gives_what_a_fresh_search_gives(
    threads: list[list[str]], data: st.DataObject
) -> None:
    """Queries typed key by key, then parts of the word they come from (shorter or longer),
    each searched within what the earlier searches leave (some cancelled after a few chunks):
    each search that runs to its end finds what a fresh search finds."""
    corpus = corpus_of(threads)
    word = data.draw(st.sampled_from(WORDS))
    start = data.draw(st.integers(0, len(word) - 1))
    query = word[start : data.draw(st.integers(start + 1, len(word)))]
    typed = [query[:end] for end in range(1, len(query) + 1)]
    parts = st.tuples(st.integers(0, len(word)), st.integers(1, len(word)))
    cuts = data.draw(st.lists(parts, max_size=4))
    typed += [word[cut : cut + length] for cut, length in cuts if word[cut : cut + length]]
    memory = SearchMemory(corpus)
    for text in typed:
        search = memory.start(text)
        stop_after = data.draw(st.integers(0, 3) | st.none())
        if stop_after is None:
            search.run()
        else:
            search.run(lambda search=search, stop=stop_after: search.checked > stop)
        memory.keep(search)
        if search.complete:
            assert search.found == threads_matching_slowly(corpus, text), text
    assert memory.find(query) == threads_matching_slowly(corpus, query)


@settings(max_examples=100, deadline=None)
@given(threads, st.sampled_from(WORDS), st.integers(0, 3))
def test_posts_matching_follows_the_reference_rule(
    threads: list[list[str]], word: str, cut: int
) -> None:
    """The posts of a thread that hold the query are those whose text contains it."""
    corpus = corpus_of(threads)
    query = word[cut:] or word
    for thread in range(corpus.thread_count):
        expected = [
            n
            for n, post in enumerate(corpus.thread_posts(thread))
            if contains(corpus.post_text(post), query)
        ]
        assert posts_matching(corpus, thread, query) == expected


@pytest.mark.usefixtures("one_thread_chunks")
def test_chunks_follow_the_sources() -> None:
    """With several files, chunks never span two, and every file's threads are searched."""
    corpus = Corpus()
    corpus.add_source("a.txt", b"1/ Amber.\n2/ More.\n")
    corpus.add_source("b.txt", b"1/ Nothing.\n")
    corpus.add_source("c.txt", b"1/ amber too.\n")
    search = ThreadSearch(corpus, "amber")
    assert search.run() is True
    assert search.found == [0, 2]


@PROPERTY
@given(texts, st.data())
def test_a_search_among_candidates_finds_what_the_reference_finds(
    text: str, data: st.DataObject
) -> None:
    """Over any text (chrome, holes, several sources' worth of markers), among any candidates,
    in chunks of any size, whether or not each chunk first looks for the query as it stands, and
    whether it scans each candidate or across the chunk, a search finds the candidates the
    reference rule finds."""
    corpus = parse_text(text)
    total = corpus.thread_count
    among = sorted(data.draw(st.sets(st.integers(0, max(total - 1, 0)), max_size=total)))
    among = [thread for thread in among if thread < total]
    words = text.split() or ["a"]
    word = data.draw(st.sampled_from(words))
    start = data.draw(st.integers(0, len(word) - 1))
    query = word[start : data.draw(st.integers(start + 1, len(word)))]
    size = data.draw(st.sampled_from([1, 2, 3, 512]))
    literal_worth = data.draw(st.sampled_from([0.0, 2.0]))
    span_cost = data.draw(st.sampled_from([0.0, 0.45, 100.0]))
    with (
        patch.object(search_module, "CHUNK_THREADS", size),
        patch.object(search_module, "LITERAL_WORTH", literal_worth),
        patch.object(search_module, "SPAN_COST", span_cost),
    ):
        search = ThreadSearch(corpus, query, among)
        assert search.run()
    holding = set(threads_matching_slowly(corpus, query))
    assert search.found == [thread for thread in among if thread in holding]


ACROSS = ["1/ ", "2/ ", "(2/5) ", "\n", "\n\n", "\r\n", " ", "x", "X", "ab", "AB", "THREAD "]
"""ASCII pieces whose runs put markers, line ends and letters side by side: an ASCII query is
searched with no exact pattern after the key."""
UNLIKE = [
    "é", "É", "ß", "K", "k", "İ", "Σ", "ς", "э", "Э", "ѭ", "🧵", "🇯🇵", "半導体", "55", "$NV",
    "• • •\n", "Image\n",
]  # fmt: skip
"""Letters whose case forms differ in length or key alike, an emoji head, a flag, words with
no case, a ticker, chrome."""
pieced = st.lists(st.sampled_from(ACROSS) | st.sampled_from(UNLIKE), min_size=1, max_size=40)


@PROPERTY
@given(pieced.map("".join) | texts.filter(bool), st.data())
def test_any_stretch_of_the_text_is_found_where_the_reference_finds_it(
    text: str, data: st.DataObject
) -> None:
    """A query cut anywhere from the text, in any case (across post markers and line ends, at
    a thread's edges), over windows folded of any size, is found in the threads the reference
    rule finds it in, whichever way each chunk is searched."""
    corpus = parse_text(text)
    ends = [at for at, char in enumerate(text) if char == "\n"]  # most cuts span a line end
    near_an_end = st.sampled_from(ends).flatmap(lambda at: st.integers(max(at - 3, 0), at))
    start = data.draw(near_an_end if ends else st.integers(0, len(text) - 1))
    cut = text[start : data.draw(st.integers(start + 1, min(len(text), start + 8)))]
    query = data.draw(st.sampled_from([str.upper, str.lower, str.swapcase, str.title]))(cut)
    with (
        patch.object(search_module, "CHUNK_THREADS", data.draw(st.sampled_from([1, 3, 512]))),
        patch.object(search_module, "LITERAL_WORTH", data.draw(st.sampled_from([0.0, 2.0]))),
        patch.object(search_module, "SPAN_COST", data.draw(st.sampled_from([0.0, 100.0]))),
        patch.object(search_scan, "FOLD_FIRST", data.draw(st.sampled_from([1, 4, 1024]))),
        patch.object(search_scan, "FOLD_WHOLE", data.draw(st.sampled_from([0, 16 << 10]))),
    ):
        found = threads_matching(corpus, query)
    assert found == threads_matching_slowly(corpus, query)


queries = st.sampled_from(WORDS).flatmap(
    lambda word: st.tuples(st.integers(0, len(word) - 1), st.integers(1, len(word))).map(
        lambda cut: word[cut[0] : cut[0] + cut[1]]
    )
)


@settings(max_examples=200, deadline=None)
@given(threads, st.lists(st.tuples(queries, st.integers(0, 6) | st.none()), min_size=1, max_size=8))
@pytest.mark.usefixtures("one_thread_chunks")
def test_searches_cancelled_anywhere_leave_the_fresh_answer(
    threads: list[list[str]], typed: list[tuple[str, int | None]]
) -> None:
    """Any queries, each cancelled after any number of chunks or run to its end, each taking
    over what the searches before it left: a cancelled one still bounds its answer, and a
    finished one, or a last one run to its end, finds what a fresh search finds."""
    corpus = corpus_of(threads)
    memory = SearchMemory(corpus)
    for text, chunks in typed:
        search = memory.start(text)
        ran = [0]

        def cancelled(ran: list[int] = ran, chunks: int | None = chunks) -> bool:
            ran[0] += 1
            return chunks is not None and ran[0] > chunks

        search.run(cancelled)
        memory.keep(search)
        expected = threads_matching_slowly(corpus, text)
        if search.complete:
            assert search.found == expected, text
        else:
            assert set(expected) <= set(search.superset()), text
            assert search.superset() == sorted([*search.possible(), *search.unchecked()])
    last = typed[-1][0]
    assert memory.find(last) == threads_matching_slowly(corpus, last)


def source_of(threads: list[list[str]]) -> bytes:
    """A file whose thread i has the posts `threads[i]` (see `corpus_of`)."""
    lines = [f"{number}/ {post}" for posts in threads for number, post in enumerate(posts, 1)]
    return ("\n".join(lines) + "\n").encode()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(threads, min_size=2, max_size=4),
    st.lists(st.tuples(queries, st.integers(0, 6) | st.none(), st.booleans()), max_size=8),
    queries,
)
@pytest.mark.usefixtures("one_thread_chunks")
def test_searches_typed_while_the_corpus_grows_leave_the_fresh_answer(
    files: list[list[list[str]]], typed: list[tuple[str, int | None, bool]], last: str
) -> None:
    """Queries typed while files are still being read (a file may be added before a search,
    or while it runs), each cancelled anywhere or run to its end: a finished one finds what a
    fresh search of the threads it began with finds, and once every file is in, the last
    query finds what a fresh search finds."""
    corpus = Corpus()
    memory = SearchMemory(corpus)
    waiting = iter(enumerate(files))

    def read_one() -> None:
        number, threads = next(waiting, (None, None))
        if threads is not None:
            corpus.add_source(f"{number}.txt", source_of(threads))

    read_one()
    for text, chunks, grows_while_running in typed:
        search = memory.start(text)
        if grows_while_running:
            read_one()
        search.run(
            lambda search=search, chunks=chunks: chunks is not None and search.checked > chunks
        )
        memory.keep(search)
        if search.complete:
            expected = threads_matching_slowly(corpus, text)
            assert search.found == [t for t in expected if t < search.thread_count], text
        else:
            read_one()
    for _ in files:
        read_one()
    assert memory.find(last) == threads_matching_slowly(corpus, last)


@pytest.mark.parametrize("span_cost", [0.0, 100.0])
def test_a_hit_across_two_posts_is_passed_over_for_a_later_one_inside_a_post(
    span_cost: float,
) -> None:
    """`X\\n2` is first found from the end of post 1 into the marker of post 2, which is no
    match; the search goes on and finds it inside post 3, scanning across the chunk or each
    thread."""
    corpus = parse_text("1/ Alpha x\n2/ beta\n3/ gamma x\n2 more\n\n1/ Delta x\n2/ none\n")
    with patch.object(search_module, "SPAN_COST", span_cost):
        search = ThreadSearch(corpus, "X\n2")
        assert search.run()
    assert search.found == [0]
