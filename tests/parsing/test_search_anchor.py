"""The anchored scan: an ASCII query found by a rare part of it, then checked where found."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from parsing import search_anchor
from parsing.search import threads_matching, threads_matching_slowly
from parsing.search_anchor import AnchorScan, anchor_of
from parsing.search_scan import FoldingScan, Query

from .helpers import parse_text
from .test_case_key import key_scan_of_whole_buffer
from .test_properties import PROPERTY

ANCHORED = "aAzZ5_ .\u00e9"
"""Letters in both cases, caseless bytes, a space and a letter of two bytes."""


@st.composite
def text_and_query(draw: st.DrawFn) -> tuple[str, str]:
    """A text and an ASCII query: mostly a part of the text in another case, else any."""
    text = draw(st.text(alphabet=ANCHORED, min_size=1, max_size=60))
    start = draw(st.integers(0, len(text) - 1))
    part = text[start : start + draw(st.integers(1, 5))].replace("\u00e9", "z")
    changed = draw(st.sampled_from([str.upper, str.lower, str.swapcase, str.title]))(part)
    other = draw(st.text(alphabet="aAzZ5_ .", min_size=1, max_size=4))
    return text, draw(st.sampled_from([part, changed, changed, other]))


@PROPERTY
@given(
    text_and_query(),
    st.data(),
    st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), min_size=1, max_size=6),
)
def test_an_anchored_scan_finds_what_the_whole_key_finds(
    searched: tuple[str, str], data: st.DataObject, calls: list[tuple[int, int]]
) -> None:
    """Whichever byte of the query it finds first (a caseless one, or a letter in both cases),
    the anchored scan answers every call, in any order, as a search of the whole buffer's key
    does, and as the folding scan does."""
    text, query = searched
    buf = text.encode()
    ready = Query(query)
    at, forms = data.draw(st.sampled_from(search_anchor._parts(ready.key)))
    scan = AnchorScan(bytearray(buf), ready.key, at, forms)
    folding = FoldingScan(bytearray(buf), ready.key, ready.confirm)
    for position, asked_end in calls:
        end = min(asked_end, len(buf))
        expected = key_scan_of_whole_buffer(buf, ready, position, end)
        assert scan(position, end) == expected
        assert folding(position, end) == expected


def test_a_rare_byte_anchors_the_scan() -> None:
    """In a big buffer with no digits, `farid55` is found by a `5`; `the` in text full of each
    of its letters is folded instead, and so is a small buffer."""
    text = b"The farmer read the paper. " * 50_000
    assert anchor_of(text, Query("farid55").key) == (5, (b"5",))
    assert anchor_of(text, Query("the").key) is None
    assert anchor_of(text[:1000], Query("farid55").key) is None


def test_an_anchored_search_finds_every_case() -> None:
    """A search anchored on `55` finds the handle written in any case, and only in posts."""
    corpus = parse_text(
        "1/ Nothing here.\n2/ Ask FARID55 about it.\n\n1/ farid55 again.\n\n1/ Farid5 5 no.\n"
    )
    with patch.object(search_anchor, "CHECK_COST", 0.0), patch.object(search_anchor, "SMALLEST", 0):
        assert threads_matching(corpus, "Farid55") == [0, 1]
        assert threads_matching_slowly(corpus, "Farid55") == [0, 1]
