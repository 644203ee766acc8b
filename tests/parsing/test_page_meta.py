"""What the chrome lines around a thread say of it: author, handle, date, declared length."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.page_meta import PageMeta, page_meta

from .helpers import FIXTURES

CASES = [
    (
        "current layout",
        ["Orla Brennan", "Subscribe", "@orlabrennan", "Mar 4 •", "6 tweets • 2 min read •"],
        PageMeta("Orla Brennan", "orlabrennan", "Mar 4", 6),
    ),
    (
        "current layout with a year",
        ["Orla Brennan", "@orlabrennan", "Mar 4, 2023", "6 tweets • 2 min read", "Read on X"],
        PageMeta("Orla Brennan", "orlabrennan", "2023-03-04", 6),
    ),
    (
        "copied without bullets",
        ["Hilde Sand Profile picture", "Feb 27 20 tweets 5 min read"],
        PageMeta("Hilde Sand", None, "Feb 27", 20),
    ),
    (
        "copied without bullets, the date and length on one line",
        ["Hilde Sand Profile picture", "Jul 12, 2024 31 tweets 10 min read Read on X"],
        PageMeta("Hilde Sand", None, "2024-07-12", 31),
    ),
    (
        "a day with its ordinal, before the length",
        ["Tomas Reyes Profile picture", "Oct 1st 2020, 3 tweets, 1 min read Read on Twitter"],
        PageMeta("Tomas Reyes", None, "2020-10-01", 3),
    ),
    (
        "threader.app, its header on one line",
        ["Ada Quill + Your Authors @adaquill Notes on quiet trains. Jun 3, 2021 · 1 min read"],
        PageMeta("Ada Quill", "adaquill", "2021-06-03", None),
    ),
    (
        "scrolly",
        ["Maren Holt Profile picture", "Keeper of bees, reader of maps.", "Mar 3, 2022, 12 tweets"],
        PageMeta("Maren Holt", None, "2022-03-03", 12),
    ),
    (
        "2019 layout without the name",
        ["Profile picture", ", 9 tweets, 2 min read Read on Twitter"],
        PageMeta(None, None, None, 9),
    ),
    (
        "2019 layout with the name",
        ["Tomas Reyes, 4 tweets, 1 min read Read on Twitter"],
        PageMeta("Tomas Reyes", None, None, 4),
    ),
    (
        "author page",
        [
            "Ines Varga",
            "@inesvarga",
            "Writes about lighthouses.",
            "Sep 2, 2022 • 7 tweets • 2 min read",
        ],
        PageMeta("Ines Varga", "inesvarga", "2022-09-02", 7),
    ),
    (
        "teaser under More from, after the footer",
        [
            "• • •",
            "Keep Current with",
            "Orla Brennan",
            "Read all threads",
            "More from @orlabrennan",
            "Jan 9",
        ],
        PageMeta("Orla Brennan", "orlabrennan", "Jan 9", None),
    ),
    (
        "day before month",
        ["10 Oct 2021"],
        PageMeta(None, None, "2021-10-10", None),
    ),
    (
        "day before month, an earlier year in two digits",
        ["More from @orlabrennan", "23 Dec 20"],
        PageMeta(None, "orlabrennan", "2020-12-23", None),
    ),
    ("only the end marker", ["• • •", "force a refresh"], PageMeta()),
    (
        "old twitter.com header on one line",
        ["Ada Kerr @adakerr · Mar 3"],
        PageMeta("Ada Kerr", "adakerr", "Mar 3", None),
    ),
    (
        "one-line header with a year, day first",
        ["Ada Kerr @adakerr · 12 Jan 2020"],
        PageMeta("Ada Kerr", "adakerr", "2020-01-12", None),
    ),
    (
        "one-line header with a relative time: no date",
        ["Ada Kerr @adakerr · 3h"],
        PageMeta("Ada Kerr", "adakerr", None, None),
    ),
    (
        "one-line header only fills what the page leaves unsaid",
        ["Orla Brennan", "@orlabrennan", "Ada Kerr @adakerr · Mar 3, 2019"],
        PageMeta("Orla Brennan", "orlabrennan", "2019-03-03", None),
    ),
]


@pytest.mark.parametrize(("lines", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_page_meta(lines: list[str], expected: PageMeta) -> None:
    assert page_meta(lines) == expected


def test_read_n_tweets_counts_the_thread_above_it() -> None:
    """Under a hashtag listing's teaser, `Read N tweets` follows the thread it counts."""
    assert page_meta(
        ["Most recents (24)"], after=["Read 5 tweets", "Related hashtags"]
    ) == PageMeta(declared_posts=5)
    assert page_meta(["Read 5 tweets"]).declared_posts is None


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (["You can follow @ferrywatch.", "Latest Threads Unrolled:"], (None, "ferrywatch")),
        (
            ["• • •", "Keep Current with Wren Hollis", "More from @wrenhollis", "12 Mar"],
            ("Wren Hollis", "wrenhollis"),
        ),
        (["Keep Current with", "Wren Hollis", "Read all threads"], ("Wren Hollis", None)),
        (["Thread by @wrenhollis on Thread Reader App"], (None, "wrenhollis")),
    ],
    ids=["twtext", "thread reader app", "name on the next line", "thread by"],
)
def test_a_footer_names_the_author_of_the_thread_above(
    after: list[str], expected: tuple[str | None, str | None]
) -> None:
    """A page copied without its header says whose thread it is only in the footer under it."""
    found = page_meta(["• • •"], after)
    assert (found.author, found.handle) == expected


