"""How an index is pickled: the words' and phrases' postings as one array, not one each.

An array is pickled as a call that rebuilds it from a bytes copy of its items, with a tuple of
arguments: unpickling one makes two passing objects beside the array it keeps. At a million
posts of many authors there are about 130k such postings (most held by two or three threads),
and the passing objects freed between the kept ones leave about 12 MB of holes that the reader
holds for as long as it runs. Sent as one array of thread numbers and one of lengths, they are
rebuilt as slices of it, which make nothing else. The entities' postings are left as they are:
the reader's other process sends the index of entities before the whole index, with one
pickler, and the whole index refers to those same arrays rather than sending them again.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator
from itertools import accumulate, compress
from typing import NamedTuple

Feature = tuple[str, str]

PACKED_KINDS = frozenset({"word", "phrase"})
"""The kinds of feature whose postings are packed: the words pass's, which no index of
entities holds."""


class PackedPostings(NamedTuple):
    """A postings dict as pickled: every key in order, which of them keep their own array
    (`whole`, a byte each), those arrays, and the others' threads end to end (`threads`) with
    each one's length."""

    keys: list[Feature]
    whole: bytes
    arrays: list[array[int]]
    lengths: array[int]
    threads: array[int]


def packed(postings: dict[Feature, array[int]]) -> PackedPostings:
    """`postings` with the words' and phrases' arrays joined into one."""
    keys = list(postings)
    whole = bytes(kind not in PACKED_KINDS for kind, _ in keys)
    values = list(postings.values())
    threads = array("I")
    lengths = array("I")
    for held in compress(values, map((0).__eq__, whole)):
        threads += held
        lengths.append(len(held))
    return PackedPostings(keys, whole, list(compress(values, whole)), lengths, threads)


def unpacked(pack: PackedPostings) -> dict[Feature, array[int]]:
    """The postings dict `packed` made `pack` of, in the same order."""
    ends = list(accumulate(pack.lengths, initial=0))
    slices: Iterator[array[int]] = map(pack.threads.__getitem__, map(slice, ends, ends[1:]))
    arrays = iter(pack.arrays)
    return {
        key: next(arrays) if whole else next(slices)
        for key, whole in zip(pack.keys, pack.whole, strict=True)
    }


def packed_state(state: dict[str, object]) -> dict[str, object]:
    """An object's pickled state with its `postings` packed."""
    postings = state["postings"]
    assert isinstance(postings, dict)
    return {**state, "postings": packed(postings)}


def unpacked_state(state: dict[str, object]) -> dict[str, object]:
    """A pickled state with its `postings` unpacked; refused when they do not come packed (an
    older layout)."""
    pack = state["postings"]
    if not isinstance(pack, PackedPostings):
        raise pickle.UnpicklingError("postings come packed")
    return {**state, "postings": unpacked(pack)}
