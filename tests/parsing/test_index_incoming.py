"""The reader's end of the index process: what comes in, and what it leaves behind."""

from __future__ import annotations

import gc
import io
import pickle
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from parsing.index import CorpusIndex
from parsing.index_incoming import IndexProcess


class _Cycle:
    """Garbage only the cycle collector can free: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


@contextmanager
def collector_off() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def an_index_of_many_frames() -> bytes:
    """A pickled index much longer than a pickle's frame (64 KiB)."""
    features = [(("word", f"stem{thread}"), ("phrase", f"a{thread} b")) for thread in range(20_000)]
    index = CorpusIndex(features=features, thread_count=len(features))
    data = pickle.dumps(index, pickle.HIGHEST_PROTOCOL)
    assert len(data) > 5 * 65536
    return data


def test_garbage_made_while_the_index_comes_in_is_collected_as_it_comes() -> None:
    """With the collector off (as the reader keeps it while an index comes in), garbage cycles
    of the youngest objects (the interface's, made meanwhile) are collected between the
    index's frames: left to be frozen with the index, they would stay for good, among its
    objects."""
    data = an_index_of_many_frames()
    with collector_off():
        garbage = _Cycle()
        collected = weakref.ref(garbage)
        del garbage
        incoming = IndexProcess(io.BufferedReader(io.BytesIO(data)), lambda timeout: None)
        index = incoming.whole()
        assert isinstance(index, CorpusIndex) and index.thread_count == 20_000
        assert collected() is None
        assert not gc.isenabled()
