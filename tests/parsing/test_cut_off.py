"""A copy cut off in the middle of a line of chrome: what is left of that line is skipped, never
a thread nor a post's last words; a post's own last words stay."""

from __future__ import annotations

import pytest

from .helpers import numbers, parse_text, skipped, texts

THREAD = "1/ The pier lights are fixed.\n2/ The railings are next.\n"


@pytest.mark.parametrize(
    "fragment",
    [
        "Thank ",
        "Thank you for y",
        "Did Thread Rea",
        "Read all thr",
        "Read 4 twe",  # a number stands for any number
        "12 tweets • 3 mi",
        "Keep Current wi",
        "Or Donate anonym",
        "Show this thr",
        "Share th",
        "Leave a Rep",
    ],
)
def test_the_cut_end_of_a_chrome_line_after_chrome_is_skipped(fragment: str) -> None:
    corpus = parse_text(f"{THREAD}• • •\n{fragment}")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus)[-1] == (4, fragment)


@pytest.mark.parametrize(
    "fragment",
    [
        "• •",
        "Missing some Tweet in th",
        "Twitter may remove this content",
        "Thank you for your sup",
    ],
)
def test_a_distinct_cut_chrome_line_right_under_a_post_is_skipped(fragment: str) -> None:
    """The end marker's start, or a long start of a chrome line, is no post's last words."""
    corpus = parse_text(f"{THREAD}{fragment}")
    assert texts(corpus) == [["The pier lights are fixed.", "The railings are next."]]
    assert skipped(corpus) == [(3, fragment)]


@pytest.mark.parametrize("last", ["Thank", "Read all", "3/ Thank you", "Show this"])
def test_a_short_cut_line_under_a_post_is_the_posts(last: str) -> None:
    corpus = parse_text(f"{THREAD}{last}")
    assert corpus.skipped == []
    assert last.removeprefix("3/ ") in texts(corpus)[0][-1]


@pytest.mark.parametrize("last", ["Thank you, pier crew", "Read all about it", "Sharp"])
def test_a_cut_line_that_starts_no_chrome_line_stays_a_thread(last: str) -> None:
    corpus = parse_text(f"{THREAD}• • •\n{last}")
    assert texts(corpus)[-1] == [last]


def test_a_whole_chrome_line_at_the_end_is_chrome_not_a_fragment() -> None:
    corpus = parse_text(f"{THREAD}• • •\nRead all threads")
    assert skipped(corpus) == [(3, "• • •"), (4, "Read all threads")]
