"""A bare date line's place in time (`date_order.day_of`), which tells an author page's dates
(newest first) from a diary's (oldest first)."""

from __future__ import annotations

import pytest

from parsing.date_order import day_of


def day(text: bytes) -> tuple[int, int, int] | None:
    return day_of(text, (0, len(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"Jun 22", (9999, 6, 22)),
        (b"22 Jun", (9999, 6, 22)),
        (b"Jun 22, 2021", (2021, 6, 22)),
        (b"  3 Mar 2019", (2019, 3, 3)),
    ],
)
def test_a_bare_date_reads_as_year_month_day(text: bytes, expected: tuple[int, int, int]) -> None:
    """Month and day in either order, the year when shown."""
    assert day(text) == expected


def test_a_date_without_a_year_is_later_than_any_with_one() -> None:
    """A page shows no year for this year's dates: they come after every dated one."""
    assert day(b"Jan 2") > day(b"Dec 30, 2025")  # type: ignore[operator]


@pytest.mark.parametrize("text", [b"Abc 22", b"Seaside cottages", b""])
def test_a_line_that_is_no_date_has_no_place(text: bytes) -> None:
    """A word shaped like a month that is none, or no date at all."""
    assert day(text) is None
