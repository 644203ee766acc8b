"""Missing posts are told once per run, just before the post after the run."""

from __future__ import annotations

import pytest

from parsing.gaps import describe_gap, gaps_before_posts

CASES = {
    "complete": ([1, 2, 3], [None, None, None]),
    "one missing in the middle": ([1, 2, 4], [None, None, (3, 3)]),
    "a run in the middle": ([1, 2, 7], [None, None, (3, 6)]),
    "starts at 2": ([2, 3], [(1, 1), None]),
    "starts at 40": ([40], [(1, 39)]),
    "unnumbered lead then 3": ([None, 3], [None, (1, 2)]),
    "out of order": ([1, 3, 2, 5], [None, None, None, (4, 4)]),
    "repeated number told once": ([1, 4, 4], [None, (2, 3), None]),
    "higher number first": ([5, 2], [(3, 4), (1, 1)]),
    "no posts": ([], []),
}


@pytest.mark.parametrize(("numbers", "gaps"), CASES.values(), ids=CASES.keys())
def test_gaps_before_posts(numbers: list[int | None], gaps: list[tuple[int, int] | None]) -> None:
    assert list(gaps_before_posts(numbers)) == gaps


def test_every_missing_number_is_told_exactly_once() -> None:
    """Across the gaps, each number absent from 1..highest appears in exactly one run."""
    numbers = [3, 9, 4, 20, 9, 1, 15]
    told = [n for gap in gaps_before_posts(numbers) if gap for n in range(gap[0], gap[1] + 1)]
    assert sorted(told) == sorted(set(range(1, 21)) - set(numbers))
    assert len(told) == len(set(told))


def test_a_late_start_is_one_run_not_one_line_per_number() -> None:
    """A thread starting at post 100 000 yields one gap (cheap), not 99 999 placeholders."""
    assert list(gaps_before_posts([100_000])) == [(1, 99_999)]


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [(13, 13, "post 13 is missing"), (1, 39, "posts 1\u201339 are missing")],
)
def test_describe_gap(first: int, last: int, words: str) -> None:
    assert describe_gap(first, last) == words
