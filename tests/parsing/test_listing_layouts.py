"""Listings, author pages and blog reposts read as their layout says: a teaser's paragraphs
under its last number, a listing copied from below its top, posts a teaser runs together on one
line with their pictures, a list numbered across a footer teaser's lines, and a blog's own words
around the tweets it embeds. Fixtures are in tests/fixtures/pages/."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.teaser_lines import heads_a_teaser
from parsing.teaser_tails import (
    joined_by_line_breaks,
    paragraphs_under,
    teaser_closing_number,
    teaser_opening_number,
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


# -- a blog's own words around the tweets it embeds -------------------------------------------


def test_a_blogs_words_around_its_embedded_tweets_are_threads_of_their_own() -> None:
    """Under each tweet a blog embeds stands `— Name (@handle) date`; the blog's introduction
    above the first such tweet and its closing words under the last are no posts of the
    thread, but kept whole, each a thread of its own."""
    corpus = load_corpus([PAGES / "blog_embeds.txt"])
    assert numbers(corpus) == [[None], [1, 2, 3], [None]]
    assert corpus.title(1) == (
        "The footbridge over the mill race is being rebuilt this spring. pic.twitter.com/Ab12Cd34Ef"
    )
    meta = corpus.meta(1)
    assert (meta.author, meta.handle, meta.date) == ("Mara Quill", "maraquill", "2020-03-03")


def test_embedded_tweets_with_no_words_of_the_blog_are_one_thread() -> None:
    corpus = parse_text(
        "1/ The drain is full of eels.\n— Ada Reed (@adareed) June 8, 2021\n"
        "2/ They came through the new pass.\n— Ada Reed (@adareed) June 8, 2021\nShare this:\n"
    )
    assert numbers(corpus) == [[1, 2]]


HERON = "— Pell Ardo (@pellardo) May 2, 2021\n"
HERON_TWEETS = "1/ The heron took the weir at dawn.\n" + HERON + "2/ The gulls gave way.\n" + HERON


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("That was the week on the river.\n", [[1, 2], [None]]),
        ("That was the week on the river.\n1/ A second thread opens.\n", [[1, 2], [None], [1]]),
        ("That was the week on the river.\nTHREAD\nThe weir again.\n", [[1, 2], [None], [None]]),
    ],
    ids=["copy's end", "restarting marker", "thread head"],
)
def test_a_blogs_closing_words_under_its_last_embedded_tweet_are_a_thread_of_their_own(
    after: str, expected: list[list[int | None]]
) -> None:
    """No embed line ends the text under the last tweet a blog embeds: where the copy ends or
    another thread opens under it, as where the page's chrome does, it is the blog's own."""
    corpus = parse_text(HERON_TWEETS + after)
    assert numbers(corpus) == expected
    assert texts(corpus)[1] == ["That was the week on the river."]


def test_text_ending_in_a_post_number_under_the_last_embedded_tweet_stays_in_the_thread() -> None:
    """The author's number says it is a tweet of the thread (its embed line cut off)."""
    corpus = parse_text(HERON_TWEETS + "The heron left at noon. 3/3\n")
    assert numbers(corpus) == [[1, 2, 3]]