@pytest.mark.parametrize(
    ("inside", "after", "expected"),
    [
        (
            ["— Mara Quill (@maraquill) March 3, 2020"],
            [],
            ("Mara Quill", "maraquill", "2020-03-03"),
        ),
        (
            [],
            ["Originally tweeted by Fen Harrow (@fenharrow) on March 2, 2020."],
            ("Fen Harrow", "fenharrow", "2020-03-02"),
        ),
    ],
    ids=["embedded tweet", "originally tweeted"],
)
def test_a_blog_attribution_names_the_author_and_the_day(
    inside: list[str], after: list[str], expected: tuple[str, str, str]
) -> None:
    """A blog reposting a thread says under each embedded tweet, or under the thread, whose it
    is and when it was posted (the blog's own byline date is the repost's, not the thread's)."""
    found = page_meta(["Posted on March 4, 2020 by Mara Quill"], after, inside)
    assert (found.author, found.handle, found.date) == expected


def test_a_header_wins_over_the_footer() -> None:
    """The header above a thread is its own; the footer only fills what the header left out."""
    found = page_meta(["Ines Varga", "@inesvarga", "Sep 2"], ["More from @orlabrennan"])
    assert (found.author, found.handle) == ("Ines Varga", "inesvarga")


def test_a_twtext_footer_is_not_the_next_threads() -> None:
    """A "You can follow @x." under one thread says nothing of the thread after it."""
    assert page_meta(["You can follow @ferrywatch.", "Latest Threads Unrolled:"]).handle is None


def test_meta_of_a_page_copied_without_its_header() -> None:
    corpus = load_corpus([FIXTURES / "pages" / "tra_no_header.txt"])
    first = corpus.thread_meta[0]
    assert (first.author, first.handle, first.date) == ("Wren Hollis", "wrenhollis", None)
    corpus = load_corpus([FIXTURES / "pages" / "twunroll.txt"])
    assert corpus.thread_meta[0].handle == "ferrywatch"


def test_every_thread_of_an_author_page_has_its_author() -> None:
    """On an author page only a date and length line heads each thread after the first: the
    page's header above the first says whose they all are."""
    corpus = load_corpus([FIXTURES / "pages" / "author_page_heads.txt"])
    metas = [corpus.thread_meta[thread] for thread in range(corpus.thread_count)]
    assert [(m.author, m.date, m.declared_posts) for m in metas] == [
        ("Ines Varga", "Sep 2", 7),
        ("Ines Varga", "Aug 14", 4),
    ]


def test_hashtag_teasers_do_not_share_an_author() -> None:
    """`Read N tweets` alone between two teasers of a hashtag listing says nothing of whose the
    next one is: a listing's teasers are by anyone."""
    corpus = load_corpus([FIXTURES / "pages" / "hashtag_heads.txt"])
    assert [corpus.thread_meta[t].author for t in range(corpus.thread_count)] == [None, None]


def test_the_unrollers_own_account_is_no_authors_handle() -> None:
    """ "Follow @ThreadReaderApp to mention us!" in the footer above a 2019 header names the
    unroller, not the next thread's author."""
    lines = ["Follow @ThreadReaderApp to mention us!", "Profile picture", ", 9 tweets, 2 min read"]
    assert page_meta(lines).handle is None
    assert page_meta(["• • •"], ["Thread by @ThreadReaderApp on Thread Reader App"]).handle is None


