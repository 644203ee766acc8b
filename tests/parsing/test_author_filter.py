"""The author filter: a handle (with or without `@`, whole) or a display name (or part of
one), in any case; threads whose page names no author never match."""

from __future__ import annotations

import pytest

from parsing.authors import author_matches, threads_by_author
from parsing.corpus import Corpus
from parsing.filters import filter_threads
from parsing.given import ThreadMeta
from parsing.index import CorpusIndex

from .helpers import parse_text


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ("@annbrook", True),
        ("annbrook", True),
        ("ANNBROOK", True),
        ("@AnnBrook", True),
        ("Ann Brook", True),
        ("brook", True),
        ("  ann brook  ", True),
        ("@ann", False),  # a handle is matched whole
        ("@Ann Brook", False),  # `@` names a handle, never a display name
        ("zed", False),
        ("", True),
    ],
)
def test_author_matches(wanted: str, expected: bool) -> None:
    assert author_matches(wanted, "Ann Brook", "annbrook") is expected


def test_a_handle_alone_matches_without_a_display_name() -> None:
    assert author_matches("zq", None, "zq")
    assert not author_matches("zq", None, None)


@pytest.fixture
def corpus() -> Corpus:
    corpus = parse_text(
        "1/ Salt moved along roads.\n2/ Then rails.\n• • •\n"
        "1/ Ice ships crossed.\n2/ They sank.\n• • •\n"
        "1/ Kites rose high.\n2/ Red ones.\n"
    )
    assert corpus.thread_count == 3
    corpus.thread_meta[0] = ThreadMeta(author="Zed Quill", handle="zedq")
    corpus.thread_meta[2] = ThreadMeta(author=None, handle="kitefan")
    return corpus


def test_threads_by_author_in_corpus_order(corpus: Corpus) -> None:
    assert threads_by_author(corpus, "quill") == [0]
    assert threads_by_author(corpus, "@kitefan") == [2]
    assert threads_by_author(corpus, "nobody") == []


def test_filter_threads_combines_the_author_with_the_search(corpus: Corpus) -> None:
    index = CorpusIndex(thread_count=corpus.thread_count)
    assert filter_threads(corpus, index, author="zedq") == [0]
    assert filter_threads(corpus, index, search="rails", author="zedq") == [0]
    assert filter_threads(corpus, index, search="kites", author="zedq") == []
    assert filter_threads(corpus, index, author="  ") == [0, 1, 2]
