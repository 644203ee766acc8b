"""The posts' offsets columns: 4 bytes a position for a buffer under 4 GiB, 8 bytes past it,
the same positions either way."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parsing.tables
from parsing.corpus import Corpus
from parsing.given import GivenPost, GivenThread, add_given_threads
from parsing.tables import NARROW_SIZE, PostColumns, offset_code

TEXT = b"1/ A first post about the harbour\n\n2/ A second post, longer than the first one\n"


def test_a_corpus_under_4_gib_keeps_its_offsets_in_4_bytes() -> None:
    """A file of a few bytes lays its posts' offsets out in 4-byte columns, not 8."""
    corpus = Corpus()
    corpus.add_source("thread.txt", TEXT)
    assert corpus.post_count == 2
    assert corpus.posts.text_start.itemsize == corpus.posts.text_end.itemsize == 4


def test_the_columns_widen_for_a_buffer_of_4_gib_and_keep_their_positions() -> None:
    """Reaching a buffer of 4 GiB widens both columns to 8 bytes, with the positions already
    in them unchanged, and then a position past 4 GiB can be appended."""
    posts = PostColumns()
    posts.text_start.extend([0, 7, NARROW_SIZE - 1])
    posts.text_end.extend([5, 9, NARROW_SIZE - 1])
    posts.reach(NARROW_SIZE)
    assert (posts.text_start.itemsize, posts.text_end.itemsize) == (8, 8)
    assert list(posts.text_start) == [0, 7, NARROW_SIZE - 1]
    assert list(posts.text_end) == [5, 9, NARROW_SIZE - 1]
    posts.text_end.append(NARROW_SIZE)
    assert posts.text_end[-1] == NARROW_SIZE


def test_wide_columns_stay_wide_when_a_smaller_buffer_follows() -> None:
    """A small file after a big one does not narrow the columns the big one's posts need."""
    posts = PostColumns(NARROW_SIZE)
    posts.reach(10)
    assert posts.text_start.typecode == posts.text_end.typecode == "q"


@given(st.integers(min_value=0, max_value=1 << 40))
def test_every_position_of_a_buffer_fits_its_offsets_type(size: int) -> None:
    """The type chosen for a buffer of `size` bytes holds 0 and `size` itself (a post may end
    at the buffer's end), and is 4 bytes whenever that suffices."""
    column = array(offset_code(size), [0, size])
    assert list(column) == [0, size]
    assert (column.itemsize == 4) == (size < NARROW_SIZE)


def test_a_file_laid_out_past_the_bound_has_wide_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page text whose buffer reaches the bound (lowered here to a few bytes, as a file of
    4 GiB would) is laid out in 8-byte columns, with the positions of a narrow read."""
    narrow = Corpus()
    narrow.add_source("thread.txt", TEXT)
    monkeypatch.setattr(parsing.tables, "NARROW_SIZE", len(TEXT))
    wide = Corpus()
    wide.add_source("thread.txt", TEXT)
    assert wide.posts.text_start.typecode == wide.posts.text_end.typecode == "q"
    assert list(wide.posts.text_start) == list(narrow.posts.text_start)
    assert list(wide.posts.text_end) == list(narrow.posts.text_end)


def test_an_archive_past_the_bound_has_wide_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The posts an archive gives whole, written into a buffer that reaches the bound (lowered
    here), are placed in 8-byte columns: a 4-byte column would refuse their positions."""
    threads = [GivenThread((GivenPost(1, "An archived post"), GivenPost(2, "and its reply")))]
    narrow = Corpus()
    add_given_threads(narrow, "archive.zip", threads)
    monkeypatch.setattr(parsing.tables, "NARROW_SIZE", len(narrow.sources[0].buf))
    wide = Corpus()
    add_given_threads(wide, "archive.zip", threads)
    assert wide.posts.text_start.typecode == wide.posts.text_end.typecode == "q"
    assert list(wide.posts.text_end) == list(narrow.posts.text_end)