def test_a_tweet_a_blog_embeds_by_another_handle_ends_the_thread_above(tmp_path: Path) -> None:
    """A reply or a quoted tweet someone else wrote, embedded under the thread, is no post of
    it: the line under it names another handle. The blog's words above it are its own, as
    above the first tweet a blog embeds, and the other tweet opens a thread with its author."""
    page = tmp_path / "blog.txt"
    page.write_text(
        HERON_TWEETS
        + "Others wrote in with their own sightings.\n\nIt stared me down at the lock.\n"
        + "— Quinn Lowe (@quinnlowe) May 3, 2021\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2], [None], [None]]
    assert texts(corpus)[1:] == [
        ["Others wrote in with their own sightings."],
        ["It stared me down at the lock."],
    ]
    assert (corpus.meta(0).handle, corpus.meta(2).handle) == ("pellardo", "quinnlowe")


def test_tweets_embedded_under_the_same_handle_in_other_case_are_one_thread() -> None:
    corpus = parse_text(
        "The heron took the weir.\n" + HERON + "The gulls gave way.\n"
        "— Pell Ardo (@PellArdo) May 2, 2021\n"
    )
    assert numbers(corpus) == [[None, None]]


def test_text_above_a_thread_that_an_old_twitter_page_goes_on_past_stays_its_first_post() -> None:
    """Only a blog's embed line says a tweet was embedded: `Show this thread` under the post
    leaves the text above `1/` the thread's own."""
    corpus = parse_text(
        "Why we moved.\n1/ The shop closed.\nShow this thread\n2/ We found a barn.\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]


def test_a_teasers_opening_that_announces_the_thread_stays_apart_from_post_one() -> None:
    """A teaser whose posts run together, one line break apart, each numbered at its end
    (`… /1`): the opening text above post 1, ending `A thread 🧵`, is the thread's opening
    post, unnumbered, not the start of post 1."""
    corpus = parse_text(
        "Most recents (9)\nThe canal was dug by hand.\n\nThe story of its locks.\n\nA thread 🧵\n"
        "The first lock rose in a single summer. /1\nThe second one took three years. /2\n"
        "Read 12 tweets\n"
    )
    assert numbers(corpus) == [[None, 1, 2]]
    assert texts(corpus)[0] == [
        "The canal was dug by hand.\n\nThe story of its locks.\n\nA thread 🧵",
        "The first lock rose in a single summer.",
        "The second one took three years.",
    ]


def test_a_teasers_opening_that_announces_nothing_is_post_ones_text() -> None:
    """Without the announcement, the text above post 1's line is read as before: post 1's."""
    corpus = parse_text(
        "Most recents (9)\nThe canal was dug by hand.\n"
        "The first lock rose in a single summer. /1\nThe second one took three years. /2\n"
        "Read 12 tweets\n"
    )
    assert numbers(corpus) == [[1, 2]]


def test_a_credit_right_under_a_teasers_number_is_that_posts() -> None:
    """A camera emoji and a source (`📷: …`, `📸 by @…`) right under a post's number is the
    credit of that post's picture: no unnumbered last post, no start of the next post."""
    corpus = load_corpus([PAGES / "hashtag_credit_under_number.txt"])
    assert numbers(corpus) == [[1, 2], [1, 2]]
    first, second = texts(corpus)
    assert first[1] == "It was raised a metre after the surge of 1953.\n📷: The parish album"
    assert second == [
        "Why the marsh is grazed by sheep in summer\n📸 by @warden_ravensholm",
        "The grass they crop lets the waders nest.",
    ]


def test_a_camera_emoji_leading_a_posts_words_starts_that_post() -> None:
    """`📸 The view …` names no source: it is the next post's own opening."""
    corpus = parse_text(
        "The dunes shifted again. 1/\n📸 The view from the old path\nis gone now. 2/\n"
    )
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][1].startswith("📸 The view")


def test_in_a_thread_page_a_credit_under_a_number_stays_with_its_post() -> None:
    """Outside listings too, the credit under `1/` belongs to post 1, not to post 2's text."""
    corpus = parse_text(
        "The dunes shifted again. 1/\n📷: the warden\nThe path moved inland. 2/\n"
        "The old gate is buried. 3/\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == [
        "The dunes shifted again.\n📷: the warden",
        "The path moved inland.",
    ]


# -- a teaser's first number at a line end ----------------------------------------------------


def test_a_teasers_first_number_at_a_line_end_ends_post_one() -> None:
    """A teaser shows its thread from the start: the first `1/` at a line end is post 1's
    number, after a word as after a sentence, and the text under it is the next post; a lone
    `1/5` after a sentence numbers the teaser's only post."""
    corpus = load_corpus([PAGES / "author_page_first_numbers.txt"])
    assert numbers(corpus)[:2] == [[1, None], [1]]
    assert texts(corpus)[:2] == [
        [
            "The lock keepers at Foxton kept a ledger of every boat through the flight",
            "Each entry gave the boat's name, its cargo and the hour it cleared the top lock.",
        ],
        ["Why the towpath changes sides at the old bridge."],
    ]


def test_a_fraction_ending_a_teasers_line_after_a_word_stays_text() -> None:
    """`… by 1/5` runs on from a word: a fraction of running text, no post number."""
    corpus = load_corpus([PAGES / "author_page_first_numbers.txt"])
    assert numbers(corpus)[2] == [None]
    assert texts(corpus)[2][0].endswith("by 1/5\nand the boats came back within a year.")


# -- fractions and ratios in a teaser -----------------------------------------------------------


def test_a_fraction_opening_a_sentence_in_a_teasers_line_stays_text() -> None:
    """`… first. 1/2 cup of brown sugar …`: a number with a total of digits that runs on in
    lower case is a fraction counting the noun after it, not post 1's number; the teaser
    stays one post, its text whole."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[0] == [None]
    assert texts(corpus)[0][0].endswith("first. 1/2 cup of brown sugar goes in after it.")


def test_a_fraction_opening_a_teasers_line_stays_text() -> None:
    """`1/3 of the dough …` opening the teaser's second line is a fraction, not post 1's
    number written under its text: the line stays in the teaser's one post."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[1] == [None]
    assert texts(corpus)[1][0].endswith("stove.\n1/3 of the dough is kept back for the next loaf.")


def test_a_ratio_ending_a_teaser_after_a_preposition_stays_text() -> None:
    """`… by 1/5` right above the next teaser's date line runs on from a word: a ratio of
    the sentence, as it is when more text follows it; post 1's number ends a sentence."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[2] == [None]
    assert texts(corpus)[2] == ["The boatyard cut its winter mooring fees by 1/5"]


def test_a_number_after_a_sentence_still_ends_a_teasers_first_post() -> None:
    """`… of the boat. 1/3` above the next date line numbers the teaser's only post, and
    `… the stove. 1/2 The lid …` ends post 1 mid-line (a capital opens the next post)."""
    corpus = load_corpus([PAGES / "author_page_fractions.txt"])
    assert numbers(corpus)[3:] == [[1], [1, None]]
    assert texts(corpus)[3:] == [
        ["Why the stove goes at the stern of the boat."],
        [
            "Soup in the lock queue. The pot sits on the stove.",
            "The lid stays on through the tunnel.",
        ],
    ]


def test_a_teasers_first_and_last_number_are_read_by_one_rule() -> None:
    """Post 1's number with a total ends a teaser's line after a title or a sentence, whether
    text follows under it or the teaser ends there; after a preposition it is a ratio, both
    ways."""
    for ending, expected in [
        (b"Lock keepers, a short history 1/3", True),
        (b"Lock keepers. 1/3", True),
        (b"The tolls fell by 1/3", False),
        (b"It rained on 1/3 of the days and was 1/3", False),
    ]:
        opening = teaser_opening_number(ending + b"\nMore text.", 0, len(ending) + 11)
        closing = teaser_closing_number(ending, 0, len(ending))
        assert (bool(opening), closing is not None) == (expected, expected), ending


def test_a_fraction_opening_a_teasers_line_does_not_end_the_listing() -> None:
    """On an older author page, each teaser under its bare date: `1/3 of the dough` is the
    teaser's text, not a numbered post that would end the listing, so the dates under it
    still head the next teasers."""
    corpus = load_corpus([PAGES / "author_page_fraction_bare_dates.txt"])
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[0][0].endswith("stove.\n1/3 of the dough is kept back for the next loaf.")
    assert [text for _, text in skipped(corpus)][-2:] == ["Apr 21", "Apr 2"]


def test_a_fraction_of_any_number_opening_a_teasers_line_stays_text() -> None:
    """`2/3 of the dough …` under a teaser's text is a fraction as `1/3 of` is: the number
    with a total runs on in lower case whatever its numerator, so the line stays in the
    teaser's one post (its `2/3` is no post number taken out of the text), and the listing
    goes on: the bare dates under it head the next teasers."""
    corpus = parse_text(
        "Mabel Tarrant\n@mabeltarrant\nNarrowboat cooking.\nMay 4\n"
        "Galley bread. Warm the tin.\n2/3 of the dough is kept back.\n"
        "Apr 21\nSoup in the lock queue.\nApr 2\nWhy the kettle whistles.\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[0] == ["Galley bread. Warm the tin.\n2/3 of the dough is kept back."]
    assert [text for _, text in skipped(corpus)][-2:] == ["Apr 21", "Apr 2"]


def test_a_fraction_opening_a_teaser_right_under_its_line_stays_text() -> None:
    """A teaser whose first line opens `1/2 cup of oats …` or `3/4 of the moorings …` right
    under its date line: the number with a total runs on in lower case, a fraction opening the
    teaser's first sentence, as it is under text of the teaser; the teaser is one unnumbered
    post, its text whole. A number the next word opens a sentence after (`1/5 The kettle …`)
    still numbers post 1."""
    corpus = load_corpus([PAGES / "author_page_fraction_first.txt"])
    assert numbers(corpus) == [[None], [None], [None], [1]]
    assert [posts[0] for posts in texts(corpus)[1:3]] == [
        "1/2 cup of oats goes in before the water boils, not after.",
        "3/4 of the moorings on this stretch fill by noon in summer.",
    ]


def test_a_fraction_opening_a_teaser_under_a_bare_date_stays_text() -> None:
    """The same on an older author page, each teaser under a bare date: the fraction is the
    teaser's text and the listing goes on (the dates under it stay chrome)."""
    corpus = parse_text(
        "Mabel Tarrant\n@mabeltarrant\nNarrowboat cooking.\nMay 4\n"
        "Galley bread. Warm the tin.\nApr 21\n1/2 cup of oats goes in first.\n"
        "Apr 2\nWhy the kettle whistles.\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[1] == ["1/2 cup of oats goes in first."]
    assert [text for _, text in skipped(corpus)][-2:] == ["Apr 21", "Apr 2"]


def test_a_lower_case_first_post_its_thread_numbers_on_keeps_its_number() -> None:
    """A thread whose posts open in lower case (`1/3 so here is …`, `2/3 it left …`) right
    under its date line: the next line numbered 2 says `1/3` is post 1's number, not a
    fraction opening a teaser's text; the number is out of the post's text."""
    corpus = parse_text(
        "Mar 3 • 3 tweets • 1 min read\n1/3 so here is the ferry's story.\n"
        "2/3 it left at six.\n3/3 and that was all.\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][0] == "so here is the ferry's story."


# -- a teaser's opening number against the length its date line declares -----------------------


def test_a_teasers_opening_number_whose_total_is_the_declared_length_numbers_post_1() -> None:
    """`1/3 so here is why …` opening a teaser under `Apr 21 • 3 tweets`: the total is the
    thread's length the page declares, so the number is post 1's whatever case follows, and
    is out of the post's text. `1/n we rebuilt …` (no fraction) numbers post 1 too."""
    corpus = load_corpus([PAGES / "author_page_fraction_declared.txt"])
    assert numbers(corpus)[0] == [1]
    assert numbers(corpus)[2] == [1]
    assert texts(corpus)[0] == ["so here is why the lock gates leak in a dry spell."]
    assert texts(corpus)[2] == ["we rebuilt the paddle gear over one long weekend."]


def test_a_teaser_opening_a_numerator_above_1_under_its_date_line_is_text() -> None:
    """`3/4 Of the moorings …` right under its date line: a teaser shows its thread's first
    post, so no number above 1 opens it; the line is the teaser's text, whole, whatever case
    follows the number."""
    corpus = load_corpus([PAGES / "author_page_fraction_declared.txt"])
    assert numbers(corpus)[1] == [None]
    assert texts(corpus)[1] == ["3/4 Of the moorings past the bridge, only two take a wide beam."]


def test_a_fraction_whose_total_is_not_the_declared_length_stays_text() -> None:
    """`1/4 of the towpath …` under `6 tweets`: the total is no thread length the page
    declares, and lower case runs on from it: a fraction, the teaser's text."""
    corpus = load_corpus([PAGES / "author_page_fraction_declared.txt"])
    assert len(numbers(corpus)) == 4
    assert numbers(corpus)[3] == [None]
    assert texts(corpus)[3] == ["1/4 of the towpath stays closed until the spring stoppage ends."]


def test_a_numerator_above_1_under_a_bare_date_is_text() -> None:
    """On an older author page, `3/4 Of the moorings …` under a bare date is the teaser's
    text as under a date line that declares a length: the listing goes on under it."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\nMay 4\nGates and paddles.\n"
        "Apr 21\n3/4 Of the moorings take a wide beam.\nApr 2\nWhy the cill matters.\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[1] == ["3/4 Of the moorings take a wide beam."]


def test_a_number_above_1_in_any_shape_under_a_date_line_is_text() -> None:
    """`(3/4) Of …`, `3/ Once …` and `[2/6] The …` right under a teaser's date line: a teaser
    shows its thread's first post, so a number above 1 opening it is the teaser's text whatever
    shape the number takes; each teaser is one unnumbered post, its line whole. `1/3 A cope …`
    under `3 tweets` still numbers post 1."""
    corpus = load_corpus([PAGES / "author_page_past_first_shapes.txt"])
    assert numbers(corpus) == [[None], [None], [None], [1]]
    assert [posts[0] for posts in texts(corpus)[:3]] == [
        "(3/4) Of the walls above the beck, only the oldest stand without lime.",
        "3/ Once a through stone cracks, the whole length leans within a winter.",
        "[2/6] The waller's hammer is the only tool the job truly needs.",
    ]


def test_a_number_above_1_in_any_shape_under_a_bare_date_is_text() -> None:
    """On an older author page, `(3/4) Of …` and `3/ Once …` under bare dates are teasers'
    text as under a date line that declares a length: the listing goes on under them, each
    bare date chrome heading the next teaser."""
    corpus = load_corpus([PAGES / "author_page_past_first_bare.txt"])
    assert numbers(corpus) == [[None], [None], [None], [None]]
    assert [posts[0] for posts in texts(corpus)[1:3]] == [
        "(3/4) Of the walls above the beck, only the oldest stand without lime.",
        "3/ Once a through stone cracks, the whole length leans within a winter.",
    ]
    assert [text for _, text in skipped(corpus)][-3:] == ["May 28", "May 19", "May 2"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Notes on walls.\nMay 28\n", True),
        ("Read 4 tweets\n", True),
        ("May 28 • 5 tweets • 1 min read\n", True),
        ("Bo Lind\n@bo\nMay 28\n", False),
        ("Bo Lind\n@bo\n·\nMay 28\n", False),
        ("Notes on walls.\n", False),
    ],
)
def test_a_teaser_stands_under_a_date_that_closes_no_tweets_header(text: str, heads: bool) -> None:
    """The last line of `text` heads a teaser (so a number above 1 under it is the teaser's
    text) when it is a line between teasers or a bare date; a date under a lone handle or its
    separator closes one tweet's own header, which any post of a thread may stand under."""
    buf = text.encode()
    last = buf.rstrip(b"\n").rfind(b"\n") + 1
    assert heads_a_teaser(buf, (last, len(buf) - 1)) is heads


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["1/3 so here is why the gates leak."], [(None, "1/3 so here is why the gates leak.")]),
        (
            ["1/3 so here is why the gates leak.", "2/3 it left the pound dry."],
            [(1, "so here is why the gates leak."), (2, "it left the pound dry.")],
        ),
    ],
)
def test_a_lower_case_first_number_under_a_bare_date_needs_post_2(
    lines: list[str], expected: list[tuple[int | None, str]]
) -> None:
    """Under a bare date, which declares no length, `1/3 so …` alone is the teaser's text,
    whole (nothing of it is lost if the number was post 1's); with `2/3 it left …` under it
    the numbers are the thread's, posts 1 and 2 (`teaser_openings`)."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\nMay 4\nGates and paddles.\n"
        "Apr 21\n" + "\n".join(lines) + "\nApr 2\nWhy the cill matters.\n"
    )
    assert numbers(corpus) == [[None], [number for number, _ in expected], [None]]
    assert texts(corpus)[1] == [text for _, text in expected]


def test_a_length_in_teaser_text_under_a_bare_date_declares_nothing() -> None:
    """`I wrote 3 tweets` is a teaser's text under a bare date, no line between teasers: it
    declares no length, so `1/3 so here …` under it runs on from a fraction, the same
    teaser's text, not a new thread's post 1."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21\nI wrote 3 tweets\n1/3 so here is why.\nApr 9\nOther one.\n"
    )
    assert numbers(corpus) == [[None], [None]]
    assert texts(corpus)[0] == ["I wrote 3 tweets\n1/3 so here is why."]


