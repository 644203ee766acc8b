"""The pace of loading's reports: frequent until the first threads are shown, then spaced out."""

from __future__ import annotations

from tui.loading import Progress
from tui.loading_pace import BATCH_INTERVAL, SHOWN_INTERVAL, BatchReporter


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
