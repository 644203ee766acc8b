"""Listings and author pages read as their layout says: a teaser's paragraphs under its last
number, a listing copied from below its top, an author page's short teasers, posts a teaser runs
together on one line with their pictures, and a list numbered across a footer teaser's lines
(its numbers: test_teaser_numbers). Fixtures are in tests/fixtures/pages/."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.teaser_tails import (
    joined_by_line_breaks,
    paragraphs_under,
)
from parsing.trailing_numbers import Trailer, trailing_numbers

from .helpers import FIXTURES, line_ranges, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"


# -- a teaser's paragraphs under its numbers ------------------------------------------------------


def test_a_credit_under_a_teasers_last_number_is_that_posts() -> None:
    """A teaser runs its posts together one line break apart; the credit a blank line sets
    under the last post's number is a paragraph of that post, not a post of its own."""
    corpus = load_corpus([PAGES / "hashtag_credits.txt"])
    assert numbers(corpus) == [[1, 2, 3], [1, 2, 3]]
    first = texts(corpus)[0]
    assert first[2] == (
        "Nobody planted them, and nobody expected them this far up.\n\n"
        "📸: The north shore at low water"
    )
    assert [corpus.title(t) for t in range(corpus.thread_count)] == [
        "Samphire is back on the north shore after twenty years.",
        "Why the sluice gate is left open in winter",
    ]


def test_a_credit_between_two_numbered_posts_of_a_teaser_ends_the_one_above() -> None:
    """Under a number, a blank line, then a credit, then the next post on the line right under
    it: the credit is the post above's, the next post starts under it."""
    corpus = load_corpus([PAGES / "hashtag_credits.txt"])
    second = texts(corpus)[1]
    assert second[1] == (
        "📌 The gate was shut for a century to keep the fields dry.\n\n"
        "📸: The gate in 1950, from the parish album"
    )
    assert second[2].startswith("🌊 Opening it lets the marsh")
    assert line_ranges(corpus)[1] == [(13, 13), (14, 16), (17, 19)]
    assert [line for line, _ in skipped(corpus)] == [1, 3, 12, 20]


def test_a_teaser_that_sets_its_posts_apart_by_blank_lines_keeps_its_tail_a_post() -> None:
    """Where a teaser's posts stand a blank line apart, a blank line may be a break between
    posts: the text under the last number stays a post."""
    corpus = parse_text(
        "Most recents (9)\nThe dunes shifted again. 1/\n\nThe path moved inland. 2/\n\n"
        "Photo: the old path\nRead 7 tweets\n"
    )
    assert numbers(corpus) == [[1, 2, None]]


def test_outside_a_listing_the_text_under_the_last_number_stays_a_post() -> None:
    corpus = parse_text("The dunes shifted again. 1/\nThe path moved inland. 2/\n\nPhoto: a path\n")
    assert numbers(corpus) == [[1, 2, None]]
    assert texts(corpus)[0][2] == "Photo: a path"


def test_paragraphs_under_a_number_stop_at_a_line_right_under_one() -> None:
    """Each line under a blank line is a paragraph of the post above; a line right under the
    last of them starts the next post."""
    buf = b"Text 2/\n\nPhoto: one\n\nPhoto: two\nNext post 3/\n"
    number_end = buf.index(b"\n")
    assert buf[number_end : paragraphs_under(buf, number_end, len(buf))] == (
        b"\n\nPhoto: one\n\nPhoto: two"
    )
    assert paragraphs_under(b"Text 2/\nNext 3/\n", 7, 15) == 7  # no blank line: none


def test_a_lone_picture_line_is_no_paragraph_of_the_post_above() -> None:
    buf = b"Text 2/\n\nImage\n"
    assert paragraphs_under(buf, 7, len(buf)) == 7


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (b"One 1/\nTwo 2/\nThree 3/\n", True),
        (b"One 1/\n\nTwo 2/\n\nThree 3/\n", False),
    ],
)
def test_posts_joined_by_one_line_break(text: bytes, joined: bool) -> None:
    assert joined_by_line_breaks(text, trailing_numbers(text, 0, len(text))) is joined


# -- a listing copied from below its top ------------------------------------------------------


