"""`3 of 21:` opening a line: a post number written out, the colon closing it
(`parsing/lines.py`)."""

from __future__ import annotations

import pytest

from parsing.lines import read_line

from .helpers import numbers, parse_text, texts


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


def test_a_count_alone_on_its_line_above_the_next_count_numbers_the_text_above() -> None:
    """`1 of 3` alone under a title and right above `2 of 3:` numbers the title: the run of
    counts makes it a post number, and it is not left in post 1's text."""
    corpus = parse_text(
        "Notes from the allotment\n1 of 3\n2 of 3:\n\nThe beans came up early.\n"
        "3 of 3:\n\nThe frost took the squash.\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][0] == "Notes from the allotment"


def test_counts_alone_on_their_lines_after_each_post_number_them() -> None:
    """Every post followed by its count alone (`1 of 3`, `2 of 3`, …): each count numbers the
    text above it, as `1/3` alone on its line would."""
    corpus = parse_text(
        "The ferry left at dawn.\n1 of 3\n\nGulls followed us out.\n2 of 3\n\n"
        "We landed by noon.\n3 of 3\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus) == [
        ["The ferry left at dawn.", "Gulls followed us out.", "We landed by noon."]
    ]


def test_one_count_alone_with_no_run_stays_text() -> None:
    """A single `3 of 5` line between lines of prose is a tally, not a post number."""
    corpus = parse_text("The keeper guessed well:\n3 of 5\npenalties saved.\n")
    assert numbers(corpus) == [[None]]
    assert "3 of 5" in texts(corpus)[0][0]
