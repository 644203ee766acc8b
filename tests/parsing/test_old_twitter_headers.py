"""Text copied from old twitter.com pages, their headers: one-line tweet headers, numbers at the
end of the tweets a page delimits, the title bar and its counts, and the page around a
conversation, which ends the thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.split_points import run_fresh_points

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"


def test_one_line_tweet_headers_are_skipped_and_a_reply_by_another_handle_with_them() -> None:
    """`Name @handle · Mar 3, 2019` is a tweet's header on one line: skipped, the thread going
    on past it; the reply under @pietvos's header is skipped whole; the page's header gives the
    thread its author, handle and date."""
    corpus = load_corpus([PAGES / "old_twitter_one_line.txt"])
    assert texts(corpus) == [
        [
            "The canal boat festival moves to the north basin this year.",
            "Moorings open from Thursday; the locks stay shut on Saturday.",
            "Only blue badge holders can park there, so come by bus.",
        ]
    ]
    assert [line for line, _ in skipped(corpus)] == [1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Tamsin Roe", "tamsinroe", "2019-03-03")


@pytest.mark.parametrize("date", ["Mar 3", "3h", "Mar 3, 2019", "12 Jan 2020", "45m"])
def test_a_one_line_header_between_numbered_tweets_is_passed(date: str) -> None:
    header = f"Ada Kerr @adakerr · {date}"
    corpus = parse_text(f"{header}\n1/ The ferry runs late.\n{header}\n2/ Because of fog.\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(1, header), (3, header)]


@pytest.mark.parametrize(
    "line",
    [
        "Tickets from @harbourhall · Mar 3 · doors at seven",
        "Ada Kerr @adakerr · soon",
        "@adakerr · Mar 3",
        "Ada Kerr @adakerr Mar 3",
    ],
)
def test_a_line_only_like_a_one_line_header_is_text(line: str) -> None:
    corpus = parse_text(f"1/ The ferry runs late.\n{line}\n2/ Because of fog.\n")
    assert skipped(corpus) == []
    assert texts(corpus)[0][0] == f"The ferry runs late.\n{line}"


def test_a_numbered_post_shaped_like_a_one_line_header_is_a_post() -> None:
    corpus = parse_text("1/ The ferry runs late.\n2/ Meet us @harbourhall · Mar 3\n")
    assert texts(corpus) == [["The ferry runs late.", "Meet us @harbourhall · Mar 3"]]
    assert corpus.skipped == []


def test_numbers_at_the_end_of_tweets_the_page_delimits_number_them() -> None:
    """Each tweet ends with its number (`… 1/`): one number at a line end is no post number in
    running text, but the page's headers delimit each tweet, so at a tweet's end it is."""
    corpus = load_corpus([PAGES / "old_twitter_trailing.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0] == [
        "The village pond was dredged this week, and here is what came up.",
        "Two shopping trolleys, a bicycle wheel and a brass doorknob.",
        "No bell, but the ducks came back within the hour.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not where the thread's numbering goes on: a date, a fraction, a skipped-ahead number.
        ("Meet on 10/31\nShow this thread\nBring a lamp.\n", [[None, None]]),
        ("Start. 1/\nShow this thread\nMore. 5/\n", [[1, None]]),
        # A number inside the tweet rather than at its end is text; the `2/` after it numbers
        # the second tweet, the first staying unnumbered as above any `2/`.
        ("Start. 1/ and more\nShow this thread\nEnd. 2/\n", [[None, 2]]),
    ],
    ids=["date", "skipped ahead", "inside"],
)
def test_a_tweet_end_number_must_continue_the_thread(
    text: str, expected: list[list[int | None]]
) -> None:
    assert numbers(parse_text(text)) == expected


def test_a_page_with_its_title_bar_counts_on_lines_of_their_own_and_the_side_column() -> None:
    """`Thread`, `See new Tweets` and `Conversation` above the first tweet's header, the time
    with the app it was sent from on lines of their own, each count above what it counts, the
    links to more replies, the people the column suggests and the footer: all skipped; the
    author's three tweets are the thread, dated by the main tweet's time."""
    corpus = load_corpus([PAGES / "old_twitter_title_bar.txt"])
    assert texts(corpus) == [
        [
            "The lighthouse keeper's cottage opens as a museum on Saturday. What you will find "
            "inside:",
            "The lens room, with the original brass lamp polished for the first time in decades.",
            "The logbooks, open at the night of the great storm.",
        ]
    ]
    assert [line for line, _ in skipped(corpus)] == [
        *range(1, 6),
        *range(7, 23),
        *range(24, 31),
        *range(32, 44),
    ]
    meta = corpus.thread_meta[0]
    assert (meta.author, meta.handle, meta.date) == ("Nell Harrow", "nellharrow", "2020-06-08")


@pytest.mark.parametrize("word", ["Thread", "Tweet", "Conversation"])
def test_a_title_bar_word_with_no_tweet_header_under_it_is_text(word: str) -> None:
    """Words a post may hold alone: only above a tweet's header are they the page's title."""
    corpus = parse_text(f"{word}\nThe ferry runs late.\nShow this thread\nBecause of fog.\n")
    assert texts(corpus) == [[f"{word}\nThe ferry runs late.", "Because of fog."]]


@pytest.mark.parametrize("line", ["Twitter for iPhone", "TweetDeck", "Likes", "Retweets"])
def test_an_app_name_or_a_count_label_alone_in_a_post_is_text(line: str) -> None:
    """The app a tweet was sent from is chrome only next to other chrome, and what a count
    counts only under its number."""
    corpus = parse_text(f"1/ Which app do you use?\n{line}\n2/ Mine is old.\n")
    assert corpus.skipped == []
    assert texts(corpus) == [[f"Which app do you use?\n{line}", "Mine is old."]]


def test_a_suggested_people_heading_with_no_handle_under_it_leaves_the_text() -> None:
    """Under `Who to follow` (strong chrome), lines with no lone handle among them are no
    people the column suggests: they stay a thread."""
    corpus = parse_text("1/ The ferry runs late.\nWho to follow\nNobody, this week.\n")
    assert texts(corpus) == [["The ferry runs late."], ["Nobody, this week."]]


@pytest.mark.parametrize("top", ["Ana Vidal\n@ana\n", "Thread\nConversation\nAna Vidal\n@ana\n"])
def test_a_page_opening_with_the_main_tweets_header_offers_no_cut(top: str) -> None:
    """The main tweet's name and handle (and the title bar above them) are chrome only by the
    tweet headers further down: a part cut above those headers would read them as a post."""
    raw = (top + "1/ a\n2/ b\n1/ c\nAna Vidal\n@ana\n·\nMar 3\n2/ d\n").encode()
    assert run_fresh_points(raw, 0, len(raw)) == []
    corpus = parse_text(raw.decode())
    assert numbers(corpus) == [[1, 2], [1, 2]]
    assert len(corpus.skipped) == top.count("\n") + 4


@pytest.mark.parametrize(
    "chrome",
    [
        "Don’t miss what’s happening",
        "Don't miss what's happening",
        "People on Twitter are the first to know.",
        "By signing up, you agree to the Terms of Service and Privacy Policy, including Cookie "
        "Use.",
        "Something went wrong. Try reloading.",
        "Something went wrong, but don’t fret — let’s give it another shot.",
        "Who to follow",
        "New to Twitter?",
        "New to X?",
        "People on X are the first to know.",
        "© 2021 Twitter, Inc.",
    ],
)
def test_the_page_around_a_conversation_ends_the_thread(chrome: str) -> None:
    """The banner for a reader not logged in, the page's errors, its side column and footer are
    chrome wherever they stand, and the thread ends at them."""
    corpus = parse_text(f"1/ The ferry runs late.\n2/ Because of fog.\n{chrome}\nLog in\n")
    assert texts(corpus) == [["The ferry runs late.", "Because of fog."]]
    assert skipped(corpus) == [(3, chrome), (4, "Log in")]


def test_the_older_pages_headers_with_a_direction_mark_give_the_name_without_it(
    tmp_path: Path,
) -> None:
    """The older page put an invisible right-to-left mark after the name in each tweet's
    header (`Nell Harrow\u200f @nellharrow · Jun 8, 2019`): no letter of the author's name."""
    page = tmp_path / "old.txt"
    header = "Nell Harrow\u200f @nellharrow · Jun 8, 2019\n"
    page.write_text(
        header
        + "The cottage opens as a museum on Saturday. 1/2\n"
        + "12 replies 40 retweets 100 likes\nReply 12 Retweet 40 Like 100 Direct message\n"
        + header
        + "The lens room has its brass lamp again. 2/2\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2]]
    assert (corpus.meta(0).author, corpus.meta(0).handle) == ("Nell Harrow", "nellharrow")