def test_the_first_teaser_of_a_listing_cut_at_the_top_is_one_thread() -> None:
    """An author page copied from below its first date line: the text above the first line
    between teasers is a teaser too, and the 🧵 under its first sentence is its text, as in
    every other teaser; it has no date or length of its own (the copy left them out)."""
    corpus = load_corpus([PAGES / "author_page_cut.txt"])
    assert numbers(corpus) == [[None], [None], [None]]
    assert line_ranges(corpus) == [[(1, 4)], [(6, 8)], [(10, 10)]]
    first = corpus.meta(0)
    assert (first.date, first.declared_posts) == (None, None)
    second = corpus.meta(1)
    assert (second.date, second.declared_posts) == ("Jun 3", 6)


def test_a_teaser_above_read_n_tweets_at_the_top_keeps_its_head_line() -> None:
    corpus = parse_text("Hives wintered well.\n🧵\nThe entrances were narrowed.\nRead 4 tweets\n")
    assert texts(corpus) == [["Hives wintered well.\n🧵\nThe entrances were narrowed."]]


def test_a_teaser_that_opens_with_a_head_line_stays_one_under_its_heading() -> None:
    """The last teaser of a listing, whose own 🧵 line opens it, runs into no line between
    teasers; under the listing's heading it is a teaser all the same, its later 🧵 its text."""
    corpus = parse_text(
        "Most recents (2)\n🧵 Why the bees swarm\nThey outgrow the hive.\n🧵\nThen they leave.\n"
    )
    assert numbers(corpus) == [[None]]


def test_text_above_a_listing_heading_is_no_teaser() -> None:
    """`More from @x` heads a listing: what stands above it is the page's own text, where a 🧵
    line opens a thread as anywhere else."""
    corpus = parse_text(
        "The quay is closed.\n🧵\nWhy the quay is closing.\nMore from @quaywatch\nApr 3\n"
        "Boats moor at the slip for now.\nRead 2 tweets\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[2] == ["Boats moor at the slip for now."]


# -- short teasers of an author page ---------------------------------------------------------


def test_a_short_teaser_between_two_date_lines_stays_a_thread() -> None:
    """A short line alone between two strong chrome lines is the footer's ad, except under a
    date or length line: there it is a teaser (or a one-line thread), whose own number `1/`
    at its end numbers its first post, as the lines around it bound it."""
    corpus = load_corpus([PAGES / "author_page_short.txt"])
    assert numbers(corpus) == [[1], [1], [None]]
    assert [corpus.title(t) for t in range(corpus.thread_count)] == [
        "Why the towpath floods",
        "Lock keepers, a short history",
        "Winter stoppages explained",
    ]
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 5, 7]
    assert corpus.meta(1).declared_posts == 3


@pytest.mark.parametrize("last", ["A note on the sluice. 2/", "A note on the sluice. 3/7"])
def test_a_teasers_single_number_other_than_1_stays_text(last: str) -> None:
    """A teaser starts with its thread's first post: one number other than 1 at its end does
    not say which post the text is."""
    corpus = parse_text(f"Most recents (3)\n{last}\nRead 7 tweets\n")
    assert texts(corpus) == [[last]]


# -- posts a teaser runs together on one line -----------------------------------------------------


def test_posts_run_together_with_their_pictures_split_where_each_number_ends_one() -> None:
    """An author page's teaser line `… 1/ Image … 2/ Image`: each picture's mark after a number
    ends that post, and the next begins after it."""
    corpus = load_corpus([PAGES / "author_page_pictures.txt"])
    assert numbers(corpus) == [[1, 2], [1, 2]]
    assert texts(corpus)[0] == [
        "The lock at Hatton has twenty-one gates, and a crew of two works them all day.🧵",
        "Each gate weighs more than a small car. The crew swings them by hand, with long oak"
        " beams.",
    ]
    assert line_ranges(corpus)[1] == [(6, 6), (6, 6)]
    meta = corpus.meta(0)
    assert (meta.author, meta.date, meta.declared_posts) == ("Rhoda Finch", "Mar 9", 6)


