"""Page headers as copies give them: the 2019 thread page with the name and handle on the line
between its picture and its length, and an author page with the row of its subscribers under
the bio (tests/fixtures/pages/)."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.given import ThreadMeta

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"


def test_2019_header_with_name_and_handle_on_their_own_line() -> None:
    """`Profile picture`, `Name @handle`, `, 3 tweets, …`: the three lines are the header,
    skipped, and give the thread its author, handle and length; the name line is no thread."""
    corpus = load_corpus([PAGES / "tra_2019_name_handle.txt"])
    assert numbers(corpus) == [[None]]
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3]
    assert corpus.meta(0) == ThreadMeta("Nell Arden", "nellarden", None, 3)


def test_author_page_subscribers_row_is_chrome_and_the_bio_above_it_too() -> None:
    """The row of subscribers' names and pictures ending `3 subscribed` is chrome, and the bio
    between the author's picture and that row is still read as the header's bio, not a
    thread: the page has one thread, by the author whose picture opens it."""
    corpus = load_corpus([PAGES / "author_page_subscribers.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4]
    assert corpus.thread_count == 1
    assert corpus.meta(0).author == "Ivo Marsh"
    assert corpus.meta(0).date == "2024-04-09"


def test_length_lines_with_the_logo_name_or_an_age_are_header_chrome() -> None:
    """`Sep 3 4 tweets 1 min read Twitter logo Read on Twitter` (the link after its logo's
    name) and `21h 3 tweets 1 min read` (a page less than a day old gives the thread's age):
    both are header lines, skipped, never a thread's title; the age is no date, nor a name."""
    corpus = load_corpus([PAGES / "tra_logo_and_age.txt"])
    assert numbers(corpus) == [[1, 2], [1, 2]]
    assert [line for line, _ in skipped(corpus)] == [1, 2, 5, 6, 7]
    assert corpus.meta(0) == ThreadMeta("Mara Linde", None, "Sep 3", 4)
    assert corpus.meta(1) == ThreadMeta("Mara Linde", None, None, 3)


def test_author_page_bio_above_its_added_to_my_authors_line_is_chrome() -> None:
    """An author page copied from its bio down: the bio and `12 added to My Authors` under it
    are the header, skipped; the threads are the two teasers under their length lines."""
    corpus = load_corpus([PAGES / "author_page_added.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 6]
    assert [corpus.title(t) for t in range(corpus.thread_count)] == [
        "The oldest lock gate in the county came out of the water this week.",
        "Why the boatmen painted roses and castles on everything.",
    ]


def test_author_page_subscriber_count_and_the_bio_above_it_are_chrome() -> None:
    """`41 subscribers` under the bio is the author page's header, and so is the bio between it
    and the author's picture: neither is a thread; the page's two teasers are."""
    corpus = load_corpus([PAGES / "author_page_subscriber_count.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4, 9]
    assert [corpus.title(t) for t in range(corpus.thread_count)] == [
        "The lamp at Grey Point was first lit in 1821 and burned whale oil for forty years.",
        "A short history of the fog signal, from cannon to diaphone.",
    ]
    assert corpus.meta(0) == ThreadMeta("Tess Oakridge", None, "Oct 3", 6)


def test_an_author_page_copied_from_a_bio_of_two_lines_skips_both() -> None:
    """A copy that opens with a bio of two lines above `6 subscribers`: both lines are the
    bio (the text opens there, so nothing but the header can stand above the count)."""
    corpus = load_corpus([PAGES / "author_page_bio_two_lines.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4, 7]
    assert corpus.thread_count == 2
    assert corpus.title(0) == "Before satellites, a coastline was measured one triangle at a time."


def test_only_the_line_next_to_the_count_is_bio_when_a_post_may_stand_above() -> None:
    """Above the bio line stands text that no chrome bounds (a thread before the page): only
    the line right above the count is taken for the bio; the text above stays a thread."""
    text = (
        "1/ The ferry ran every hour until the bridge opened.\n"
        "2/ After that it ran twice a day, then not at all.\n"
        "Ferries, bridges and the towns between them.\n"
        "12 subscribers\n"
        "Jun 2 • 4 tweets • 1 min read\n"
        "The first bridge was made of rope.\n"
    )
    corpus = parse_text(text)
    assert [line for line, _ in skipped(corpus)] == [3, 4, 5]
    assert numbers(corpus) == [[1, 2], [None]]


def test_author_page_row_ending_added_to_my_authors_is_chrome_with_the_bio_above() -> None:
    """The older layout's row of followers ends `1 added to My Authors` on the picture line:
    the row is chrome, and the bio between the author's picture and it is the header's."""
    corpus = load_corpus([PAGES / "author_page_added_row.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4]
    assert corpus.thread_count == 1
    assert corpus.meta(0) == ThreadMeta("Orrin Vale", None, "2022-03-02", 5)


def test_bare_dates_under_an_author_pages_subscriber_count_head_its_teasers() -> None:
    """The older author page heads each teaser with a bare date: under the page's subscriber
    count, which opens its listing of threads, each date is chrome and dates the teaser."""
    corpus = load_corpus([PAGES / "author_page_bare_dates.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4, 7]
    assert [corpus.meta(t).date for t in range(corpus.thread_count)] == [
        "2021-08-14",
        "2021-06-22",
    ]


def test_a_bio_above_bare_dates_is_the_header_of_an_older_author_page() -> None:
    """An older author page copied from under the handle opens with the author's bio, then a
    bare date over each teaser: the bio and the dates are chrome, each date the teaser's."""
    corpus = load_corpus([PAGES / "author_page_bio_bare_dates.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 5]
    assert numbers(corpus) == [[None], [None]]
    assert [corpus.meta(t).date for t in range(corpus.thread_count)] == [
        "2020-03-09",
        "2020-02-02",
    ]
    assert texts(corpus)[1] == ["Why the towpath moves to the other bank at the aqueduct."]


def test_an_older_author_page_of_one_thread_reads_its_bio_as_the_header() -> None:
    """An older author page copied whole (name, handle, bio, then one bare date over its only
    teaser): the handle makes it a page header, so the bio and the date are chrome and the
    teaser carries the author, handle and date. (Copied from under the handle, a bio over one
    date is no evidence of a page, and stays text: see the test below.)"""
    corpus = load_corpus([PAGES / "author_page_old_single.txt"])
    assert [line for line, _ in skipped(corpus)] == [1, 2, 3, 4]
    assert texts(corpus) == [["Why a laid hedge is cut at the base and bent, not snapped."]]
    assert corpus.meta(0) == ThreadMeta("Ida Fenwick", "idafenwick", "Nov 12", None)


def test_a_bio_above_dates_across_a_new_year_is_an_older_author_pages_header() -> None:
    """Thread Reader App shows a date of the current year without its year and an older one
    with it (`Jan 3` over `Dec 28, 2025`), so a listing newest first across a New Year still
    reads its dates as running back: the bio and both dates are chrome."""
    corpus = parse_text(
        "Writes about canals and the boats on them.\nJan 3\nWinter moorings, who pays.\n"
        "Dec 28, 2025\nThe last lock before the freeze.\n"
    )
    assert [line for line, _ in skipped(corpus)] == [1, 2, 4]
    assert texts(corpus) == [["Winter moorings, who pays."], ["The last lock before the freeze."]]


@pytest.mark.parametrize(
    "text",
    [
        "Notes on canals and locks.\nMar 9\nThe lock at Hatton is slow.\n",
        "The lock reopened on\nApr 2\nand closed on\nMar 9\nfor repairs.\n",
        "Notes on canals and locks.\nApr 2\n1/ The lock at Hatton is slow.\nMar 9\nThe end.\n",
        "Notes on canals and locks.\nApr 2\nThe lock at Hatton is slow.\n• • •\nMar 9\nThe end.\n",
        "Canal diary, spring\nMar 9\nThe lock at Hatton is slow.\nApr 2\nThe lock reopened.\n",
        "Canal diary\nDec 30, 2020\nThe lock froze.\nJan 2\nIt thawed.\n",
    ],
    ids=[
        *("one-date", "a-sentence-over-its-dates", "marker-between", "strong-chrome-between"),
        *("dates-forward", "dates-forward-into-this-year"),
    ],
)
def test_a_line_above_a_date_stays_text_without_a_listing_under_it(text: str) -> None:
    """One date under the first line, dates a sentence runs over, a second date past a number
    marker or strong chrome (where a big file may be cut), or dates that run forward, as a
    diary's entries do where an author page lists its newest thread first: no evidence of an
    author page, and the first line stays the thread's text."""
    corpus = parse_text(text)
    assert texts(corpus)[0][0].startswith(text.splitlines()[0])
