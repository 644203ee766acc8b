"""A teaser's next post number glued to the sentence that ends the post before it (`… the
harbour.2/ The next post`), in an author page's teaser (`parsing/teaser_glued.py`)."""

from __future__ import annotations

from parsing.teaser_glued import glued_next_number

from .helpers import numbers, parse_text, texts

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