def test_numbers_with_a_total_the_author_did_not_know_split_like_bare_ones() -> None:
    """`… 1/n Image …  2/n Image …`: the picture's mark after `1/n` ends post 1 as after `1/`;
    the text after the last mark is the next post, cut where the teaser ends."""
    corpus = load_corpus([PAGES / "author_page_pictures_totals.txt"])
    assert numbers(corpus) == [[1, 2, None], [None]]
    assert texts(corpus)[0] == [
        "The lock flight at Caen Hill climbs the whole hill in one go.",
        "Sixteen of its locks stand in a straight line, one gate after the next.",
        "The side ponds hold the water each lock lets go.",
    ]


def test_a_number_before_a_picture_mid_line_is_read_as_one_at_a_line_end() -> None:
    """`trailing_numbers` takes the numbers `picture_ends` finds mid-line among those at line
    ends, in order: here the run 1, 2, 3, where the line ends alone give 2, 3."""
    buf = b"Gates first. 1/       Then the beams. 2/\nThen the crew. 3/\n"
    second = buf.index(b"Then the beams")
    mid_line = Trailer(buf.index(b" 1/"), second, 1)
    found = trailing_numbers(buf, 0, len(buf), [mid_line])
    assert [trailer.number for trailer in found] == [1, 2, 3]
    assert found[0] == mid_line
    assert [trailer.number for trailer in trailing_numbers(buf, 0, len(buf))] == [2, 3]


@pytest.mark.parametrize(
    "line",
    [
        # The first number is no thread's first: text, like a fraction.
        "The crew was done. 5/ Image Then the boats came. 6/ Image",
        # A post numbered at its start: a number at its end is the author's text.
        "2/ The crew was done. 3/ Image Then the boats came.",
    ],
)
def test_a_picture_after_a_number_that_follows_no_numbering_splits_nothing(line: str) -> None:
    corpus = parse_text(line + "\n")
    assert len(texts(corpus)[0]) == 1


def test_numbers_that_skip_one_post_still_split() -> None:
    corpus = parse_text("Gates first. 1/ Image Then the beams. 3/ Image Then the crew. 4/ Image\n")
    assert numbers(corpus) == [[1, 3, 4]]
    assert corpus.missing(0) == [2]


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


UNNUMBERED_TEASERS = (
    "Harbour Notes Profile picture\n"
    "Stories of the old quays, told one a day.\n"
    "12 subscribers\n"
    "Mar 4 9 tweets 3 min read\n"
    "Ninety years ago the last sailing barge left the east quay.\n\n"
    "Here is how the quay lived and died 🧵👇 Image The quay opened in 1821 for coal.\n\n"
    "Within a decade it carried timber and grain as well. Image\n"
    "Mar 3 7 tweets 2 min read\n"
    "The lock keeper kept a diary for forty years.\n\n"
    "This is what it says 🧵 Image He started it the winter the gates froze.\n\n"
    "Nobody read it until his grandson did. Image\n"
)


def test_a_picture_mid_line_in_an_unnumbered_teaser_ends_its_first_post() -> None:
    """An author page's teaser of unnumbered posts runs the first post's picture and the
    second post onto one line (`… 🧵👇 Image The quay …`): the mark ends the first post, the
    text after it opens the second, and the mark is text of neither."""
    corpus = parse_text(UNNUMBERED_TEASERS)
    assert texts(corpus) == [
        [
            "Ninety years ago the last sailing barge left the east quay.\n\n"
            "Here is how the quay lived and died 🧵👇",
            "The quay opened in 1821 for coal.\n\n"
            "Within a decade it carried timber and grain as well.",
        ],
        [
            "The lock keeper kept a diary for forty years.\n\nThis is what it says 🧵",
            "He started it the winter the gates froze.\n\nNobody read it until his grandson did.",
        ],
    ]


def test_image_as_a_word_after_a_full_stop_in_a_teaser_stays_the_authors() -> None:
    """In an unnumbered teaser, `Image` after a full stop may be the author's own word (`…
    the end. Image Comics bought …`): it stays in the post's text, no word lost."""
    corpus = parse_text(
        UNNUMBERED_TEASERS.replace(
            "Here is how the quay lived and died 🧵👇 Image The quay",
            "That was the end. Image Comics bought the quay",
        )
    )
    assert "the end. Image Comics bought the quay opened" in texts(corpus)[0][0]
