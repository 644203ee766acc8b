"""A teaser's next post number glued to the sentence that ends the post before it (`… the
harbour.2/ The next post`), in an author page's teaser (`parsing/teaser_glued.py`)."""

from __future__ import annotations

from parsing.loader import load_corpus
from parsing.teaser_glued import glued_next_number, mid_line_numbers

from .helpers import FIXTURES, numbers, parse_text, texts

_AUTHOR_PAGE = (
    "Mar 3 • 12 tweets • 4 min read\n"
    "Why the old harbour silted up\n"
    "1/ The river brought more sand each spring than the tides took away.\n"
    "The monks kept records of it for two centuries.2/ By 1600 the quay stood in a meadow.\n"
    "Feb 9 • 8 tweets • 3 min read\n"
    "A walk along the drovers' road\n"
)


def test_a_number_glued_after_a_sentence_in_a_teaser_starts_the_next_post() -> None:
    """`1/ Text` leads its post, so the title above it is an unnumbered opening post, and the
    `2/` glued to the end of a sentence further on starts post 2 in the middle of the line."""
    corpus = parse_text(_AUTHOR_PAGE)
    assert numbers(corpus)[0] == [None, 1, 2]
    assert texts(corpus)[0] == [
        "Why the old harbour silted up",
        "The river brought more sand each spring than the tides took away.\n"
        "The monks kept records of it for two centuries.",
        "By 1600 the quay stood in a meadow.",
    ]


def test_a_glued_number_must_follow_a_sentence_and_continue_the_numbering() -> None:
    """Only the next number, after a sentence's end and before text, counts: a fraction, a
    date or a number that skips ahead stays text."""
    buf = b"It rose 1/2 an inch on 3/4 of the days.2/ Then it fell.3/ Again.5/ Odd."
    found = glued_next_number(buf, 0, len(buf), 1)
    assert found is not None and buf[found.end() :].startswith(b"Then it fell.")
    assert glued_next_number(buf, 0, len(buf), 3) is None
    assert glued_next_number(b"Mix 2/ cups.", 0, 12, 1) is None


def test_numbers_ending_posts_in_the_middle_of_a_teasers_line_split_it() -> None:
    """`… 🧵1/ Text. 2/ Text. 3/ Cut` on one teaser line: the author numbers each post at its
    end, and the copy lost the line breaks, so each number ends the post before it; the text
    after the last is the next post, cut where the teaser ends."""
    corpus = load_corpus([FIXTURES / "pages" / "author_page_mid_line_numbers.txt"])
    assert numbers(corpus)[0] == [1, 2, 3, None]
    assert texts(corpus)[0] == [
        "How the lock keepers at Foxton kept the flight moving 🧵",
        "Ten locks in two staircases, and one keeper for each.",
        "The boats queued at the top from first light.",
        "In a dry summer the",
    ]
    assert corpus.meta(0).declared_posts == 7


def test_fractions_after_words_in_a_teaser_split_nothing() -> None:
    """`a mix of 1/2 cup … 2/3 of habit`: numbers that follow a word are text."""
    corpus = load_corpus([FIXTURES / "pages" / "author_page_mid_line_numbers.txt"])
    assert numbers(corpus)[1] == [None]


def test_mid_line_numbers_need_a_sentence_end_and_text_around_them() -> None:
    buf = b"Gates first. 1/ Then beams. 2/ Then crew 3/ done\nEnd. 4/\n"
    found = mid_line_numbers(buf, 0, len(buf))
    assert [
        (trailer.number, buf[trailer.line_end : trailer.line_end + 4]) for trailer in found
    ] == [
        (1, b"Then"),
        (2, b"Then"),
    ]


def test_outside_a_teaser_mid_line_numbers_stay_text() -> None:
    """A thread page keeps its line breaks: a number mid-line there is the author's text."""
    corpus = parse_text("Gates first. 1/ Then the beams. 2/ Then the crew.\n")
    assert numbers(corpus) == [[None]]


def test_a_next_number_a_blank_after_a_sentence_starts_the_next_post_too() -> None:
    """`1/ Text. 2/ Text. 3/ Text` on one teaser line: a copy that joined the posts with a
    blank leaves each number where the line break was; the author numbers first."""
    corpus = load_corpus([FIXTURES / "pages" / "author_page_numbers_first.txt"])
    assert numbers(corpus)[0] == [None, 1, 2, 3]
    assert texts(corpus)[0] == [
        "How the Foxton flight was worked",
        "Ten locks in two staircases.",
        "One keeper for each staircase.",
        "The boats queued from first light.",
    ]


def test_a_teaser_opened_by_its_number_splits_at_the_next_numbers_on_its_line() -> None:
    """A teaser whose line starts with `1/` numbers first: `2/` and `3/` after a sentence's
    end each start the next post; the text cut after the last number is that post's."""
    corpus = load_corpus([FIXTURES / "pages" / "author_page_numbers_first.txt"])
    assert numbers(corpus)[2] == [1, 2, 3]
    assert texts(corpus)[2] == [
        "The first lock was dug by hand.",
        "The second by steam navvy.",
        "The third never",
    ]


def test_a_mid_line_number_with_a_total_running_on_in_lower_case_is_a_fraction() -> None:
    """`1/2 cup` after a sentence's end counts the noun after it; `1/2 The` and `1/ cup`
    (no total) may end a post."""
    buf = b"Sift it. 1/2 cup of sugar. Stir. 1/2 The rest. Bake. 1/ cup\n"
    assert [trailer.number for trailer in mid_line_numbers(buf, 0, len(buf))] == [1, 1]
    assert [buf[t.line_end : t.line_end + 3] for t in mid_line_numbers(buf, 0, len(buf))] == [
        b"The",
        b"cup",
    ]
