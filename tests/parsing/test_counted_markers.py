"""`3 of 21:` opening a line: a post number written out, the colon closing it
(`parsing/lines.py`)."""

from __future__ import annotations

import pytest

from parsing.lines import read_line


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("3 of 21:", 3),
        ("3 of 21: The depot reopened.", 3),
        ("12 of 12 :", 12),
        ("  2 of 4:", 2),
    ],
)
def test_a_count_closed_by_a_colon_numbers_a_post(line: str, number: int) -> None:
    """The count with its colon, alone or before text, indented or not, is a marker."""
    raw = line.encode()
    shape, event = read_line(raw, 0, len(raw))
    assert shape == "marker"
    assert event is not None and event.number == number


@pytest.mark.parametrize(
    "line",
    ["3 of 5 drivers agreed.", "3 of 21", "5 of 3: too many", "0 of 4:", "3 out of 4:"],
)
def test_a_count_without_its_colon_or_past_its_total_is_text(line: str) -> None:
    """Without the colon, with a number above the total or zero, or in other words: text."""
    raw = line.encode()
    assert read_line(raw, 0, len(raw))[1] is None
