"""The corpus and index in the compact forms a reader keeps in memory for as long as it runs,
also after a pickle round trip (the index comes from another process or the cache pickled)."""

from __future__ import annotations

import pickle
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing import build_index
from parsing.index import CorpusIndex
from parsing.index_pickle import PACKED_KINDS, PackedPostings, packed, unpacked

from .helpers import parse_text

CORPUS = """\
1/ Ferry timetables for 🇩🇰 and 🇸🇪 change in May. @ferrydesk keeps the list.
2/ The night crossing is back. #ferries
• • •
1/ Bridge tolls between 🇩🇰 and 🇸🇪 went up. @ferrydesk compares them with the ferries.
2/ Cyclists still cross free. #ferries
• • •
⚡️
1/ Lighthouse keepers of 🇳🇴 kept logs for a century.
2/ The logs are online now.
"""


def test_postings_are_arrays_of_four_byte_thread_numbers() -> None:
    """Each feature's threads are an `array('I')` (4 bytes a thread, not a list of int
    objects), in order, and stay one after a pickle round trip."""
    index = pickle.loads(pickle.dumps(build_index(parse_text(CORPUS)), protocol=5))
    holders = index.threads_with(("mention", "ferrydesk"))
    assert isinstance(holders, array)
    assert (holders.typecode, holders.tolist()) == ("I", [0, 1])
    assert all(isinstance(threads, array) for threads in index.postings.values())
    assert index.threads_with(("mention", "nobody")).tolist() == []


def test_threads_with_the_same_flags_share_one_tuple() -> None:
    """Threads that carry the same flags in the same order hold one tuple between them, and
    still do once pickled and read back."""
    index = build_index(parse_text(CORPUS))
    again = pickle.loads(pickle.dumps(index, protocol=5))
    for flags in (index.flags, again.flags):
        assert flags[0] == ("DK", "SE")
        assert flags[0] is flags[1]
        assert flags[2] == ("NO",)


def test_only_posts_with_a_hole_have_one() -> None:
    """A post whose number marker sits below a lead line has a hole (the marker), kept by
    post; the others have none, and their text is their span of the buffer."""
    corpus = parse_text(CORPUS)
    (post,) = corpus.posts.holes
    assert corpus.posts.with_holes == [post]
    assert corpus.post_text(post).startswith("⚡️\n")
    assert "1/" not in corpus.post_text(post)
    for other in range(corpus.post_count):
        if other != post:
            start, end = corpus.posts.text_start[other], corpus.posts.text_end[other]
            assert corpus.post_bytes(other) == corpus.sources[0].buf[start:end]


def test_only_features_two_threads_share_keep_their_writing() -> None:
    """The index keeps how a feature was written (`@FerryDesk` for ("mention", "ferrydesk"))
    only for features two threads or more hold, the only ones related threads ever show."""
    text = CORPUS.replace("@ferrydesk keeps", "@FerryDesk keeps").replace(
        "logs are online", "@KeeperLogs are online"
    )
    index = build_index(parse_text(text))
    assert index.written[("mention", "ferrydesk")] == "FerryDesk"
    assert ("mention", "keeperlogs") in index.postings
    assert ("mention", "keeperlogs") not in index.written
    assert all(len(index.threads_with(feature)) > 1 for feature in index.written)


def test_a_writing_the_same_as_its_key_is_not_kept() -> None:
    """A shared feature written as its key (`@ferrydesk` for ("mention", "ferrydesk")) keeps
    no writing, since the key says it; one written otherwise (`@FerryDesk`) keeps its own."""
    index = build_index(parse_text(CORPUS))
    assert len(index.threads_with(("mention", "ferrydesk"))) == 2
    assert ("mention", "ferrydesk") not in index.written
    assert all(text != key for (_, key), text in index.written.items())
    shouted = build_index(parse_text(CORPUS.replace("@ferrydesk keeps", "@FerryDesk keeps")))
    assert shouted.written[("mention", "ferrydesk")] == "FerryDesk"


def test_the_words_postings_are_pickled_as_one_array() -> None:
    """An index is pickled with the postings of its words and phrases end to end in one array
    (unpickling an array each would leave passing objects between the kept ones), the
    entities' as arrays of their own; unpickled, every posting is back in its order."""
    index = build_index(parse_text(CORPUS + "2/ The ferry timetables keep the night crossing.\n"))
    terms = [feature for feature in index.postings if feature[0] in ("word", "phrase")]
    assert terms
    pack = index.__getstate__()["postings"]
    assert isinstance(pack, PackedPostings)
    assert len(pack.arrays) == len(index.postings) - len(terms)
    assert pack.threads.tolist() == [n for term in terms for n in index.postings[term]]
    again = pickle.loads(pickle.dumps(index, protocol=5))
    assert list(again.postings.items()) == list(index.postings.items())
    assert {held.typecode for held in again.postings.values()} == {"I"}


def test_an_index_pickled_with_its_postings_unpacked_is_refused() -> None:
    """The state of an index of the layout before (postings as a dict: an older cache) is
    refused with an unpickling error, which the cache and the reader's other process take as
    no index, rather than read into a crash later."""
    index = build_index(parse_text(CORPUS))
    with pytest.raises(pickle.UnpicklingError):
        CorpusIndex.__new__(CorpusIndex).__setstate__(dict(index.__dict__))


_FEATURES = st.tuples(st.sampled_from(["word", "phrase", "mention", "hashtag", "flag"]), st.text())
_THREADS = st.lists(st.integers(min_value=0, max_value=2**32 - 1), max_size=5)


@given(st.dictionaries(_FEATURES, _THREADS))
def test_packed_postings_unpack_to_the_same_dict(
    postings: dict[tuple[str, str], list[int]],
) -> None:
    """Any postings, packed and unpacked, give back every key in its order with its threads,
    empty ones included; the entities' arrays are the very arrays packed (so that a pickler
    that sent them before sends a reference), the words' and phrases' new arrays."""
    arrays = {feature: array("I", threads) for feature, threads in postings.items()}
    again = unpacked(packed(arrays))
    assert list(again) == list(arrays)
    assert all(again[feature] == arrays[feature] for feature in arrays)
    assert all(
        (again[feature] is arrays[feature]) == (feature[0] not in PACKED_KINDS)
        for feature in arrays
    )