def test_a_declared_length_numbers_post_1_past_blank_lines_and_past_9() -> None:
    """`1/12 so …` under `12 tweets`, and `1/3 so …` a blank line under `3 tweets`: each
    number is post 1's, out of its text."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21 • 12 tweets • 3 min read\n1/12 so here is why.\nRead 12 tweets\n"
        "Apr 9 • 3 tweets • 1 min read\n\n1/3 so the cill.\nRead 3 tweets\n"
    )
    assert numbers(corpus) == [[1], [1]]
    assert texts(corpus) == [["so here is why."], ["so the cill."]]


def test_a_declared_length_numbers_only_the_line_right_under_it() -> None:
    """`1/3 so the cill.` under a teaser's text line, itself under `3 tweets`: the length
    is declared of the line right under the date line only, so lower case after the total
    runs on from a fraction, the teaser's text."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21 • 3 tweets • 1 min read\nGates leak, I wrote\n1/3 so the cill.\nRead 3 tweets\n"
        "Apr 9 • 2 tweets • 1 min read\nOther one.\nRead 2 tweets\n"
    )
    assert numbers(corpus) == [[None], [None]]
    assert texts(corpus)[0] == ["Gates leak, I wrote\n1/3 so the cill."]


def test_the_length_a_read_line_gives_declares_nothing_of_the_teaser_under_it() -> None:
    """`Read 3 tweets` closes the teaser above it: `1/3 so the cill.` right under it is no
    post 1 by that count, a fraction opening the next teaser's text."""
    corpus = parse_text(
        "Ned Corrie\n@nedcorrie\nLock keeping notes.\n"
        "Apr 21 • 3 tweets • 1 min read\nGates leak.\nRead 3 tweets\n1/3 so the cill.\n"
        "Apr 9 • 2 tweets • 1 min read\nOther one.\nRead 2 tweets\n"
    )
    assert numbers(corpus) == [[None], [None], [None]]
    assert texts(corpus)[1] == ["1/3 so the cill."]


def test_a_date_ending_a_posts_text_leaves_the_next_number_a_post() -> None:
    """`May 28` closing post 1's text on a thread page has a teaser's head's shape, but no
    listing makes it one: `2/ It rained …` under it still numbers post 2, and the date stays
    in post 1's text."""
    corpus = parse_text("1/ We met on the quay on\nMay 28\n2/ It rained all day.\n3/ We left.\n")
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == ["We met on the quay on\nMay 28", "It rained all day."]
