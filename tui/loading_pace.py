"""The pace of loading: the cycle collector kept off it, the interpreter lock handed back to the
interface quickly, and its reports spaced out."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loading import Progress

BATCH_INTERVAL = 0.05
"""Seconds between reports while reading or indexing, until the first threads are shown: they
show within a frame or three, and a million-post corpus posts a few hundred messages, not a
hundred thousand."""
SHOWN_INTERVAL = 0.25
"""Seconds between reports once the first threads are shown: the rest are below the screen,
and each report draws the list, its title and the header again (tens of milliseconds in a
terminal at a million posts, taken from the reading, which shares the interpreter lock)."""


SWITCH_INTERVAL = 0.001
"""Seconds the loading thread keeps the interpreter lock while the interface's thread waits for
it (Python's own is 5 ms). The interface lets the lock go at every wait of its event loop and
every write to the terminal, and each time takes it back only once the loading thread hands it
over: a key's work is dozens of such hand-overs, so at 5 ms each a key waited hundreds of
milliseconds while a big corpus loaded. A thread that waits for nothing is not interrupted."""


class _QuickHolders:
    """How many loaders hold the interval short, and what it was before the first."""

    count = 0
    interval_before = 0.0
    lock = threading.Lock()


@contextmanager
def lock_handed_quickly() -> Iterator[None]:
    """The interpreter's switch interval at most `SWITCH_INTERVAL` for as long as this lasts,
    and what it was once the last of the loaders holding it this way is done: loaders overlap
    (one still indexing when the next starts), and each putting back what it found would leave
    the short interval set for good when the first ends before the second."""
    holders = _QuickHolders
    with holders.lock:
        if holders.count == 0:
            holders.interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(holders.interval_before, SWITCH_INTERVAL))
        holders.count += 1
    try:
        yield
    finally:
        with holders.lock:
            holders.count -= 1
            if holders.count == 0:
                sys.setswitchinterval(holders.interval_before)


@contextmanager
def collector_paused(*, collect: bool = False, young: bool = False) -> Iterator[None]:
    """The cycle collector off while loading, and what was loaded frozen out of its sight
    after (`collect`: its garbage collected first). Reading and indexing make millions of
    objects and few garbage cycles: each full collection would walk them all (a pause of tens
    of milliseconds in the middle of a key or a frame), and the corpus and its index then live
    as long as the reader. The garbage is looked for in the youngest generation alone, which
    holds everything made while the collector was off: a full collection would walk every
    object of the interface too, a pause of its own.

    The interface's garbage of before is collected first: the freeze would keep it for good
    (after a long load, tens of thousands of its drawn lines). That collection walks only what
    was made since the last freeze, a few milliseconds; before the first, it would walk every
    object of the start, whose garbage is little. The interface's garbage made during the pause
    is frozen with what was loaded, unless `collect`: found only by walking all of that.

    `young`: while an index comes in (its objects the loading's only ones, the interface's
    garbage made meanwhile), the youngest generation is still collected, every `_YOUNG` objects
    made, and no older one ever: that garbage is freed as it is made (frozen, it would stay for
    good), and each collection walks that many objects, not all the interface made while the
    index was awaited (seconds of drawing, 200 to 500 ms of collection at once)."""
    was_enabled = gc.isenabled()
    if was_enabled and gc.get_freeze_count():
        gc.collect()
    thresholds = gc.get_threshold()
    if young and was_enabled:
        gc.set_threshold(_YOUNG, _NEVER, _NEVER)
    else:
        gc.disable()
    try:
        yield
    finally:
        gc.disable()  # before the older thresholds are back: none reached now walks the index
        gc.set_threshold(*thresholds)
        if collect:
            gc.collect(0)
        gc.freeze()
        if was_enabled:
            gc.enable()


_NEVER = 1 << 30
"""A threshold of older collections never reached while loading."""
_YOUNG = 20_000
"""Objects made between two collections of the youngest while an index comes in: each walks
them in about 10 ms, and catches few of the interface's objects in the middle of a drawing
(alive then, garbage soon after, they would be moved out of the youngest generation and frozen
with the index; a collection every 700 objects kept megabytes of them)."""


class BatchReporter:
    """Posts the threads completed so far and the progress (`state`) every `BATCH_INTERVAL`
    while the files are parsed (every `SHOWN_INTERVAL` once threads were posted), when threads
    were completed or the fraction read moved, and once more at the end."""

    def __init__(
        self,
        state: Callable[[], tuple[int, Progress]],
        post: Callable[[int, Progress], object],
    ) -> None:
        self._state, self._post = state, post
        self._reported = (0, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="threadline-batches", daemon=True)

    def __enter__(self) -> BatchReporter:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self._report(final=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._report()

    @property
    def interval(self) -> float:
        """Seconds until the next report."""
        return SHOWN_INTERVAL if self._reported[0] else BATCH_INTERVAL

    def _report(self, *, final: bool = False) -> None:
        threads, progress = self._state()
        shown, fraction = self._reported
        if final or threads > shown or progress.fraction >= fraction + 0.01:
            self._reported = (threads, progress.fraction)
            self._post(threads, progress)


class Throttled:
    """Calls `action` at most once every `BATCH_INTERVAL` seconds; calls in between are
    dropped."""

    def __init__(self, action: Callable[[], object]) -> None:
        self._action = action
        self._next = 0.0

    def __call__(self) -> None:
        now = time.monotonic()
        if now >= self._next:
            self._next = now + BATCH_INTERVAL
            self._action()
