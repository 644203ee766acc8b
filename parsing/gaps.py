"""Where a thread's missing posts are told: one placeholder per run of missing numbers.

A copy that starts at `40/` is missing posts 1 to 39; saying so once ("posts 1–39 are missing")
reads better than 39 lines, and keeps a hostile file whose threads restart at ever higher numbers
from costing a placeholder per missing number.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator


def gaps_before_posts(numbers: Iterable[int | None]) -> Iterator[tuple[int, int] | None]:
    """For each post number (None for an unnumbered post), the run (first, last) of missing
    numbers just below it, down to the nearest number present (or 1), or None.

    Each run is told once, before the post after it, so out-of-order or repeated numbers never
    tell a gap twice.
    """
    numbers = list(numbers)
    present = sorted({number for number in numbers if number})
    told: set[int] = set()
    for number in numbers:
        if not number or number in told:
            yield None
            continue
        told.add(number)
        below = bisect_left(present, number)
        first = present[below - 1] + 1 if below else 1
        yield (first, number - 1) if first < number else None


def describe_gap(first: int, last: int) -> str:
    """`post 13 is missing` or `posts 1–39 are missing`."""
    if first == last:
        return f"post {first} is missing"
    return f"posts {first}\u2013{last} are missing"