def test_a_chrome_line_above_the_handle_is_no_name() -> None:
    assert page_meta(["Read all threads", "@orlabrennan", "Jan 9"]).author is None


def test_meta_from_a_parsed_page() -> None:
    """The skipped lines before each thread of a page give its metadata."""
    corpus = load_corpus([FIXTURES / "pages" / "tra_current.txt"])
    firsts = [corpus.posts.first_line[corpus.thread_posts(t)[0]] for t in range(2)]
    before_first = [s.text for s in corpus.skipped if s.line < firsts[0]]
    before_second = [s.text for s in corpus.skipped if firsts[0] < s.line < firsts[1]]
    after_second = [s.text for s in corpus.skipped if s.line > firsts[1]]
    assert page_meta(before_first) == PageMeta("Orla Brennan", "orlabrennan", "2023-03-04", 6)
    assert page_meta(before_second, after_second) == PageMeta(
        "Orla Brennan", "orlabrennan", "Jan 9", 3
    )


def test_every_teaser_under_more_from_has_the_listing_author() -> None:
    """The teasers after the first under `More from @x` show only a date; the heading says whose
    they are, and the page's header gives that handle's name. A thread after the listing's end
    (an end marker) is not the listing's."""
    corpus = load_corpus([FIXTURES / "pages" / "more_from_named.txt"])
    metas = [corpus.thread_meta.get(thread) for thread in range(corpus.thread_count)]
    assert [(m.author, m.handle) if m else None for m in metas] == [
        ("Bram Ostler", "bramostler"),
        ("Bram Ostler", "bramostler"),
        ("Bram Ostler", "bramostler"),
        ("Bram Ostler", "bramostler"),
        None,
    ]
    assert [m.date if m else None for m in metas[1:4]] == ["Apr 18", "Mar 30", "Feb 11"]
    assert [m.declared_posts if m else None for m in metas[1:4]] == [4, 6, 5]


CLIPPING = """---
title: "Thread by @orlabrennan on Thread Reader App"
published: {published}
---
Orla Brennan
@orlabrennan
{shown}
6 tweets • 2 min read
The canal lock reopens on Monday.
2/ Boats pass again from seven.
"""


@pytest.mark.parametrize(
    ("published", "shown", "date"),
    [
        ("2026-06-22", "Jun 22", "2026-06-22"),  # the same day: the front matter adds the year
        ("2026-06-21", "Jun 22", "Jun 22"),  # another day: the page's own wins
        ("2026-06-22", "Jun 22, 2025", "2025-06-22"),  # the page shows its year
    ],
)
def test_a_clipping_gives_the_year_a_page_date_lacks(
    tmp_path: Path, published: str, shown: str, date: str
) -> None:
    page = tmp_path / "clip.md"
    page.write_text(CLIPPING.format(published=published, shown=shown), encoding="utf-8")
    assert load_corpus([page]).thread_meta[0].date == date


def test_pictures_ending_a_teaser_keep_the_author_page_going() -> None:
    """`Image` lines under a teaser (its pictures) stand between it and the next date line: the
    next thread is still the page author's."""
    corpus = load_corpus([FIXTURES / "pages" / "author_page_pictures_between.txt"])
    metas = [corpus.thread_meta[thread] for thread in range(corpus.thread_count)]
    assert [(m.author, m.date, m.declared_posts) for m in metas] == [
        ("Bram Keller", "Apr 9", 3),
        ("Bram Keller", "Mar 30", 4),
    ]


def test_a_teasers_date_with_a_two_digit_year_is_chrome(tmp_path: Path) -> None:
    """Under `More from @x` a thread of an earlier year is dated day, month and the year in two
    digits (`23 Dec 20`): a date line like the others, not the teaser's first words."""
    page = tmp_path / "page.txt"
    page.write_text(
        "1/ The ferry runs again.\n2/ Twice a day.\n• • •\nMore from @orlabrennan\n23 Dec 20\n"
        "A short note on the winter timetable:\nIt starts in January.\nRead 2 tweets\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert [s.text for s in corpus.skipped][-3:-1] == ["More from @orlabrennan", "23 Dec 20"]
    meta = corpus.thread_meta.get(1)
    assert meta is not None and meta.date == "2020-12-23"
