"""The forms a query is looked for in as it stands, and the queries written one way only (by
property, with every other way of searching: test_typed_search_properties)."""

from __future__ import annotations

from unittest.mock import patch

import pytest

from parsing.search import ThreadSearch, threads_matching_slowly
from parsing.search_forms import is_caseless, literal_forms
from parsing.search_scan import Query

from .test_typed_search import corpus_of


def test_forms_are_small_letters_then_as_typed_then_capitals_then_a_capital_first() -> None:
    """Each form once, the likeliest first."""
    assert literal_forms("$Nvlt") == (b"$nvlt", b"$Nvlt", b"$NVLT")
    assert literal_forms("kite") == (b"kite", b"KITE", b"Kite")
    assert literal_forms("55") == (b"55",)


def test_a_form_whose_letters_change_length_is_left_out() -> None:
    """`ß` in capitals is `SS`: that form would not line up with the text it stands for."""
    assert literal_forms("straße") == ("straße".encode(), "Straße".encode())


@pytest.mark.parametrize("query", ["🇯🇵", "半導体", "55", "$ 1/", "🧵"])
def test_a_query_with_no_cased_letter_is_written_one_way(query: str) -> None:
    assert is_caseless(query)


@pytest.mark.parametrize("query", ["a", "5a", "э", "ǅ", "k", "σ"])
def test_a_query_with_a_cased_letter_is_not(query: str) -> None:
    """`k` is also the Kelvin sign, `σ` also `Σ`."""
    assert not is_caseless(query)


def _never_folded(self: Query, source: object) -> None:
    raise AssertionError(f"{self.text!r} was searched in folded text")


def test_a_query_written_one_way_is_found_without_folding() -> None:
    """A flag is found where it stands; a thread that does not hold it as it stands holds it
    nowhere, and is not read again folded."""
    corpus = corpus_of([["At sea 🇯🇵."], ["None here."], ["Two", "🇯🇵🇯🇵 flags"], ["🇯"]])
    with patch.object(Query, "scan_of", _never_folded):
        search = ThreadSearch(corpus, "🇯🇵")
        assert search.run()
    assert search.found == [0, 2] == threads_matching_slowly(corpus, "🇯🇵")


def test_a_ticker_in_capitals_is_found_as_typed_without_folding() -> None:
    """`$NVLT` stands in capitals in every thread that holds it: its small letters are found in
    none, its capitals in each, and no thread is left to fold."""
    corpus = corpus_of([["$NVLT fell."], ["Up: $NVLT"], ["$NVLT and $NVLT"]])
    with patch.object(Query, "scan_of", _never_folded):
        search = ThreadSearch(corpus, "$nvlt")
        assert search.run()
    assert search.found == [0, 1, 2]


def test_a_query_written_one_way_passes_over_a_use_across_two_posts() -> None:
    """`🇯🇵\\n2` first stands across the end of post 1 and the marker of post 2, which is no
    match; the later one inside post 3 is."""
    corpus = corpus_of([["x 🇯🇵", "y", "z 🇯🇵\n2 more"], ["x 🇯🇵", "y"]])
    search = ThreadSearch(corpus, "🇯🇵\n2")
    assert search.run()
    assert search.found == [0] == threads_matching_slowly(corpus, "🇯🇵\n2")
