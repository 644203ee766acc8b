"""Text copied from old twitter.com pages: the lines between tweets and each tweet's header are
skipped without ending the thread, and replies by other people are no posts of it (one-line
headers, title bars and the page around a conversation: test_old_twitter_headers)."""

from __future__ import annotations

import pytest

from parsing import load_corpus
from parsing.split_points import run_fresh_points

from .helpers import FIXTURES, numbers, parse_text, skipped, texts

PAGES = FIXTURES / "pages"


@pytest.mark.parametrize(
    "chrome",
    [
        "Show this thread",
        "End of conversation",
        "New conversation",
        "This Tweet is unavailable.",
        "This Tweet was deleted by the Tweet author.",
        "This Tweet was deleted by the Tweet author. Learn more",
        "This Tweet is from a suspended account. Learn more",
        "This Tweet is from an account that no longer exists.",
        "Replying to @canalside",
        "Replying to @canalside and @lockkeeper",
        "3 replies 12 retweets 40 likes",
        "See new Tweets",
        "More replies",
        "Show more replies",
        "Show additional replies, including those that may contain offensive content",
        "Tweet your reply",
        "12 Retweets 40 Likes",
        "1,204 Retweets 3 Quote Tweets 9.1K Likes",
        "12 Reposts 3 Quotes 40 Likes 2 Bookmarks",
        "12.3K Views",
        "10:42 AM · Mar 3, 2019 · Twitter for iPhone",
        "10:42 AM - 3 Mar 2019",
        "Reply 12 Retweet 40 Like 100 Direct message",
        "Reply Retweet 2 Like",
        "-",
        "·",
    ],
)
def test_a_conversation_line_between_posts_is_skipped_and_the_thread_goes_on(chrome: str) -> None:
    corpus = parse_text(f"1/ The lock gates were painted.\n{chrome}\n2/ Green, as before.\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus) == [(2, chrome)]
    assert texts(corpus) == [["The lock gates were painted.", "Green, as before."]]


def test_text_after_a_conversation_line_is_the_next_post_of_the_thread() -> None:
    """Unnumbered tweets are posts of the thread in progress, not threads of their own."""
    corpus = parse_text(
        "The lock gates were painted.\nShow this thread\nGreen, as before.\n"
        "End of conversation\nThe towpath opens on Friday.\n"
    )
    assert numbers(corpus) == [[None, None, None]]
    assert corpus.title(0) == "The lock gates were painted."


def test_a_first_post_after_a_conversation_line_moves_whole_to_the_new_thread() -> None:
    """Text after a conversation line that opens the next thread (its `… 1/`, then numbering
    restarts) is that thread's first post, whole: no part of it stays behind as a post of the
    thread before."""
    corpus = parse_text(
        "1/ The lock gates were painted.\nShow this thread\nA new season on the canal 1/\n"
        "1/ The moorings are free.\n"
    )
    assert numbers(corpus) == [[1], [None, 1]]
    assert texts(corpus) == [
        ["The lock gates were painted."],
        ["A new season on the canal 1/", "The moorings are free."],
    ]


def test_strong_chrome_still_ends_the_thread() -> None:
    corpus = parse_text("1/ The lock gates were painted.\nShow this thread\n• • •\n1/ New one.\n")
    assert numbers(corpus) == [[1], [1]]


def test_a_sentence_that_starts_like_a_conversation_line_is_text() -> None:
    corpus = parse_text("1/ Show this thread to your neighbours.\n2/ End of conversation? No.\n")
    assert corpus.skipped == []
    assert numbers(corpus) == [[1, 2]]


def test_replies_by_other_people_are_skipped_with_their_headers() -> None:
    """The page's author writes the thread; the reply by @tomreed (header, `Replying to`, text)
    is listed as skipped, and the author's tweets stay one thread."""
    corpus = load_corpus([PAGES / "old_twitter_replies.txt"])
    assert texts(corpus) == [
        [
            "The footbridge over the mill race is being rebuilt this spring.",
            "The old planks were oak and lasted forty years.",
            "The new deck will be larch, which weathers to silver.",
        ]
    ]
    skipped_text = [text for _, text in skipped(corpus)]
    assert "Will the path stay open while they work?" in skipped_text
    assert "@tomreed" in skipped_text
    assert corpus.thread_meta[0].handle == "maraquill"
    assert corpus.thread_meta[0].author == "Mara Quill"
    assert corpus.thread_meta[0].date == "2019-03-03"


def test_numbered_tweets_with_dash_separators_and_a_reply_on_two_lines() -> None:
    """`-` between handle and date, `Replying to` with the handle under it, and a reply that is
    itself numbered: the thread is 1, 2, 3 by its author, the reply skipped."""
    corpus = load_corpus([PAGES / "old_twitter_numbered.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][2] == "No, and the old tram line still is."
    skipped_lines = [line for line, _ in skipped(corpus)]
    assert skipped_lines == [*range(1, 5), *range(6, 11), *range(12, 24), 25, 26]
    assert corpus.thread_meta[0].handle == "wrenhollis"


def test_every_line_of_a_conversation_page_is_in_a_post_or_skipped() -> None:
    corpus = load_corpus([PAGES / "old_twitter_numbered.txt"])
    lines = (PAGES / "old_twitter_numbered.txt").read_text().splitlines()
    covered = {line for line, _ in skipped(corpus)}
    for post in range(corpus.post_count):
        covered.update(range(corpus.posts.first_line[post], corpus.posts.last_line[post] + 1))
    assert covered == {number for number, line in enumerate(lines, 1) if line.strip()}


def test_a_header_without_a_separator_is_not_a_tweet_header() -> None:
    """A name, a lone handle and a date with no `·` or `-` between (an unroller's teaser header)
    do not make the text under them a reply."""
    corpus = parse_text(
        "Ana Vidal\n@ana\n·\nMar 3\n1/ The ferry runs late.\n"
        "Bo Lind\n@bo\nMar 3\n2/ Because of the fog.\n"
    )
    assert "Because of the fog." in [text for thread in texts(corpus) for text in thread]


@pytest.mark.parametrize("header", ["{0}\n@{0}\n·\nMar 3\n", "{0} @{0} · Mar 3\n"])
def test_a_page_with_replies_offers_no_cut(header: str) -> None:
    """Whether a tweet is a reply depends on the first header of the page (over several lines
    or on one): a part laid out alone could read it otherwise, so no cut is offered where one
    would be without the reply."""
    raw = (
        header.format("ana")
        + "1/ a\n2/ b\n"
        + header.format("ana")
        + "1/ c\n"
        + header.format("bo")
        + "2/ reply\n"
    ).encode()
    one_author = raw.replace(b"@bo", b"@ana")
    assert run_fresh_points(one_author, 0, len(one_author))
    assert run_fresh_points(raw, 0, len(raw)) == []
    assert numbers(parse_text(raw.decode())) == [[1, 2], [1]]


def test_a_permalink_page_with_the_main_tweet_counts_and_a_reply() -> None:
    """The main tweet's name and handle open the page (its time and counts under it); each
    tweet's counts of replies, retweets and likes are skipped; @sampryce's reply is not a post."""
    corpus = load_corpus([PAGES / "old_twitter_permalink.txt"])
    assert texts(corpus) == [
        [
            "Thread: the village pond was dredged this week, and here is what came up.",
            "Two shopping trolleys, a bicycle wheel and a brass doorknob.",
            "No bell, but the ducks came back within the hour.",
        ]
    ]
    assert [line for line, _ in skipped(corpus)] == [
        1,
        2,
        *range(4, 13),
        *range(14, 29),
        *range(30, 34),
    ]
    assert corpus.thread_meta[0].handle == "ivycalder"
    assert corpus.thread_meta[0].author == "Ivy Calder"


def test_a_lone_dash_dividing_a_post_stays_in_it() -> None:
    """People type a lone `-` (or `·`) between paragraphs of their own post: away from any other
    chrome it is text, and the post is not cut in two; one right above the next number marker
    or ending the text is skipped."""
    corpus = load_corpus([PAGES / "dash_divider.txt"])
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][:2] == [
        "The orchard society's rules for the picking weekend:\n-\nBring your own baskets.\n-\n"
        "Ladders stay on the grass, never on the path.",
        "Cider pressing starts at noon on Sunday.\n·\n"
        "Apples bruised in the picking go to the press first.",
    ]
    assert skipped(corpus) == [(10, "-")]


@pytest.mark.parametrize("separator", ["-", "·"])
def test_a_lone_separator_above_the_next_marker_is_skipped(separator: str) -> None:
    corpus = parse_text(f"1/ The well was capped.\n{separator}\n\n2/ A pump replaced it.\n")
    assert texts(corpus) == [["The well was capped.", "A pump replaced it."]]
    assert skipped(corpus) == [(2, separator)]


def test_a_lone_dash_by_conversation_lines_is_skipped_one_inside_a_tweet_is_text() -> None:
    """On a twitter.com copy the `-` next to `Show this thread` or above a tweet header is the
    page's; the `-` between two lines of one tweet, next to no chrome, is the tweet's text."""
    corpus = load_corpus([PAGES / "old_twitter_dividers.txt"])
    assert texts(corpus) == [
        [
            "The quarry pond is open for swimming again.",
            "The water was tested last week:\n-\nclear, and colder than it looks.",
            "Lifeguards are there on weekends only.",
        ]
    ]
    assert [line for line, text in skipped(corpus) if text == "-"] == [6, 13]


def test_a_run_of_lone_dashes_under_a_tweet_is_skipped_between_two_tweets() -> None:
    """A copy keeps a run of lone `-` lines of the links under a tweet: two in a row are the
    page's, and the line under them opens the next tweet."""
    corpus = load_corpus([PAGES / "old_twitter_dash_run.txt"])
    assert [post.count("\n") for post in texts(corpus)[0]] == [0, 0, 0, 0]
    assert texts(corpus)[0][1].startswith("The harbour office first counted")
    assert skipped(corpus) == [
        (2, "-"),
        (3, "-"),
        (5, "Show this thread -"),
        (7, "Show this thread -"),
    ]


@pytest.mark.parametrize("run", ["-\n-", "·\n\n·", "-\n·\n-"])
def test_a_run_of_lone_separators_in_an_unnumbered_text_is_skipped(run: str) -> None:
    corpus = parse_text(f"The well was capped.\n{run}\nA pump replaced it.\n")
    assert texts(corpus) == [["The well was capped.", "A pump replaced it."]]
    assert [text for _, text in skipped(corpus)] == [line for line in run.split("\n") if line]


def test_a_run_of_lone_separators_inside_a_numbered_post_stays_in_it() -> None:
    """The numbers mark where the posts end: a run inside one is its text, not a cut."""
    corpus = parse_text("1/ The well was capped.\n-\n-\nA pump replaced it.\n2/ Then a tap.\n")
    assert texts(corpus) == [["The well was capped.\n-\n-\nA pump replaced it.", "Then a tap."]]
    assert corpus.skipped == []
