"""Listings, author pages and blog reposts read as their layout says: a teaser's paragraphs
under its last number, a listing copied from below its top, posts a teaser runs together on one
line with their pictures, a list numbered across a footer teaser's lines, and a blog's own words
around the tweets it embeds. Fixtures are in tests/fixtures/pages/."""

from __future__ import annotations

from parsing import load_corpus

from .helpers import FIXTURES, line_ranges, numbers, parse_text

PAGES = FIXTURES / "pages"


# -- a list numbered across a teaser's lines --------------------------------------------------


def test_a_list_numbered_on_inside_its_lines_is_no_numbering_of_posts() -> None:
    """A footer teaser whose list runs `1. … 2. … 3.` inside a line, then `4.` and `7.` at the
    next lines' starts: the numbers at line starts skip only what the lines hold, so they are
    the list's items, and the teaser stays one post with no posts missing."""
    corpus = load_corpus([PAGES / "footer_list.txt"])
    assert numbers(corpus) == [[1, 2], [None]]
    assert corpus.missing(1) == []
    assert line_ranges(corpus)[1] == [(6, 9)]


def test_list_numbers_at_line_starts_that_skip_posts_still_number_them() -> None:
    corpus = parse_text(
        "4. The bridge opens.\n5. The ferry stops.\n6. The toll is waived.\n8. The mayor speaks.\n"
    )
    assert numbers(corpus) == [[4, 5, 6, 8]]
