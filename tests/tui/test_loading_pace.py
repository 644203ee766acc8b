"""The pace of loading: reports frequent until the first threads are shown, then spaced out;
the interface first for the interpreter lock."""

from __future__ import annotations

import sys

from tui.loading import Progress
from tui.loading_pace import (
    BATCH_INTERVAL,
    LOADING_SWITCH_INTERVAL,
    SHOWN_INTERVAL,
    BatchReporter,
    interface_first,
)


def test_reports_are_spaced_out_once_threads_are_shown() -> None:
    """Until a report has carried threads, the next comes within `BATCH_INTERVAL`; after, the
    rows are on the screen and reports come every `SHOWN_INTERVAL`, a longer wait."""
    state = [(0, Progress("reading", 0.0))]
    posted: list[int] = []
    reporter = BatchReporter(lambda: state[-1], lambda threads, _: posted.append(threads))
    assert reporter.interval == BATCH_INTERVAL
    state.append((0, Progress("reading", 0.2)))
    reporter._report()
    assert posted == [0] and reporter.interval == BATCH_INTERVAL
    state.append((12, Progress("reading", 0.3)))
    reporter._report()
    assert posted == [0, 12] and reporter.interval == SHOWN_INTERVAL > BATCH_INTERVAL


def test_the_interface_gets_the_lock_back_sooner_while_loading() -> None:
    """While loading, a thread waiting for the interpreter lock waits at most
    `LOADING_SWITCH_INTERVAL`; afterwards the interval is what it was."""
    before = sys.getswitchinterval()
    with interface_first():
        assert sys.getswitchinterval() == min(before, LOADING_SWITCH_INTERVAL) < 0.005
    assert sys.getswitchinterval() == before
